package org.motif.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parametric two-point linkage between a biallelic autosomal disease locus and biallelic markers on pedigrees
 * without loops, with results equal to FASTLINK's MLINK.
 *
 * <p>Prepare once per run ({@link #prepare}), then score markers with {@link #analyse} or {@link #analyseAll}.
 * Families are the PED families; a family whose members form several unconnected groups is split into
 * {@code FID#1}, {@code FID#2}, …; a parent named but not listed is added as a founder of unknown phenotype; a person
 * with one parent gets a dummy founder as the other parent. Families with a loop are reported NA with the loop named
 * ({@link LinkageFamily#problem()}). A family with at most one genotyped member scores 0. A family whose genotypes
 * are Mendelian-inconsistent at a marker (likelihood 0 at θ = ½) is NA for that marker.
 *
 * <p>Likelihoods are cached per family by the genotype pattern of its members (plus the allele frequency when a
 * founder is untyped); this is exact, see {@link TwoPointPeeler}. Instances are thread-safe.
 */
public final class LinkageAnalysis {

    /** The default θ grid: 0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4. */
    public static final List<Double> DEFAULT_THETAS = List.of(0.0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4);
    /** Floor applied to each allele frequency before renormalising (FASTLINK cannot use a frequency of 0). */
    public static final double MIN_FREQUENCY = 0.001;
    private static final int CACHE_LIMIT_PER_FAMILY = 200_000;
    /** Heap for cached peeling messages of one run, in doubles (8 M doubles = 64 MB). */
    private static final long MESSAGE_CACHE_DOUBLES = 8_000_000;
    private final java.util.concurrent.atomic.AtomicLong messageBudget =
            new java.util.concurrent.atomic.AtomicLong(MESSAGE_CACHE_DOUBLES);

    private final DiseaseModel model;
    private final double[] thetas;
    private final double[] thetasWithHalf;
    private final AlleleFrequencySource frequencySource;
    private final List<FamilyStructure> structures;
    private final List<LinkageFamily> families;
    private final int[] founderColumns;
    private final int[] memberColumns;
    private final List<Map<MessageCache.Key, FamilyLod>> caches = new ArrayList<>();
    private java.util.concurrent.atomic.AtomicIntegerArray cacheLookups;
    private java.util.concurrent.atomic.AtomicIntegerArray cacheHits;
    private volatile boolean[] cacheOff;
    private final List<MessageCache> messageCaches = new ArrayList<>();
    private final ThreadLocal<Workspace> workspaces;

    private LinkageAnalysis(LinkagePedigree pedigree, List<String> sampleIds, DiseaseModel model, double[] thetas,
                            AlleleFrequencySource frequencySource) {
        this.model = Objects.requireNonNull(model, "model");
        this.frequencySource = Objects.requireNonNull(frequencySource, "frequencySource");
        if (thetas.length == 0) {
            throw new IllegalArgumentException("give at least one θ");
        }
        for (double t : thetas) {
            if (!(t >= 0 && t <= 0.5)) {
                throw new IllegalArgumentException("θ must be between 0 and 0.5, not " + t);
            }
        }
        this.thetas = thetas.clone();
        this.thetasWithHalf = Arrays.copyOf(thetas, thetas.length + 1);
        thetasWithHalf[thetas.length] = 0.5;
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < sampleIds.size(); i++) {
            column.putIfAbsent(sampleIds.get(i), i);
        }
        structures = FamilyStructure.build(pedigree);
        List<LinkageFamily> fams = new ArrayList<>();
        List<Integer> founders = new ArrayList<>();
        List<Integer> members = new ArrayList<>();
        for (FamilyStructure fs : structures) {
            fams.add(fs.family);
            fs.sampleColumn = new int[fs.n];
            for (int i = 0; i < fs.n; i++) {
                Integer col = fs.real[i] ? column.get(fs.ids[i]) : null;
                fs.sampleColumn[i] = col == null ? -1 : col;
                if (col != null) {
                    members.add(col);
                    if (fs.founder[i]) {
                        founders.add(col);
                    }
                }
            }
            caches.add(new ConcurrentHashMap<>());
            messageCaches.add(fs.family.analysable() ? new MessageCache(fs, messageBudget) : null);
        }
        families = List.copyOf(fams);
        cacheLookups = new java.util.concurrent.atomic.AtomicIntegerArray(structures.size());
        cacheHits = new java.util.concurrent.atomic.AtomicIntegerArray(structures.size());
        cacheOff = new boolean[structures.size()];
        for (int f = 0; f < structures.size(); f++) {
            cacheOff[f] = structures.get(f).n > 64;
        }
        founderColumns = founders.stream().mapToInt(Integer::intValue).toArray();
        memberColumns = members.stream().mapToInt(Integer::intValue).toArray();
        workspaces = ThreadLocal.withInitial(() -> new Workspace(new TwoPointPeeler(model, thetasWithHalf), thetasWithHalf.length));
    }

    /**
     * Prepares a run.
     *
     * @param pedigree        all individuals of the families to analyse
     * @param sampleIds       the sample ids of the genotype columns (VCF sample names = individual ids); individuals
     *                        without a column are untyped; columns without an individual are ignored
     * @param model           the disease model
     * @param thetas          recombination fractions, each in [0, 0.5], in output order
     * @param frequencySource where marker allele frequencies come from
     * @return the prepared analysis
     * @throws IllegalArgumentException if a θ is out of range, or the pedigree is malformed (duplicate ids, someone is
     *                                  both father and mother)
     */
    public static LinkageAnalysis prepare(LinkagePedigree pedigree, List<String> sampleIds, DiseaseModel model,
                                          List<Double> thetas, AlleleFrequencySource frequencySource) {
        return new LinkageAnalysis(pedigree, sampleIds, model,
                thetas.stream().mapToDouble(Double::doubleValue).toArray(), frequencySource);
    }

    /** @return the analysed families in output order (PED order of first appearance, then component number) */
    public List<LinkageFamily> families() {
        return families;
    }

    /** @return the θ grid */
    public double[] thetas() {
        return thetas.clone();
    }

    /** @return the disease model */
    public DiseaseModel model() {
        return model;
    }

    /**
     * The ALT allele frequency used for a marker: counted over genotyped founders of all families (or, if none is
     * typed, over all genotyped members; 0.5 if nobody is typed) for {@link AlleleFrequencySource#FOUNDERS}, over all
     * genotyped members for {@link AlleleFrequencySource#ALL}, INFO AF for {@link AlleleFrequencySource#INFO}; then
     * each of the two frequencies is floored at 0.001 and both are renormalised.
     *
     * @param marker the marker
     * @return the ALT frequency
     * @throws IllegalArgumentException for INFO when the marker has no INFO AF
     */
    public double altFrequency(MarkerGenotypes marker) {
        double ref;
        double alt;
        if (frequencySource == AlleleFrequencySource.INFO) {
            double af = marker.infoAltFrequency();
            if (Double.isNaN(af) || af < 0 || af > 1) {
                throw new IllegalArgumentException("variant " + marker.variant()
                        + " has no usable INFO AF; choose allele frequencies from founders or all");
            }
            ref = 1 - af;
            alt = af;
        } else {
            long[] c = count(marker.altDosages(),
                    frequencySource == AlleleFrequencySource.FOUNDERS ? founderColumns : memberColumns);
            if (c[0] + c[1] == 0 && frequencySource == AlleleFrequencySource.FOUNDERS) {
                c = count(marker.altDosages(), memberColumns);
            }
            if (c[0] + c[1] == 0) {
                ref = 0.5;
                alt = 0.5;
            } else {
                ref = c[0] / (double) (c[0] + c[1]);
                alt = c[1] / (double) (c[0] + c[1]);
            }
        }
        if (Math.min(ref, alt) < MIN_FREQUENCY) {
            ref = Math.max(ref, MIN_FREQUENCY);
            alt = Math.max(alt, MIN_FREQUENCY);
            double s = ref + alt;
            alt = alt / s;
        }
        return alt;
    }

    private static long[] count(byte[] dosages, int[] columns) {
        long ref = 0;
        long alt = 0;
        for (int col : columns) {
            if (col < dosages.length && dosages[col] >= 0) {
                alt += dosages[col];
                ref += 2 - dosages[col];
            }
        }
        return new long[] {ref, alt};
    }

    /**
     * Scores one marker in every family.
     *
     * @param marker genotypes in the column order of the run's sample ids
     * @return per family LOD(θ), the sums, max LOD and HLOD
     * @throws IllegalArgumentException see {@link #altFrequency}
     */
    public MarkerLinkage analyse(MarkerGenotypes marker) {
        Workspace ws = workspaces.get();
        double pAlt = altFrequency(marker);
        byte[] dos = marker.altDosages();
        int nt = thetas.length;
        List<FamilyLod> out = new ArrayList<>(structures.size());
        for (int f = 0; f < structures.size(); f++) {
            out.add(scoreFamily(f, dos, pAlt, ws));
        }
        double[] total = new double[nt];
        double[] hlods = new double[nt];
        double[] alphas = new double[nt];
        int counted = 0;
        for (FamilyLod fl : out) {
            if (fl.counted()) {
                counted++;
            }
        }
        double[] col = new double[counted];
        for (int t = 0; t < nt; t++) {
            int k = 0;
            double sum = 0;
            for (FamilyLod fl : out) {
                if (fl.counted()) {
                    sum += fl.lods()[t];
                    col[k++] = fl.lods()[t];
                }
            }
            total[t] = sum;
            double[] h = LinkageMath.hlod(col);
            hlods[t] = h[0];
            alphas[t] = h[1];
        }
        return new MarkerLinkage(marker.variant(), pAlt, thetas.clone(), List.copyOf(out), total, hlods, alphas);
    }

    /**
     * Scores many markers on several threads; results are in input order.
     *
     * @param markers the markers
     * @param threads number of threads (≥ 1)
     * @return one result per marker
     */
    public List<MarkerLinkage> analyseAll(List<MarkerGenotypes> markers, int threads) {
        MarkerLinkage[] results = new MarkerLinkage[markers.size()];
        int nThreads = Math.max(1, Math.min(threads, markers.size()));
        if (nThreads == 1) {
            for (int i = 0; i < results.length; i++) {
                results[i] = analyse(markers.get(i));
            }
            return Arrays.asList(results);
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        RuntimeException[] failure = new RuntimeException[1];
        Thread[] pool = new Thread[nThreads];
        for (int k = 0; k < nThreads; k++) {
            pool[k] = new Thread(() -> {
                try {
                    int i;
                    while ((i = next.getAndAdd(64)) < results.length) {
                        for (int j = i; j < Math.min(i + 64, results.length); j++) {
                            results[j] = analyse(markers.get(j));
                        }
                    }
                } catch (RuntimeException e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }, "linkage-" + k);
            pool[k].start();
        }
        for (Thread t : pool) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while scoring markers", e);
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return Arrays.asList(results);
    }

    private FamilyLod scoreFamily(int f, byte[] dosages, double pAlt, Workspace ws) {
        FamilyStructure fs = structures.get(f);
        int nt = thetas.length;
        String label = fs.family.label();
        if (!fs.family.analysable()) {
            double[] na = new double[nt];
            Arrays.fill(na, Double.NaN);
            return new FamilyLod(label, FamilyLod.Status.NOT_ANALYSABLE, na);
        }
        byte[] dos = ws.dosage(fs.n);
        int typed = 0;
        boolean untypedFounder = false;
        long a = 0;
        long b = 0;
        for (int i = 0; i < fs.n; i++) {
            int col = fs.sampleColumn[i];
            byte d = col >= 0 && col < dosages.length ? dosages[col] : MarkerGenotypes.MISSING;
            dos[i] = d;
            if (d >= 0) {
                typed++;
            } else if (fs.founder[i]) {
                untypedFounder = true;
            }
            if (i < 32) {
                a |= (long) (d + 1) << (2 * i);
            } else if (i < 64) {
                b |= (long) (d + 1) << (2 * (i - 32));
            }
        }
        if (typed <= 1) {
            return new FamilyLod(label, FamilyLod.Status.UNINFORMATIVE, new double[nt]);
        }
        Map<MessageCache.Key, FamilyLod> cache = caches.get(f);
        MessageCache.Key k = null;
        if (!cacheOff[f]) {
            k = new MessageCache.Key(a, b, untypedFounder ? Double.doubleToLongBits(pAlt) : 0);
            FamilyLod hit = cache.get(k);
            int looked = cacheLookups.incrementAndGet(f);
            if (hit != null) {
                cacheHits.incrementAndGet(f);
                return hit;
            }
            if (looked == 2048 && cacheHits.get(f) < 512) {
                cacheOff[f] = true;
                cache.clear();
            }
        }
        double[] ln = ws.ln;
        ws.peeler.logLikelihoods(fs, dos, pAlt, ln, messageCaches.get(f));
        double base = ln[nt];
        double[] lods = new double[nt];
        FamilyLod result;
        if (base == Double.NEGATIVE_INFINITY) {
            Arrays.fill(lods, Double.NaN);
            result = new FamilyLod(label, FamilyLod.Status.INCONSISTENT, lods);
        } else {
            for (int t = 0; t < nt; t++) {
                lods[t] = ln[t] == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : (ln[t] - base) / Math.log(10);
            }
            result = new FamilyLod(label, FamilyLod.Status.SCORED, lods);
        }
        if (k != null && !cacheOff[f] && cache.size() < CACHE_LIMIT_PER_FAMILY) {
            cache.put(k, result);
        }
        return result;
    }

    /** @return cache statistics per family, for diagnostics and the benchmark */
    String cacheStats() {
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < structures.size(); f++) {
            sb.append(families.get(f).label()).append(" n=").append(structures.get(f).n).append(" family cache ")
                    .append(cacheLookups.get(f)).append('/').append(cacheHits.get(f)).append(cacheOff[f] ? " off" : "")
                    .append(" | steps ").append(messageCaches.get(f) == null ? "-" : messageCaches.get(f).stats())
                    .append('\n');
        }
        return sb.toString();
    }

    /** Per-thread scratch space. */
    private static final class Workspace {
        final TwoPointPeeler peeler;
        final double[] ln;
        byte[] dosage = new byte[0];

        Workspace(TwoPointPeeler peeler, int nThetas) {
            this.peeler = peeler;
            this.ln = new double[nThetas];
        }

        byte[] dosage(int n) {
            if (dosage.length < n) {
                dosage = new byte[n];
            }
            return dosage;
        }
    }
}
