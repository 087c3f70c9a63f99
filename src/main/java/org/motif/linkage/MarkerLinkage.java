package org.motif.linkage;

import java.util.List;

/**
 * Linkage results of one marker.
 *
 * @param variant        the variant key as given in {@link MarkerGenotypes#variant()}
 * @param altFrequency   the ALT allele frequency used (after flooring at 0.001 and renormalising)
 * @param thetas         the θ grid of the run
 * @param families       per family its LODs, in family order of the run
 * @param totalLods      per θ the sum over the families that are not NA (0 if there is none; −∞ if one is −∞)
 * @param hlods          per θ the heterogeneity LOD max over α of Σ_f log10(α·10^LOD_f + 1 − α)
 * @param alphas         per θ the maximising α on the grid 0, 0.01, …, 1 (the smallest on ties)
 */
public record MarkerLinkage(String variant, double altFrequency, double[] thetas, List<FamilyLod> families,
                            double[] totalLods, double[] hlods, double[] alphas) {

    /** @return the largest summed LOD over the θ grid (−∞ if every value is −∞) */
    public double maxLod() {
        return totalLods[LinkageMath.argMax(totalLods)];
    }

    /** @return the θ at which the summed LOD is largest (the smallest such θ on ties) */
    public double thetaAtMax() {
        return thetas[LinkageMath.argMax(totalLods)];
    }
}
