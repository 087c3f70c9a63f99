package org.motif.linkage;

/** Small numeric helpers for LOD and HLOD. */
final class LinkageMath {

    static final int ALPHA_STEPS = 100;

    private LinkageMath() {
    }

    /** @return the index of the largest value (first on ties; NaN ignored), or -1 if all are NaN */
    static int argMax(double[] values) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                continue;
            }
            if (best < 0 || values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * log10(α·10^lod + 1 − α) without overflow.
     */
    static double admixtureTerm(double alpha, double lod) {
        if (alpha == 0) {
            return 0;
        }
        if (lod == Double.NEGATIVE_INFINITY) {
            return Math.log10(1 - alpha);
        }
        if (lod > 0) {
            return lod + Math.log10(alpha + (1 - alpha) * Math.pow(10, -lod));
        }
        return Math.log10(alpha * Math.pow(10, lod) + 1 - alpha);
    }

    /**
     * HLOD at one θ with α maximised on the grid 0..1 step 0.01.
     *
     * @param lods the LODs of the counted families at this θ
     * @return {hlod, alpha}
     */
    static double[] hlod(double[] lods) {
        boolean anyPositive = false;
        for (double lod : lods) {
            anyPositive |= lod > 0;
        }
        if (!anyPositive) {
            // every term log10(α·10^lod + 1 − α) is ≤ 0, so α = 0 (HLOD 0) is the maximum
            return new double[] {0, 0};
        }
        double[] x = new double[lods.length];
        boolean huge = false;
        for (int i = 0; i < lods.length; i++) {
            x[i] = Math.pow(10, lods[i]);
            huge |= lods[i] > 100;
        }
        // h(α) is a sum of logs of functions linear in α, hence concave: the smallest maximiser on the grid is the
        // first k with h(k+1) <= h(k); find it by bisection on the sign of the forward difference.
        int lo = 0;
        int hi = ALPHA_STEPS;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (gridValue(mid + 1, x, lods, huge) > gridValue(mid, x, lods, huge)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        double best = gridValue(lo, x, lods, huge);
        double bestAlpha = lo / (double) ALPHA_STEPS;
        if (!(best > 0)) {
            best = 0;
            bestAlpha = 0;
        }
        return new double[] {best, bestAlpha};
    }

    private static double gridValue(int k, double[] x, double[] lods, boolean huge) {
        if (k == 0) {
            return 0;
        }
        double alpha = k / (double) ALPHA_STEPS;
        if (huge) {
            double h = 0;
            for (double lod : lods) {
                h += admixtureTerm(alpha, lod);
            }
            return h;
        }
        // product of the terms with rescaling; one log per α instead of one per family
        double prod = 1;
        double logs = 0;
        for (double xi : x) {
            prod *= alpha * xi + 1 - alpha;
            if (prod > 1e200 || prod < 1e-200) {
                if (prod == 0) {
                    return Double.NEGATIVE_INFINITY;
                }
                logs += Math.log10(prod);
                prod = 1;
            }
        }
        return logs + Math.log10(prod);
    }
}
