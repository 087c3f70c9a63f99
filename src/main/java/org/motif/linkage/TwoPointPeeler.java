package org.motif.linkage;

import java.util.Arrays;

/**
 * Exact two-point likelihood of one loop-free pedigree by Elston–Stewart peeling over nuclear families.
 *
 * <p>Each person carries a phased two-locus genotype: an ordered pair (paternal, maternal) of haplotypes, each one of
 * dA, dB, DA, DB (disease allele d/D × marker allele REF/ALT), i.e. 16 states. Founders draw both haplotypes from the
 * population (Hardy–Weinberg, linkage equilibrium); a parent with haplotypes h1/h2 transmits h1 or h2 with probability
 * (1−θ)/2 each and each of the two recombinant haplotypes with θ/2. The person's own factor is the penetrance of the
 * disease genotype (for a known affection status) times the indicator that the ordered marker alleles agree with the
 * typed ALT dosage. All θ values are computed in one pass (the innermost loops run over θ). Messages are rescaled and
 * their logarithms accumulated, so large pedigrees do not underflow.
 *
 * <p>Marker priors of <em>typed</em> founders are left out: they are the same for every phase consistent with the
 * typed genotype, so they cancel from every LOD, which then does not depend on the marker allele frequency unless
 * some founder is untyped (this is what makes pattern caching exact).
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class TwoPointPeeler {

    private static final int S = 16;

    private final int nt;
    private final double[] gam;
    private final double[] penAffected = new double[3];
    private final double[] penUnaffected = new double[3];
    private final double q;

    private double[][] belief = new double[0][];
    private double[][] scale = new double[0][];
    private int[][] allowed = new int[0][];
    private int[] allowedCount = new int[0];
    private double[] pair = new double[0];
    private double[] work = new double[0];
    private final double[] msg;
    private final double[] msgScale;

    /**
     * @param model  the disease model
     * @param thetas recombination fractions in [0, 0.5]
     */
    TwoPointPeeler(DiseaseModel model, double[] thetas) {
        nt = thetas.length;
        q = model.diseaseAlleleFrequency();
        for (int d = 0; d < 3; d++) {
            penAffected[d] = model.penetrance(d);
            penUnaffected[d] = 1 - model.penetrance(d);
        }
        gam = new double[S * 4 * nt];
        for (int s = 0; s < S; s++) {
            int h1 = s >> 2;
            int h2 = s & 3;
            int r1 = (h1 & 2) | (h2 & 1);
            int r2 = (h2 & 2) | (h1 & 1);
            for (int t = 0; t < nt; t++) {
                double th = thetas[t];
                gam[(s * 4 + h1) * nt + t] += (1 - th) / 2;
                gam[(s * 4 + h2) * nt + t] += (1 - th) / 2;
                gam[(s * 4 + r1) * nt + t] += th / 2;
                gam[(s * 4 + r2) * nt + t] += th / 2;
            }
        }
        msg = new double[S * nt];
        msgScale = new double[nt];
    }

    private void ensure(int n) {
        if (belief.length < n) {
            belief = new double[n][S * nt];
            scale = new double[n][nt];
            allowed = new int[n][S];
            allowedCount = new int[n];
        }
        if (pair.length < S * S * nt) {
            pair = new double[S * S * nt];
            work = new double[S * 4 * nt];
        }
    }

    /**
     * Natural-log likelihood of the family's phenotypes and marker genotypes at each θ.
     *
     * @param fs      the family (must be analysable)
     * @param dosage  per person of fs the ALT dosage 0..2, or -1 if untyped
     * @param pAlt    ALT allele frequency (> 0, &lt; 1), used for untyped founders only
     * @param out     receives ln L per θ; {@code Double.NEGATIVE_INFINITY} where the likelihood is 0
     */
    void logLikelihoods(FamilyStructure fs, byte[] dosage, double pAlt, double[] out) {
        int n = fs.n;
        ensure(n);
        double[] hapD = {1 - q, q};
        double[] hapM = {1 - pAlt, pAlt};
        for (int i = 0; i < n; i++) {
            double[] b = belief[i];
            int cnt = 0;
            int dos = dosage[i];
            LinkageIndividual.Affection aff = fs.affection[i];
            for (int s = 0; s < S; s++) {
                int hp = s >> 2;
                int hm = s & 3;
                int m = (hp & 1) + (hm & 1);
                double f = 0;
                if (dos < 0 || m == dos) {
                    int d = (hp >> 1) + (hm >> 1);
                    f = aff == LinkageIndividual.Affection.AFFECTED ? penAffected[d]
                            : aff == LinkageIndividual.Affection.UNAFFECTED ? penUnaffected[d] : 1.0;
                    if (fs.founder[i]) {
                        f *= hapD[hp >> 1] * hapD[hm >> 1];
                        if (dos < 0) {
                            f *= hapM[hp & 1] * hapM[hm & 1];
                        }
                    }
                }
                if (f > 0) {
                    allowed[i][cnt++] = s;
                    Arrays.fill(b, s * nt, s * nt + nt, f);
                } else {
                    Arrays.fill(b, s * nt, s * nt + nt, 0.0);
                }
            }
            allowedCount[i] = cnt;
            Arrays.fill(scale[i], 0.0);
            if (cnt == 0) {
                Arrays.fill(out, Double.NEGATIVE_INFINITY);
                return;
            }
        }
        for (int k = 0; k < fs.opMarriage.length; k++) {
            peel(fs, fs.opMarriage[k], fs.opTarget[k]);
        }
        int r = fs.root;
        for (int t = 0; t < nt; t++) {
            double sum = 0;
            for (int a = 0; a < allowedCount[r]; a++) {
                sum += belief[r][allowed[r][a] * nt + t];
            }
            out[t] = sum > 0 ? Math.log(sum) + scale[r][t] : Double.NEGATIVE_INFINITY;
        }
    }

    /** Sums out all members of marriage k except target and multiplies the message into the target's belief. */
    private void peel(FamilyStructure fs, int k, int target) {
        final int T = nt;
        int f = fs.marriageFather[k];
        int mo = fs.marriageMother[k];
        int[] kids = fs.marriageChildren[k];
        int nF = allowedCount[f];
        int nM = allowedCount[mo];
        int[] aF = allowed[f];
        int[] aM = allowed[mo];
        double[] pr = pair;
        Arrays.fill(pr, 0, nF * nM * T, 1.0);
        Arrays.fill(msgScale, 0.0);
        double[] v = work;
        for (int c : kids) {
            if (c == target) {
                continue;
            }
            addScale(c);
            double[] bc = belief[c];
            int[] ac = allowed[c];
            Arrays.fill(v, 0, nM * 4 * T, 0.0);
            for (int a = 0; a < allowedCount[c]; a++) {
                int s = ac[a];
                int hp = s >> 2;
                int hm = s & 3;
                int bo = s * T;
                for (int iM = 0; iM < nM; iM++) {
                    int go = (aM[iM] * 4 + hm) * T;
                    int vo = (iM * 4 + hp) * T;
                    for (int t = 0; t < T; t++) {
                        v[vo + t] += gam[go + t] * bc[bo + t];
                    }
                }
            }
            for (int iF = 0; iF < nF; iF++) {
                int g0 = (aF[iF] * 4) * T;
                for (int iM = 0; iM < nM; iM++) {
                    int vo = iM * 4 * T;
                    int po = (iF * nM + iM) * T;
                    for (int t = 0; t < T; t++) {
                        double x = gam[g0 + t] * v[vo + t]
                                + gam[g0 + T + t] * v[vo + T + t]
                                + gam[g0 + 2 * T + t] * v[vo + 2 * T + t]
                                + gam[g0 + 3 * T + t] * v[vo + 3 * T + t];
                        pr[po + t] *= x;
                    }
                }
            }
        }
        double[] bF = belief[f];
        double[] bM = belief[mo];
        double[] m = msg;
        if (target == f || target == mo) {
            boolean toFather = target == f;
            addScale(toFather ? mo : f);
            int nT = toFather ? nF : nM;
            int nO = toFather ? nM : nF;
            int[] aO = toFather ? aM : aF;
            int[] aT = toFather ? aF : aM;
            double[] bO = toFather ? bM : bF;
            for (int iT = 0; iT < nT; iT++) {
                int mo2 = aT[iT] * T;
                for (int t = 0; t < T; t++) {
                    m[mo2 + t] = 0;
                }
                for (int iO = 0; iO < nO; iO++) {
                    int po = (toFather ? iT * nM + iO : iO * nM + iT) * T;
                    int bo = aO[iO] * T;
                    for (int t = 0; t < T; t++) {
                        m[mo2 + t] += bO[bo + t] * pr[po + t];
                    }
                }
            }
            multiplyInto(target, aT, nT);
        } else {
            addScale(f);
            addScale(mo);
            // W = bF * bM * pair; U[iF][hm] = sum_iM W * gam(gM -> hm)
            double[] u = v;
            Arrays.fill(u, 0, nF * 4 * T, 0.0);
            for (int iF = 0; iF < nF; iF++) {
                int bfo = aF[iF] * T;
                for (int iM = 0; iM < nM; iM++) {
                    int bmo = aM[iM] * T;
                    int po = (iF * nM + iM) * T;
                    int go = aM[iM] * 4 * T;
                    int uo = iF * 4 * T;
                    for (int t = 0; t < T; t++) {
                        double w = bF[bfo + t] * bM[bmo + t] * pr[po + t];
                        u[uo + t] += w * gam[go + t];
                        u[uo + T + t] += w * gam[go + T + t];
                        u[uo + 2 * T + t] += w * gam[go + 2 * T + t];
                        u[uo + 3 * T + t] += w * gam[go + 3 * T + t];
                    }
                }
            }
            int[] aC = allowed[target];
            int nC = allowedCount[target];
            for (int a = 0; a < nC; a++) {
                int s = aC[a];
                int hp = s >> 2;
                int hm = s & 3;
                int mo2 = s * T;
                for (int t = 0; t < T; t++) {
                    m[mo2 + t] = 0;
                }
                for (int iF = 0; iF < nF; iF++) {
                    int go = (aF[iF] * 4 + hp) * T;
                    int uo = (iF * 4 + hm) * T;
                    for (int t = 0; t < T; t++) {
                        m[mo2 + t] += gam[go + t] * u[uo + t];
                    }
                }
            }
            multiplyInto(target, aC, nC);
        }
    }

    private void addScale(int person) {
        double[] sc = scale[person];
        for (int t = 0; t < nt; t++) {
            msgScale[t] += sc[t];
        }
    }

    private void multiplyInto(int target, int[] states, int count) {
        double[] b = belief[target];
        double[] sc = scale[target];
        for (int t = 0; t < nt; t++) {
            double max = 0;
            for (int a = 0; a < count; a++) {
                int o = states[a] * nt + t;
                double x = b[o] * msg[o];
                b[o] = x;
                if (x > max) {
                    max = x;
                }
            }
            if (max > 0) {
                double inv = 1.0 / max;
                for (int a = 0; a < count; a++) {
                    b[states[a] * nt + t] *= inv;
                }
                sc[t] += msgScale[t] + Math.log(max);
            }
        }
    }
}
