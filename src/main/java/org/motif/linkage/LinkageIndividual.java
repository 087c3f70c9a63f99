package org.motif.linkage;

import java.util.Objects;

/**
 * One person of a pedigree as the linkage analysis sees it (the PED columns it needs).
 *
 * @param familyId  PED family id (FID), never null or blank
 * @param id        individual id (IID) — the participant pseudonym and the VCF sample name; unique within its family
 * @param fatherId  father's individual id, or null for a founder (PED {@code 0})
 * @param motherId  mother's individual id, or null for a founder (PED {@code 0})
 * @param sex       sex; only used to check that fathers are not mothers (the analysis is autosomal)
 * @param affection disease status; {@link Affection#UNKNOWN} contributes no phenotype information
 */
public record LinkageIndividual(String familyId, String id, String fatherId, String motherId, Sex sex,
                                Affection affection) {

    /** Sex as in PED column 5. */
    public enum Sex { MALE, FEMALE, UNKNOWN }

    /** Affection status as in PED column 6 (2 = affected, 1 = unaffected, 0/-9 = unknown). */
    public enum Affection { AFFECTED, UNAFFECTED, UNKNOWN }

    /**
     * Validates the fields.
     *
     * @throws NullPointerException     if familyId, id, sex or affection is null
     * @throws IllegalArgumentException if familyId or id is blank
     */
    public LinkageIndividual {
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(affection, "affection");
        if (familyId.isBlank() || id.isBlank()) {
            throw new IllegalArgumentException("family id and individual id must not be blank");
        }
        if ("0".equals(fatherId) || (fatherId != null && fatherId.isBlank())) {
            fatherId = null;
        }
        if ("0".equals(motherId) || (motherId != null && motherId.isBlank())) {
            motherId = null;
        }
    }

    /** @return true if neither parent is given */
    public boolean isFounder() {
        return fatherId == null && motherId == null;
    }
}
