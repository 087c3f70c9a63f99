package org.motif.genomics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads GT, GQ and DP of every sample straight from a VCF data line (the FORMAT column and the
 * sample columns), without building htsjdk Genotype objects. Checked record for record against
 * htsjdk's decoding in {@code SampleColumnTokenizerTest}.
 */
final class SampleColumnTokenizer {
    /** GT/GQ/DP of all samples of one record; arrays as in {@link VcfRecord}. */
    record Result(int[] alleles, int[] gq, int[] dp) {
    }

    /** A malformed FORMAT/sample value. */
    static final class FieldException extends RuntimeException {
        private final String field;
        private final int sampleIndex;

        FieldException(String field, int sampleIndex, String message) {
            super(message);
            this.field = field;
            this.sampleIndex = sampleIndex;
        }

        String field() {
            return field;
        }

        int sampleIndex() {
            return sampleIndex;
        }
    }

    private final int samples;
    private byte[] lastFormat;
    private int gtIndex;
    private int gqIndex;
    private int dpIndex;

    SampleColumnTokenizer(int samples) {
        this.samples = samples;
    }

    /**
     * @param line        the bytes holding the data line
     * @param formatStart index of the first byte of the FORMAT column
     * @param lineEnd     index just past the line's last byte
     * @param alleleCount REF + ALT alleles; GT indexes must be below it
     * @return the values, or null when FORMAT has no GT
     * @throws FieldException naming the field (GT, GQ, DP) and the sample column index
     */
    Result parse(byte[] line, int formatStart, int lineEnd, int alleleCount) {
        int formatEnd = formatStart;
        while (formatEnd < lineEnd && line[formatEnd] != '\t') formatEnd++;
        if (lastFormat == null || !Arrays.equals(line, formatStart, formatEnd, lastFormat, 0, lastFormat.length)) {
            readFormat(Arrays.copyOfRange(line, formatStart, formatEnd));
        }
        if (gtIndex < 0) return null;
        int[] alleles = new int[2 * samples];
        int[] gq = new int[samples];
        int[] dp = new int[samples];
        int p = formatEnd + 1;
        for (int s = 0; s < samples; s++) {
            alleles[2 * s] = Genotypes.MISSING_ALLELE;
            alleles[2 * s + 1] = Genotypes.MISSING_ALLELE;
            gq[s] = -1;
            dp[s] = -1;
            int field = 0;
            int fs = p;
            int i = p;
            while (true) {
                byte c = i < lineEnd ? line[i] : (byte) '\t';
                if (c == ':' || c == '\t') {
                    if (field == gtIndex) {
                        gt(line, fs, i, alleleCount, alleles, s);
                    } else if (field == gqIndex) {
                        gq[s] = number(line, fs, i, "GQ", s);
                    } else if (field == dpIndex) {
                        dp[s] = number(line, fs, i, "DP", s);
                    }
                    field++;
                    fs = i + 1;
                    if (c == '\t') break;
                }
                i++;
            }
            p = i + 1;
        }
        return new Result(alleles, gq, dp);
    }

    private void readFormat(byte[] format) {
        lastFormat = format;
        gtIndex = -1;
        gqIndex = -1;
        dpIndex = -1;
        String[] keys = new String(format, StandardCharsets.UTF_8).split(":");
        for (int i = 0; i < keys.length; i++) {
            switch (keys[i]) {
                case "GT" -> gtIndex = i;
                case "GQ" -> gqIndex = i;
                case "DP" -> dpIndex = i;
                default -> {
                    // other FORMAT fields are not stored
                }
            }
        }
    }

    private static String text(byte[] line, int from, int to) {
        return new String(line, from, to - from, StandardCharsets.UTF_8);
    }

    private static void gt(byte[] line, int from, int to, int alleleCount, int[] alleles, int s) {
        if (to == from) return;
        int k = 0;
        int i = from;
        while (i < to) {
            int value;
            byte c = line[i];
            if (c == '.') {
                value = Genotypes.MISSING_ALLELE;
                i++;
            } else if (c >= '0' && c <= '9') {
                value = 0;
                while (i < to && line[i] >= '0' && line[i] <= '9') {
                    value = value * 10 + (line[i] - '0');
                    if (value > 1_000_000) break;
                    i++;
                }
                if (value >= alleleCount) {
                    throw new FieldException("GT", s, "allele index " + value + " in '" + text(line, from, to)
                            + "' is out of range: the record has " + alleleCount + " alleles (REF and "
                            + (alleleCount - 1) + " ALT), so indexes run from 0 to " + (alleleCount - 1));
                }
            } else {
                throw new FieldException("GT", s, "'" + text(line, from, to) + "' is not a genotype; write allele "
                        + "indexes separated by / or | (0/1, 1|1, ./.)");
            }
            if (k < 2) alleles[2 * s + k] = value;
            k++;
            if (i < to) {
                byte sep = line[i];
                if (sep != '/' && sep != '|') {
                    throw new FieldException("GT", s, "'" + text(line, from, to) + "' is not a genotype; write allele "
                            + "indexes separated by / or | (0/1, 1|1, ./.)");
                }
                i++;
                if (i == to) {
                    throw new FieldException("GT", s, "'" + text(line, from, to) + "' ends with a separator");
                }
            }
        }
        if (k == 1) {
            alleles[2 * s + 1] = alleles[2 * s] == Genotypes.MISSING_ALLELE ? Genotypes.MISSING_ALLELE : Genotypes.HAPLOID;
        }
    }

    private static int number(byte[] line, int from, int to, String field, int s) {
        if (to == from || (to == from + 1 && line[from] == '.')) return -1;
        long v = 0;
        boolean digits = true;
        for (int i = from; i < to; i++) {
            byte c = line[i];
            if (c < '0' || c > '9') {
                digits = false;
                break;
            }
            v = Math.min(v * 10 + (c - '0'), Integer.MAX_VALUE);
        }
        if (digits) return (int) v;
        try {
            double d = Double.parseDouble(text(line, from, to));
            return d < 0 ? -1 : (int) Math.min(Math.round(d), Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            throw new FieldException(field, s, "'" + text(line, from, to) + "' is not a number; " + field
                    + " must be a whole number or '.'");
        }
    }
}
