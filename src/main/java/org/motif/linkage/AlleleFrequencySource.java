package org.motif.linkage;

/** Where a run takes the marker allele frequencies from (API value in parentheses). */
public enum AlleleFrequencySource {
    /**
     * ({@code founders}) allele counts over the genotyped founders of all families of the run, pooled; if no founder is
     * typed, over all genotyped members; then floored at 0.001 and renormalised.
     */
    FOUNDERS,
    /** ({@code all}) allele counts over all genotyped members of the run, floored at 0.001 and renormalised. */
    ALL,
    /** ({@code info}) the VCF INFO AF of the variant, floored at 0.001 and renormalised. */
    INFO;

    /**
     * @param apiValue {@code founders}, {@code all} or {@code info} (case-insensitive)
     * @return the source
     * @throws IllegalArgumentException for any other value
     */
    public static AlleleFrequencySource fromApi(String apiValue) {
        for (AlleleFrequencySource s : values()) {
            if (s.name().equalsIgnoreCase(apiValue)) {
                return s;
            }
        }
        throw new IllegalArgumentException("alleleFrequencies must be founders, all or info, not '" + apiValue + "'");
    }
}
