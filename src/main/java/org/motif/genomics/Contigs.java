package org.motif.genomics;

import java.util.Locale;

/** Contig name rules: {@code chr1} and {@code 1} are the same contig; X/Y/M are not autosomes. */
public final class Contigs {
    private Contigs() {
    }

    /** The contig without a leading "chr" (any case); "chrM" and "MT" both become "MT". */
    public static String normalize(String contig) {
        String c = contig.regionMatches(true, 0, "chr", 0, 3) ? contig.substring(3) : contig;
        String u = c.toUpperCase(Locale.ROOT);
        if (u.equals("M") || u.equals("MT")) return "MT";
        if (u.equals("X") || u.equals("Y")) return u;
        return c;
    }

    /**
     * True unless the contig is X, Y or mitochondrial (unplaced contigs count as autosomal, as bcftools treats them diploid).
     * Called per variant row: compares in place, without building the normalised name.
     */
    public static boolean isAutosome(String contig) {
        int from = chrPrefix(contig);
        return !(is(contig, from, "X") || is(contig, from, "Y") || is(contig, from, "M") || is(contig, from, "MT"));
    }

    /** True for X or chrX (any case); called per variant row, so without building the normalised name. */
    public static boolean isX(String contig) {
        return is(contig, chrPrefix(contig), "X");
    }

    private static int chrPrefix(String contig) {
        return contig.regionMatches(true, 0, "chr", 0, 3) ? 3 : 0;
    }

    /** The contig from {@code from} on is {@code name}, ignoring case. */
    private static boolean is(String contig, int from, String name) {
        return contig.length() - from == name.length() && contig.regionMatches(true, from, name, 0, name.length());
    }
}
