package org.motif.genomics;

import java.util.List;

/**
 * One VCF data line as Motif keeps it (before splitting multi-allelic records).
 *
 * @param line        1-based line number in the file
 * @param contig      CHROM as spelled in the file
 * @param position    POS, 1-based
 * @param id          ID, null when '.'
 * @param ref         REF allele
 * @param alts        ALT alleles in file order (index k-1 holds allele k)
 * @param qual        QUAL, null when '.'
 * @param filter      FILTER as written ("PASS", "q10;s50"), null when '.'
 * @param genes       gene per ALT (from ANN, CSQ or INFO GENE), entries may be null
 * @param consequences consequence per ALT (ANN / CSQ), entries may be null
 * @param afs         allele frequency per ALT from the configured INFO key, entries may be null
 * @param alleles     two allele indexes per sample: 0 = REF, k = ALT k, {@link Genotypes#MISSING_ALLELE},
 *                    second = {@link Genotypes#HAPLOID} for a haploid call
 * @param gq          GQ per sample, -1 = missing (all -1 when FORMAT has no GQ)
 * @param dp          DP per sample, -1 = missing
 * @param skipReason  null when the record is imported; else why it is skipped ({@link SkipReason})
 */
public record VcfRecord(int line, String contig, int position, String id, String ref, List<String> alts, Double qual,
                        String filter, List<String> genes, List<String> consequences, List<Double> afs, int[] alleles,
                        int[] gq, int[] dp, SkipReason skipReason) {

    /** The variant key of API.md for ALT k (1-based): {@code contig:pos:ref:alt}. */
    public String key(int altIndex) {
        return contig + ":" + position + ":" + ref + ":" + alts.get(altIndex - 1);
    }

    /** Key of the unsplit record: ALT alleles joined by ','. */
    public String recordKey() {
        return contig + ":" + position + ":" + ref + ":" + String.join(",", alts);
    }
}
