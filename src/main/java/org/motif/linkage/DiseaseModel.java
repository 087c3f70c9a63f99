package org.motif.linkage;

/**
 * Parametric model of a biallelic autosomal disease locus (alleles d and D).
 *
 * @param diseaseAlleleFrequency population frequency q of the disease allele D, 0 &lt; q &lt; 1
 * @param f0 penetrance P(affected | dd) — the phenocopy rate
 * @param f1 penetrance P(affected | dD)
 * @param f2 penetrance P(affected | DD)
 */
public record DiseaseModel(double diseaseAlleleFrequency, double f0, double f1, double f2) {

    /** @throws IllegalArgumentException if q is not in (0, 1) or a penetrance is not in [0, 1] */
    public DiseaseModel {
        if (!(diseaseAlleleFrequency > 0 && diseaseAlleleFrequency < 1)) {
            throw new IllegalArgumentException("disease allele frequency must be > 0 and < 1, not " + diseaseAlleleFrequency);
        }
        for (double f : new double[] {f0, f1, f2}) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("penetrances must be between 0 and 1, not " + f);
            }
        }
    }

    /**
     * @param dAlleles number of disease alleles, 0..2
     * @return the penetrance f0, f1 or f2
     */
    public double penetrance(int dAlleles) {
        return switch (dAlleles) {
            case 0 -> f0;
            case 1 -> f1;
            case 2 -> f2;
            default -> throw new IllegalArgumentException("disease allele count must be 0..2, not " + dAlleles);
        };
    }

    /** @return the penetrances as the API's {@code [f0, f1, f2]} */
    public double[] penetrances() {
        return new double[] {f0, f1, f2};
    }
}
