package org.motif.pedigree;

/**
 * One member of a pedigree, in PED words. Ids are the study's participant ids (the PED individual id).
 *
 * @param fatherId    null when unknown (PED {@code 0})
 * @param motherId    null when unknown (PED {@code 0})
 * @param birthYear   calendar year, or null
 * @param role        null means relative
 * @param placeholder stands for an unknown parent (created so that a child has both parents)
 * @param twinGroup   members of one family sharing a twin group are twins; null when none
 * @param twinType    monozygotic, dizygotic or unknown; null when no twin group
 * @param phenotype   the latest phenotype detail, never null ({@link PhenotypeDetail#NONE})
 */
public record Individual(String familyId, String id, String fatherId, String motherId, Sex sex, Affection affection,
                         Integer birthYear, boolean proband, boolean deceased, StudyRole role, boolean placeholder,
                         String twinGroup, String twinType, PhenotypeDetail phenotype) {
    public Individual {
        if (sex == null) sex = Sex.UNKNOWN;
        if (affection == null) affection = Affection.UNKNOWN;
        if (role == null) role = StudyRole.RELATIVE;
        if (phenotype == null) phenotype = PhenotypeDetail.NONE;
    }

    /** A member with only the six PED columns. */
    public static Individual of(String familyId, String id, String fatherId, String motherId, Sex sex, Affection affection) {
        return new Individual(familyId, id, fatherId, motherId, sex, affection, null, false, false, null, false, null, null, null);
    }

    public Individual withBirthYear(Integer year) {
        return new Individual(familyId, id, fatherId, motherId, sex, affection, year, proband, deceased, role, placeholder, twinGroup, twinType, phenotype);
    }

    public Individual withProband(boolean p) {
        return new Individual(familyId, id, fatherId, motherId, sex, affection, birthYear, p, deceased, role, placeholder, twinGroup, twinType, phenotype);
    }

    public Individual withDeceased(boolean d) {
        return new Individual(familyId, id, fatherId, motherId, sex, affection, birthYear, proband, d, role, placeholder, twinGroup, twinType, phenotype);
    }

    public Individual withPhenotype(PhenotypeDetail p) {
        return new Individual(familyId, id, fatherId, motherId, sex, affection, birthYear, proband, deceased, role, placeholder, twinGroup, twinType, p);
    }

    public Individual withTwins(String group, String type) {
        return new Individual(familyId, id, fatherId, motherId, sex, affection, birthYear, proband, deceased, role, placeholder, group, type, phenotype);
    }

    public boolean isFounder() {
        return fatherId == null && motherId == null;
    }
}
