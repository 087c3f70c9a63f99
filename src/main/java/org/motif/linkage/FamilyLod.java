package org.motif.linkage;

/**
 * LOD scores of one family at one marker.
 *
 * @param family the family label ({@code FID} or {@code FID#k})
 * @param status whether and how the family was scored
 * @param lods   LOD per θ of the run (log10 L(θ) − log10 L(½)); {@code Double.NEGATIVE_INFINITY} where L(θ) = 0;
 *               {@code Double.NaN} (written {@code NA}) when the status is {@link Status#INCONSISTENT} or
 *               {@link Status#NOT_ANALYSABLE}
 */
public record FamilyLod(String family, Status status, double[] lods) {

    /** How a family was scored at a marker. */
    public enum Status {
        /** the likelihood was computed */
        SCORED,
        /** one genotyped member or none: LOD 0 at every θ by definition */
        UNINFORMATIVE,
        /** the family's genotypes are Mendelian-inconsistent at this marker (L(½) = 0): NA */
        INCONSISTENT,
        /** the family has a loop (or a cycle) and cannot be peeled: NA */
        NOT_ANALYSABLE
    }

    /** @return true if the family counts in the ALL sum and the HLOD (not NA) */
    public boolean counted() {
        return status == Status.SCORED || status == Status.UNINFORMATIVE;
    }

    /**
     * @return index of the θ with the largest LOD (the first one on ties), or -1 if the family is NA
     */
    public int argMax() {
        return LinkageMath.argMax(lods);
    }
}
