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
        double best = 0;
        double bestAlpha = 0;
        for (int k = 1; k <= ALPHA_STEPS; k++) {
            double alpha = k / (double) ALPHA_STEPS;
            double h = 0;
            for (double lod : lods) {
                h += admixtureTerm(alpha, lod);
            }
            if (h > best) {
                best = h;
                bestAlpha = alpha;
            }
        }
        return new double[] {best, bestAlpha};
    }
}
