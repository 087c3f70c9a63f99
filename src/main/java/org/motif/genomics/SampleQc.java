package org.motif.genomics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-sample QC of one import, counted over the imported (not skipped) VCF records, each record once
 * (before splitting multi-allelic records):
 * <ul>
 *   <li>call rate = called genotypes / imported records (a call is missing when any allele is '.');</li>
 *   <li>mean depth = mean FORMAT/DP over the records where the sample has a DP (null when none);</li>
 *   <li>sex check on chrX outside the pseudo-autosomal regions of the import's build: among the
 *       sample's non-reference calls there (heterozygous, homozygous ALT, or haploid ALT), the share that is
 *       heterozygous. A male (one X) should have almost none; a female almost always has some. With at
 *       least {@link Thresholds#minXSites()} such calls, a recorded male above
 *       {@link Thresholds#maleMaxHetRate()} or a recorded female below {@link Thresholds#femaleMinHetRate()}
 *       is flagged as a mismatch.</li>
 * </ul>
 * Not thread-safe; feed it with {@link #add} in file order, then read {@link #results}.
 */
public final class SampleQc {

    /** Recorded sex of a sample's participant (UNKNOWN also for unmatched samples). */
    public enum Sex { MALE, FEMALE, UNKNOWN }

    /** Outcome of the sex check. */
    public enum SexCheck {
        OK("ok"), MISMATCH("mismatch"), TOO_FEW_SITES("too_few_sites"), NO_RECORDED_SEX("no_recorded_sex");

        private final String code;

        SexCheck(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * @param minXSites        fewest non-reference calls on chrX (outside PAR) for the sex check
     * @param maleMaxHetRate   a recorded male above this heterozygous share is flagged (0–1)
     * @param femaleMinHetRate a recorded female below this heterozygous share is flagged (0–1)
     */
    public record Thresholds(int minXSites, double maleMaxHetRate, double femaleMinHetRate) {
        public static final Thresholds DEFAULT = new Thresholds(10, 0.2, 0.1);
    }

    /**
     * One sample's QC.
     *
     * @param sample          VCF sample name
     * @param participantId   matched participant id, null when unmatched
     * @param recordedSex     "male", "female" or "unknown"
     * @param sites           imported records
     * @param calls           called genotypes
     * @param callRate        calls / sites (0 when no sites), rounded to 4 decimals
     * @param meanDepth       mean DP, 1 decimal; null when the sample has no DP
     * @param xNonRefCalls    non-reference calls on chrX outside PAR
     * @param xHet            heterozygous calls among them
     * @param xHetRate        xHet / xNonRefCalls (4 decimals), null when xNonRefCalls = 0
     * @param sexCheck        ok, mismatch, too_few_sites or no_recorded_sex
     * @param sexCheckNote    what was found, in words (null when ok)
     * @param mendelianErrors Mendelian errors this sample is involved in (child, father or mother)
     */
    public record Result(String sample, String participantId, String recordedSex, long sites, long calls, double callRate,
                         Double meanDepth, int xNonRefCalls, int xHet, Double xHetRate, String sexCheck, String sexCheckNote,
                         int mendelianErrors) {
    }

    /** A pseudo-autosomal region, 1-based inclusive. */
    record Region(int start, int end) {
        boolean contains(int pos) {
            return pos >= start && pos <= end;
        }
    }

    // UCSC / GRC coordinates of PAR1 and PAR2 on chrX.
    static final List<Region> PAR_GRCH37 = List.of(new Region(60_001, 2_699_520), new Region(154_931_044, 155_260_560));
    static final List<Region> PAR_GRCH38 = List.of(new Region(10_001, 2_781_479), new Region(155_701_383, 156_030_895));

    private final List<String> samples;
    private final List<String> participantIds;
    private final List<Sex> sexes;
    private final List<Region> par;
    private final Thresholds thresholds;
    private final long[] calls;
    private final long[] depthSum;
    private final long[] depthCount;
    private final int[] xNonRef;
    private final int[] xHet;
    private long sites;

    /**
     * @param samples        VCF sample names in column order
     * @param participantIds matched participant id per column (entries null when unmatched)
     * @param sexes          recorded sex per column (null entries = UNKNOWN)
     * @param build          reference build of the import ("GRCh37", "GRCh38"); any other value or null
     *                       leaves out the PARs of both builds
     */
    public SampleQc(List<String> samples, List<String> participantIds, List<Sex> sexes, String build, Thresholds thresholds) {
        if (samples.size() != participantIds.size() || samples.size() != sexes.size()) {
            throw new IllegalArgumentException("samples, participantIds and sexes must have the same length");
        }
        this.samples = List.copyOf(samples);
        this.participantIds = new ArrayList<>(participantIds);
        this.sexes = new ArrayList<>(sexes);
        this.par = parRegions(build);
        this.thresholds = thresholds;
        int n = samples.size();
        calls = new long[n];
        depthSum = new long[n];
        depthCount = new long[n];
        xNonRef = new int[n];
        xHet = new int[n];
    }

    /** The PARs excluded for a build (both builds' PARs when the build is not known). */
    static List<Region> parRegions(String build) {
        if ("GRCh37".equals(build)) return PAR_GRCH37;
        if ("GRCh38".equals(build)) return PAR_GRCH38;
        List<Region> both = new ArrayList<>(PAR_GRCH37);
        both.addAll(PAR_GRCH38);
        return both;
    }

    /** True when the position (1-based) of chrX lies in PAR1 or PAR2 of the build (see the constructor). */
    public static boolean inPar(String build, int position) {
        return parRegions(build).stream().anyMatch(r -> r.contains(position));
    }

    /** Counts one imported record; skipped records (skipReason set) and records without genotypes are ignored. */
    public void add(VcfRecord r) {
        if (r.skipReason() != null || r.alleles() == null) return;
        sites++;
        int[] a = r.alleles();
        boolean nonPar = Contigs.isX(r.contig()) && par.stream().noneMatch(p -> p.contains(r.position()));
        for (int s = 0; s < samples.size(); s++) {
            int a1 = a[2 * s];
            int a2 = a[2 * s + 1];
            if (r.dp() != null && r.dp()[s] >= 0) {
                depthSum[s] += r.dp()[s];
                depthCount[s]++;
            }
            if (a1 == Genotypes.MISSING_ALLELE || a2 == Genotypes.MISSING_ALLELE) continue;
            calls[s]++;
            if (!nonPar) continue;
            if (a2 == Genotypes.HAPLOID) {
                if (a1 != 0) xNonRef[s]++;
            } else if (a1 != a2) {
                xNonRef[s]++;
                xHet[s]++;
            } else if (a1 != 0) {
                xNonRef[s]++;
            }
        }
    }

    /**
     * The results, the samples with most Mendelian errors first (then file order).
     *
     * @param mendelianPerSample Mendelian errors by sample name or participant id (as {@link MendelianCounter#perSample()}); may be empty
     */
    public List<Result> results(Map<String, Integer> mendelianPerSample) {
        List<Result> out = new ArrayList<>();
        for (int s = 0; s < samples.size(); s++) {
            Sex sex = sexes.get(s) == null ? Sex.UNKNOWN : sexes.get(s);
            Double rate = xNonRef[s] == 0 ? null : round(xHet[s] / (double) xNonRef[s], 4);
            SexCheck check;
            String note = null;
            if (sex == Sex.UNKNOWN) {
                check = SexCheck.NO_RECORDED_SEX;
                note = "no recorded sex to compare with";
            } else if (xNonRef[s] < thresholds.minXSites()) {
                check = SexCheck.TOO_FEW_SITES;
                note = xNonRef[s] + " non-reference calls on chrX outside the PARs; at least " + thresholds.minXSites() + " are needed";
            } else if (sex == Sex.MALE && rate > thresholds.maleMaxHetRate()) {
                check = SexCheck.MISMATCH;
                note = String.format(Locale.ROOT, "recorded male, but %d of %d non-reference chrX calls are heterozygous (%.0f%% > %.0f%%): "
                        + "looks female, or contaminated", xHet[s], xNonRef[s], rate * 100, thresholds.maleMaxHetRate() * 100);
            } else if (sex == Sex.FEMALE && rate < thresholds.femaleMinHetRate()) {
                check = SexCheck.MISMATCH;
                note = String.format(Locale.ROOT, "recorded female, but only %d of %d non-reference chrX calls are heterozygous (%.0f%% < %.0f%%): "
                        + "looks male", xHet[s], xNonRef[s], rate * 100, thresholds.femaleMinHetRate() * 100);
            } else {
                check = SexCheck.OK;
            }
            String name = samples.get(s);
            String pid = participantIds.get(s);
            int errors = mendelianPerSample.getOrDefault(pid != null ? pid : name, mendelianPerSample.getOrDefault(name, 0));
            out.add(new Result(name, pid, sex.name().toLowerCase(Locale.ROOT), sites, calls[s],
                    sites == 0 ? 0 : round(calls[s] / (double) sites, 4),
                    depthCount[s] == 0 ? null : round(depthSum[s] / (double) depthCount[s], 1),
                    xNonRef[s], xHet[s], rate, check.code(), note, errors));
        }
        List<Result> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingInt(Result::mendelianErrors).reversed());
        return sorted;
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
