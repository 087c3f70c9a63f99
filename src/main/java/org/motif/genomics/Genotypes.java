package org.motif.genomics;

/**
 * The packed genotype store: one byte per sample in the import's sample (column) order, and GQ/DP
 * as little-endian unsigned 16-bit values per sample.
 *
 * <ul>
 *   <li>GT codes: {@link #HOM_REF} 0, {@link #HET} 1, {@link #HOM_VAR} 2, {@link #NO_CALL} 3.
 *       A haploid call carrying the alt allele is stored as HOM_VAR (hemizygous).</li>
 *   <li>GQ/DP: 2 bytes per sample, little-endian; {@link #MISSING_U16} (0xFFFF) = missing; values
 *       above 65534 are stored as 65534; negative values as missing.</li>
 * </ul>
 */
public final class Genotypes {
    public static final byte HOM_REF = 0;
    public static final byte HET = 1;
    public static final byte HOM_VAR = 2;
    public static final byte NO_CALL = 3;
    public static final int MISSING_U16 = 0xFFFF;
    /** Allele value in {@link VcfRecord#alleles()} for a missing allele ('.'). */
    public static final int MISSING_ALLELE = -1;
    /** Second allele value of a haploid call. */
    public static final int HAPLOID = -2;

    private Genotypes() {
    }

    /**
     * Packs the genotype codes of all samples for the row of ALT allele {@code altIndex}, as
     * {@code bcftools norm -m -any} splits: allele {@code altIndex} becomes 1, every other ALT 0.
     *
     * @param alleles  two allele indexes per sample (see {@link VcfRecord#alleles()})
     * @param altIndex 1-based index of the ALT allele of this row
     * @return one code byte per sample
     */
    public static byte[] packForAlt(int[] alleles, int altIndex) {
        int n = alleles.length / 2;
        byte[] out = new byte[n];
        for (int s = 0; s < n; s++) {
            out[s] = code(alleles[2 * s], alleles[2 * s + 1], altIndex);
        }
        return out;
    }

    /** Genotype code of one call (alleles a, b; b may be {@link #HAPLOID}) for ALT {@code altIndex}. */
    public static byte code(int a, int b, int altIndex) {
        if (a == MISSING_ALLELE || b == MISSING_ALLELE) return NO_CALL;
        if (b == HAPLOID) return a == altIndex ? HOM_VAR : HOM_REF;
        int n = (a == altIndex ? 1 : 0) + (b == altIndex ? 1 : 0);
        return n == 0 ? HOM_REF : n == 1 ? HET : HOM_VAR;
    }

    /** Packs values (negative = missing) as little-endian uint16, 0xFFFF = missing. */
    public static byte[] packU16(int[] values) {
        byte[] out = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            int v = values[i] < 0 ? MISSING_U16 : Math.min(values[i], 0xFFFE);
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >>> 8);
        }
        return out;
    }

    /** Reads sample {@code i} of a packed uint16 array; null when missing (or the array is null). */
    public static Integer u16(byte[] packed, int i) {
        if (packed == null || 2 * i + 1 >= packed.length) return null;
        int v = (packed[2 * i] & 0xFF) | ((packed[2 * i + 1] & 0xFF) << 8);
        return v == MISSING_U16 ? null : v;
    }

    /** True for HET or HOM_VAR. */
    public static boolean isCarrier(byte code) {
        return code == HET || code == HOM_VAR;
    }
}
