package org.motif.linkage;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Writes the API's {@code lods.tsv} and {@code hlod.tsv} tables (tab-separated, {@code \n} line ends): LODs with 6
 * decimals, {@code -inf} where the likelihood is 0, {@code NA} for an inconsistent or unanalysable family; θ and α in
 * their shortest decimal form ({@code 0}, {@code 0.01}).
 */
public final class LodTsvWriter {

    /** Header of lods.tsv. */
    public static final String LODS_HEADER = "variant\tfamily\ttheta\tlod\n";
    /** Header of hlod.tsv. */
    public static final String HLOD_HEADER = "variant\ttheta\thlod\talpha\n";

    private LodTsvWriter() {
    }

    /**
     * Appends the lods.tsv rows of one marker: one row per family × θ, then one {@code ALL} row per θ.
     *
     * @param out    where to write
     * @param marker the marker's results
     * @throws IOException from out
     */
    public static void writeLodRows(Appendable out, MarkerLinkage marker) throws IOException {
        double[] thetas = marker.thetas();
        for (FamilyLod f : marker.families()) {
            for (int t = 0; t < thetas.length; t++) {
                row(out, marker.variant(), f.family(), thetas[t], formatLod(f.lods()[t]));
            }
        }
        for (int t = 0; t < thetas.length; t++) {
            row(out, marker.variant(), "ALL", thetas[t], formatLod(marker.totalLods()[t]));
        }
    }

    /**
     * Appends the hlod.tsv rows of one marker: one row per θ.
     *
     * @param out    where to write
     * @param marker the marker's results
     * @throws IOException from out
     */
    public static void writeHlodRows(Appendable out, MarkerLinkage marker) throws IOException {
        double[] thetas = marker.thetas();
        for (int t = 0; t < thetas.length; t++) {
            out.append(marker.variant()).append('\t').append(formatNumber(thetas[t])).append('\t')
                    .append(formatLod(marker.hlods()[t])).append('\t').append(formatNumber(marker.alphas()[t]))
                    .append('\n');
        }
    }

    private static void row(Appendable out, String variant, String family, double theta, String lod) throws IOException {
        out.append(variant).append('\t').append(family).append('\t').append(formatNumber(theta)).append('\t')
                .append(lod).append('\n');
    }

    /**
     * @param lod a LOD
     * @return 6 decimals ({@code -0.000000} written as {@code 0.000000}), {@code -inf}, {@code inf} or {@code NA}
     */
    public static String formatLod(double lod) {
        if (Double.isNaN(lod)) {
            return "NA";
        }
        if (lod == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (lod == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        String s = String.format(Locale.ROOT, "%.6f", lod);
        return "-0.000000".equals(s) ? "0.000000" : s;
    }

    /** @return the shortest plain decimal form of x, e.g. {@code 0}, {@code 0.05}, {@code 0.4} */
    public static String formatNumber(double x) {
        String s = BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
        return "-0".equals(s) ? "0" : s;
    }
}
