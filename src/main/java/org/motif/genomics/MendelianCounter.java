package org.motif.genomics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mendelian error counts as {@code bcftools +mendelian -m c} (1.16) counts them, per unsplit VCF
 * record on autosomes, over trios whose child, father and mother are all VCF samples:
 * <ul>
 *   <li>a child call with a missing allele, or a haploid child call, skips the trio at that record
 *       (bcftools' nSkipped);</li>
 *   <li>a parent call with any missing allele may give any allele (a missing parental genotype counts
 *       as consistent); a haploid parent gives its one allele;</li>
 *   <li>the trio is consistent (nOK) when one child allele can come from the mother and the other from
 *       the father; otherwise it is one error (nBad).</li>
 * </ul>
 * Per sample, every error of a trio counts for its child, mother and father alike (bcftools'
 * total_involved). X, Y and mitochondrial records are not counted. Records without GT are not counted.
 */
public final class MendelianCounter {
    /** A trio of VCF sample columns (0-based) with the sample names used in reports. */
    public record Trio(String child, String father, String mother, int childColumn, int fatherColumn, int motherColumn) {
    }

    /** Counts of one trio: consistent, inconsistent and skipped records. */
    public record TrioCount(Trio trio, int ok, int bad, int skipped) {
    }

    private final List<Trio> trios;
    private final int[] ok;
    private final int[] bad;
    private final int[] skipped;
    private final Map<String, Integer> perVariant = new LinkedHashMap<>();
    private long total;

    /** @param trios the trios to check (all three columns present in the VCF) */
    public MendelianCounter(List<Trio> trios) {
        this.trios = List.copyOf(trios);
        this.ok = new int[trios.size()];
        this.bad = new int[trios.size()];
        this.skipped = new int[trios.size()];
    }

    /** Counts one unsplit record; ignores records without genotypes and non-autosomal ones. */
    public void add(VcfRecord r) {
        if (r.alleles() == null || trios.isEmpty() || !Contigs.isAutosome(r.contig())) return;
        int nBad = 0;
        int[] a = r.alleles();
        for (int t = 0; t < trios.size(); t++) {
            Trio trio = trios.get(t);
            int c1 = a[2 * trio.childColumn()];
            int c2 = a[2 * trio.childColumn() + 1];
            if (c1 < 0 || c2 < 0) {
                skipped[t]++;
                continue;
            }
            int f = 2 * trio.fatherColumn();
            int m = 2 * trio.motherColumn();
            boolean consistent = (gives(a[m], a[m + 1], c1) && gives(a[f], a[f + 1], c2))
                    || (gives(a[m], a[m + 1], c2) && gives(a[f], a[f + 1], c1));
            if (consistent) {
                ok[t]++;
            } else {
                bad[t]++;
                nBad++;
            }
        }
        if (nBad > 0) {
            perVariant.merge(r.recordKey(), nBad, Integer::sum);
            total += nBad;
        }
    }

    private static boolean gives(int p1, int p2, int allele) {
        if (p1 == Genotypes.MISSING_ALLELE || p2 == Genotypes.MISSING_ALLELE) return true;
        return p1 == allele || p2 == allele;
    }

    /** Trio-site errors over all trios and records (bcftools' summed nBad). */
    public long total() {
        return total;
    }

    /** Counts per trio, in the order given. */
    public List<TrioCount> perTrio() {
        List<TrioCount> out = new ArrayList<>();
        for (int t = 0; t < trios.size(); t++) out.add(new TrioCount(trios.get(t), ok[t], bad[t], skipped[t]));
        return out;
    }

    /** Errors per sample (as child, mother or father), only samples with at least one; sorted by name. */
    public Map<String, Integer> perSample() {
        Map<String, Integer> out = new TreeMap<>();
        for (int t = 0; t < trios.size(); t++) {
            if (bad[t] == 0) continue;
            Trio trio = trios.get(t);
            out.merge(trio.child(), bad[t], Integer::sum);
            out.merge(trio.father(), bad[t], Integer::sum);
            out.merge(trio.mother(), bad[t], Integer::sum);
        }
        return out;
    }

    /** Bad trios per record key {@code contig:pos:ref:alt[,alt...]} (records with at least one), in file order. */
    public Map<String, Integer> perVariant() {
        return perVariant;
    }
}
