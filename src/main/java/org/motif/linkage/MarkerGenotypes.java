package org.motif.linkage;

import java.util.Objects;

/**
 * Genotypes of one biallelic marker for the samples of a run.
 *
 * @param variant             the variant key, {@code contig:pos:ref:alt} (1-based position), used verbatim in the output
 * @param altDosages          per sample (in the order of the run's sample id list) the number of ALT alleles
 *                            0, 1 or 2, or {@link #MISSING}; never null
 * @param infoAltFrequency    ALT allele frequency from the VCF INFO AF field, or {@code Double.NaN} if absent;
 *                            only used with {@link AlleleFrequencySource#INFO}
 */
public record MarkerGenotypes(String variant, byte[] altDosages, double infoAltFrequency) {

    /** Dosage value of a missing genotype ({@code ./.}). */
    public static final byte MISSING = -1;

    /**
     * @throws NullPointerException     if variant or altDosages is null
     * @throws IllegalArgumentException if a dosage is not -1, 0, 1 or 2
     */
    public MarkerGenotypes {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(altDosages, "altDosages");
        for (byte d : altDosages) {
            if (d < MISSING || d > 2) {
                throw new IllegalArgumentException("variant " + variant + ": ALT dosage " + d + " is not -1, 0, 1 or 2");
            }
        }
    }

    /** A marker without INFO AF. */
    public MarkerGenotypes(String variant, byte[] altDosages) {
        this(variant, altDosages, Double.NaN);
    }
}
