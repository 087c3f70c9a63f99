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
    /** Dense gamete probabilities: gam[(state * 4 + haplotype) * nt + t]. */
    private final double[] gam;
    /** Sparse gametes: for each state the distinct haplotypes it can transmit, and their probabilities per θ. */
    private final int[] gamCount = new int[S];
    private final int[][] gamHap = new int[S][4];
    private final double[] gamProb;
    private int[] markerSet = new int[0];
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
        gamProb = new double[S * 4 * nt];
        for (int st = 0; st < S; st++) {
            for (int h = 0; h < 4; h++) {
                boolean any = false;
                for (int t = 0; t < nt; t++) {
                    any |= gam[(st * 4 + h) * nt + t] > 0;
                }
                if (any) {
                    int j = gamCount[st]++;
                    gamHap[st][j] = h;
                    System.arraycopy(gam, (st * 4 + h) * nt, gamProb, (st * 4 + j) * nt, nt);
                }
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
            markerSet = new int[n];
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
        logLikelihoods(fs, dosage, pAlt, out, null);
    }

    /**
     * As {@link #logLikelihoods(FamilyStructure, byte[], double, double[])}, reusing and filling a message cache.
     *
     * @param cache the family's message cache, or null
     */
    void logLikelihoods(FamilyStructure fs, byte[] dosage, double pAlt, double[] out, MessageCache cache) {
        int n = fs.n;
        ensure(n);
        double[] hapD = {1 - q, q};
        double[] hapM = {1 - pAlt, pAlt};
        if (!eliminateMarkerGenotypes(fs, dosage)) {
            Arrays.fill(out, 0, nt, Double.NEGATIVE_INFINITY);
            return;
        }
        int nOps = fs.opMarriage.length;
        if (cache == null) {
            for (int i = 0; i < n; i++) {
                if (!initPerson(fs, i, dosage, hapD, hapM)) {
                    Arrays.fill(out, 0, nt, Double.NEGATIVE_INFINITY);
                    return;
                }
            }
            for (int k = 0; k < nOps; k++) {
                peel(fs, fs.opMarriage[k], fs.opTarget[k], null, k, null, 0);
                multiplyInto(fs.opTarget[k], allowed[fs.opTarget[k]], allowedCount[fs.opTarget[k]]);
            }
        } else {
            if (keys.length < nOps) {
                keys = new MessageCache.Key[nOps];
                cached = new double[nOps][];
                skip = new boolean[nOps];
            }
            if (childHit.length < cache.slots()) {
                childHit = new double[cache.slots()][];
                childKeys = new MessageCache.Key[cache.slots()];
            }
            if (skipPerson.length < n) {
                skipPerson = new boolean[n];
            }
            Arrays.fill(skip, 0, nOps, false);
            Arrays.fill(keys, 0, nOps, null);
            Arrays.fill(cached, 0, nOps, null);
            Arrays.fill(skipPerson, 0, n, false);
            long pBits = Double.doubleToLongBits(pAlt);
            // top-down lookups: a hit (of a step's message or of one child's factor) makes the steps below it and
            // the people in it unnecessary
            for (int k = nOps - 1; k >= 0; k--) {
                if (skip[k]) {
                    continue;
                }
                if (cache.enabled(k)) {
                    keys[k] = key(fs, k, dosage, pBits);
                    cached[k] = cache.get(k, keys[k]);
                    if (cached[k] != null) {
                        for (int j = fs.opStart[k]; j < k; j++) {
                            skip[j] = true;
                        }
                        for (int i : fs.opSubtree[k]) {
                            skipPerson[i] = true;
                        }
                        continue;
                    }
                }
                int mk = fs.opMarriage[k];
                int[] kids = fs.marriageChildren[mk];
                for (int ci = 0; ci < kids.length; ci++) {
                    int slot = cache.childSlot(k, ci);
                    childKeys[slot] = null;
                    childHit[slot] = null;
                    int c = kids[ci];
                    if (c == fs.opTarget[k] || !cache.enabled(slot)) {
                        continue;
                    }
                    childKeys[slot] = childKey(fs, c, fs.marriageFather[mk], fs.marriageMother[mk], dosage, pBits);
                    childHit[slot] = cache.get(slot, childKeys[slot]);
                    if (childHit[slot] != null) {
                        for (int j = fs.personOpStart[c]; j < fs.personOpEnd[c]; j++) {
                            skip[j] = true;
                        }
                        for (int i : fs.personSubtree[c]) {
                            skipPerson[i] = true;
                        }
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (!skipPerson[i] && !initPerson(fs, i, dosage, hapD, hapM)) {
                    Arrays.fill(out, 0, nt, Double.NEGATIVE_INFINITY);
                    return;
                }
            }
            int k = 0;
            while (k < nOps) {
                int target = fs.opTarget[k];
                int cnt = allowedCount[target];
                int[] states = allowed[target];
                if (cached[k] != null) {
                    double[] v = cached[k];
                    for (int a = 0; a < cnt; a++) {
                        System.arraycopy(v, a * nt, msg, states[a] * nt, nt);
                    }
                    System.arraycopy(v, cnt * nt, msgScale, 0, nt);
                } else if (!skip[k]) {
                    peel(fs, fs.opMarriage[k], target, cache, k, dosage, pBits);
                    if (keys[k] != null) {
                        double[] v = new double[(cnt + 1) * nt];
                        for (int a = 0; a < cnt; a++) {
                            System.arraycopy(msg, states[a] * nt, v, a * nt, nt);
                        }
                        System.arraycopy(msgScale, 0, v, cnt * nt, nt);
                        cache.put(k, keys[k], v);
                    }
                } else {
                    k++;
                    continue;
                }
                multiplyInto(target, states, cnt);
                k++;
            }
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

    private MessageCache.Key[] keys = new MessageCache.Key[0];
    private double[][] cached = new double[0][];
    private boolean[] skip = new boolean[0];
    private boolean[] skipPerson = new boolean[0];
    private int[] okKidBuf = new int[0];
    /** Child factors found in the cache for the current family, by cache slot. */
    private double[][] childHit = new double[0][];
    private MessageCache.Key[] childKeys = new MessageCache.Key[0];

    private MessageCache.Key key(FamilyStructure fs, int k, byte[] dosage, long pBits) {
        int[] people = fs.opSubtree[k];
        long a = markerSet[fs.opTarget[k]];
        long b = 0;
        boolean untypedFounder = false;
        for (int j = 0; j < people.length; j++) {
            int i = people[j];
            int pos = j + 1;
            if (pos < 21) {
                a |= (long) markerSet[i] << (3 * pos);
            } else {
                b |= (long) markerSet[i] << (3 * (pos - 21));
            }
            untypedFounder |= fs.founder[i] && dosage[i] < 0;
        }
        return new MessageCache.Key(a, b, untypedFounder ? pBits : 0);
    }

    /** Sets the own factor of person i as its initial belief; false if no state is possible. */
    private boolean initPerson(FamilyStructure fs, int i, byte[] dosage, double[] hapD, double[] hapM) {
        double[] b = belief[i];
        int[] al = allowed[i];
        // rows only ever hold non-zero values at the states allowed when they were last set up
        for (int a = 0; a < allowedCount[i]; a++) {
            int o = al[a] * nt;
            for (int t = 0; t < nt; t++) {
                b[o + t] = 0;
            }
        }
        int cnt = 0;
        int dos = dosage[i];
        int set = markerSet[i];
        boolean founder = fs.founder[i];
        LinkageIndividual.Affection aff = fs.affection[i];
        double[] pen = aff == LinkageIndividual.Affection.AFFECTED ? penAffected
                : aff == LinkageIndividual.Affection.UNAFFECTED ? penUnaffected : null;
        for (int s = 0; s < S; s++) {
            int hp = s >> 2;
            int hm = s & 3;
            int m = (hp & 1) + (hm & 1);
            if ((set & (1 << m)) == 0 || (founder && hp > hm)) {
                continue;
            }
            int d = (hp >> 1) + (hm >> 1);
            double f = pen == null ? 1.0 : pen[d];
            if (founder) {
                // founders are unordered: {h1, h2} with h1 <= h2 has probability 2 f(h1) f(h2) if h1 != h2
                f *= hapD[hp >> 1] * hapD[hm >> 1] * (hp != hm ? 2 : 1);
                if (dos < 0) {
                    f *= hapM[hp & 1] * hapM[hm & 1];
                }
            }
            if (f > 0) {
                al[cnt++] = s;
                int o = s * nt;
                for (int t = 0; t < nt; t++) {
                    b[o + t] = f;
                }
            }
        }
        allowedCount[i] = cnt;
        Arrays.fill(scale[i], 0.0);
        return cnt > 0;
    }

    /** Alleles (bitmask of 0 = REF, 1 = ALT) a person with ALT dosage d can transmit. */
    private static final int[] TRANSMIT = {0b01, 0b11, 0b10};

    /**
     * Lange–Goradia genotype elimination at the marker (unordered genotypes 0/1/2 per person, iterated over the
     * nuclear families to a fixed point). Fills markerSet (bit d set = dosage d possible).
     *
     * @return false if some person has no possible genotype left (Mendelian inconsistency)
     */
    private boolean eliminateMarkerGenotypes(FamilyStructure fs, byte[] dosage) {
        int n = fs.n;
        for (int i = 0; i < n; i++) {
            markerSet[i] = dosage[i] >= 0 ? 1 << dosage[i] : 0b111;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = 0; k < fs.marriageFather.length; k++) {
                int f = fs.marriageFather[k];
                int mo = fs.marriageMother[k];
                int[] kids = fs.marriageChildren[k];
                int okF = 0;
                int okM = 0;
                if (okKidBuf.length < kids.length) {
                    okKidBuf = new int[kids.length];
                }
                int[] okKid = okKidBuf;
                Arrays.fill(okKid, 0, kids.length, 0);
                for (int gf = 0; gf < 3; gf++) {
                    if ((markerSet[f] & (1 << gf)) == 0) {
                        continue;
                    }
                    for (int gm = 0; gm < 3; gm++) {
                        if ((markerSet[mo] & (1 << gm)) == 0) {
                            continue;
                        }
                        int possible = 0;
                        for (int a = 0; a < 2; a++) {
                            for (int b = 0; b < 2; b++) {
                                if ((TRANSMIT[gf] & (1 << a)) != 0 && (TRANSMIT[gm] & (1 << b)) != 0) {
                                    possible |= 1 << (a + b);
                                }
                            }
                        }
                        boolean all = true;
                        for (int c : kids) {
                            if ((markerSet[c] & possible) == 0) {
                                all = false;
                                break;
                            }
                        }
                        if (all) {
                            okF |= 1 << gf;
                            okM |= 1 << gm;
                            for (int j = 0; j < kids.length; j++) {
                                okKid[j] |= markerSet[kids[j]] & possible;
                            }
                        }
                    }
                }
                if (okF != markerSet[f] || okM != markerSet[mo]) {
                    changed = true;
                    markerSet[f] = okF;
                    markerSet[mo] = okM;
                }
                for (int j = 0; j < kids.length; j++) {
                    if (okKid[j] != markerSet[kids[j]]) {
                        changed = true;
                        markerSet[kids[j]] = okKid[j];
                    }
                }
                if (okF == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Sums out all members of marriage k except target into msg (per allowed target state and θ) and msgScale. */
    private void peel(FamilyStructure fs, int k, int target, MessageCache cache, int op, byte[] dosage, long pBits) {
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
        for (int ci = 0; ci < kids.length; ci++) {
            int c = kids[ci];
            if (c == target) {
                continue;
            }
            MessageCache.Key childKey = null;
            int slot = -1;
            if (cache != null) {
                slot = cache.childSlot(op, ci);
                childKey = childKeys[slot];
                double[] hit = childHit[slot];
                if (hit != null) {
                    int len = nF * nM * T;
                    for (int x = 0; x < len; x++) {
                        pr[x] *= hit[x];
                    }
                    for (int t = 0; t < T; t++) {
                        msgScale[t] += hit[len + t];
                    }
                    continue;
                }
            }
            addScale(c);
            double[] bc = belief[c];
            int[] ac = allowed[c];
            if (childKey != null) {
                // compute this child's factor alone, store it, then fold it into the pair product
                double[] factor = new double[nF * nM * T + T];
                Arrays.fill(factor, 0, nF * nM * T, 1.0);
                childFactor(bc, ac, allowedCount[c], aF, nF, aM, nM, factor);
                System.arraycopy(scale[c], 0, factor, nF * nM * T, T);
                cache.put(slot, childKey, factor);
                int len = nF * nM * T;
                for (int x = 0; x < len; x++) {
                    pr[x] *= factor[x];
                }
                continue;
            }
            childFactor(bc, ac, allowedCount[c], aF, nF, aM, nM, pr);
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
                    int gM = aM[iM];
                    int uo = iF * 4 * T;
                    for (int j = 0; j < gamCount[gM]; j++) {
                        int go = (gM * 4 + j) * T;
                        int uj = uo + gamHap[gM][j] * T;
                        for (int t = 0; t < T; t++) {
                            u[uj + t] += bF[bfo + t] * bM[bmo + t] * pr[po + t] * gamProb[go + t];
                        }
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
        }
    }

    /** Multiplies into pr[(iF * nM + iM) * nt + t] the probability of child c's belief given each parent pair. */
    private void childFactor(double[] bc, int[] ac, int nC, int[] aF, int nF, int[] aM, int nM, double[] pr) {
        final int T = nt;
        double[] v = work;
        Arrays.fill(v, 0, nM * 4 * T, 0.0);
        int hpMask = 0;
        for (int a = 0; a < nC; a++) {
            hpMask |= 1 << (ac[a] >> 2);
        }
        for (int iM = 0; iM < nM; iM++) {
            int gM = aM[iM];
            int ng = gamCount[gM];
            for (int hp = 0; hp < 4; hp++) {
                if ((hpMask & (1 << hp)) == 0) {
                    continue;
                }
                int vo = (iM * 4 + hp) * T;
                for (int j = 0; j < ng; j++) {
                    int bo = (hp * 4 + gamHap[gM][j]) * T;
                    int go = (gM * 4 + j) * T;
                    for (int t = 0; t < T; t++) {
                        v[vo + t] += gamProb[go + t] * bc[bo + t];
                    }
                }
            }
        }
        for (int iF = 0; iF < nF; iF++) {
            int gF = aF[iF];
            int ng = gamCount[gF];
            int[] gh = gamHap[gF];
            for (int iM = 0; iM < nM; iM++) {
                int vo = iM * 4 * T;
                int po = (iF * nM + iM) * T;
                if (ng == 1) {
                    int v0 = vo + gh[0] * T;
                    int g0 = gF * 4 * T;
                    for (int t = 0; t < T; t++) {
                        pr[po + t] *= gamProb[g0 + t] * v[v0 + t];
                    }
                } else if (ng == 2) {
                    int v0 = vo + gh[0] * T;
                    int v1 = vo + gh[1] * T;
                    int g0 = gF * 4 * T;
                    for (int t = 0; t < T; t++) {
                        pr[po + t] *= gamProb[g0 + t] * v[v0 + t] + gamProb[g0 + T + t] * v[v1 + t];
                    }
                } else {
                    for (int t = 0; t < T; t++) {
                        double x = 0;
                        for (int j = 0; j < ng; j++) {
                            x += gamProb[(gF * 4 + j) * T + t] * v[vo + gh[j] * T + t];
                        }
                        pr[po + t] *= x;
                    }
                }
            }
        }
    
    }

    private MessageCache.Key childKey(FamilyStructure fs, int c, int f, int mo, byte[] dosage, long pBits) {
        int[] people = fs.personSubtree[c];
        long a = markerSet[f] | (long) markerSet[mo] << 3;
        long b = 0;
        boolean untypedFounder = false;
        for (int j = 0; j < people.length; j++) {
            int i = people[j];
            int pos = j + 2;
            if (pos < 21) {
                a |= (long) markerSet[i] << (3 * pos);
            } else {
                b |= (long) markerSet[i] << (3 * (pos - 21));
            }
            untypedFounder |= fs.founder[i] && dosage[i] < 0;
        }
        return new MessageCache.Key(a, b ^ 0x5DEECE66DL, untypedFounder ? pBits : 0);
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
