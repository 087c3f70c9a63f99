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

    /** True unless the contig is X, Y or mitochondrial (unplaced contigs count as autosomal, as bcftools treats them diploid). */
    public static boolean isAutosome(String contig) {
        String n = normalize(contig);
        return !(n.equals("X") || n.equals("Y") || n.equals("MT"));
    }

    public static boolean isX(String contig) {
        return normalize(contig).equals("X");
    }
}
