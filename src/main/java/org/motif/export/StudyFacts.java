package org.motif.export;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The facts the layout turns into rows, as read from the database (dates not yet shifted). */
public final class StudyFacts {
    private StudyFacts() {
    }

    /**
     * One participant with the latest phenotype record (null when none) and consent.
     *
     * @param sex           male, female or unknown
     * @param consentStatus given, withdrawn_no_contact, withdrawn_no_use or none
     * @param shiftDays     the participant's date offset (0 when dates are not shifted)
     * @param contact       contact details, or null when not exported
     */
    public record Participant(String participantId, String familyId, String fatherId, String motherId, String sex, Integer birthYear,
                              boolean proband, String role, boolean deceased, Phenotype latest, String consentStatus,
                              OffsetDateTime consentAt, Contact contact, int shiftDays) {
    }

    /** One phenotype record (affection affected / unaffected / unknown). */
    public record Phenotype(LocalDate recordedOn, String affection, String dystoniaType, String bodyRegion, String side, String instrument,
                            String task, Integer ageAtOnset, String certainty, String severity, String hpoTerms, String examiner, String note) {
    }

    /** Contact details (COORDINATOR with deidentified=false and contacts=true only). */
    public record Contact(String fullName, String email, String phone, String postalAddress) {
    }

    /** One stored scale score. */
    public record Score(String event, String instrumentId, String instrumentVersion, String scaleId, Double score, int answered, int of,
                        boolean prorated, String band, OffsetDateTime computedAt) {
    }

    /** One stored answer; {@code value} is a Number, a String or a List of Numbers (multiple choice). */
    public record Answer(String event, String instrumentId, String instrumentVersion, String itemId, Object value, OffsetDateTime answeredAt) {
    }

    /** How one variant segregates in one family (the numbers of {@code GET /variants}). */
    public record FamilySegregation(String familyId, int affectedCarriers, int affectedGenotyped, int unaffectedCarriers, int unaffectedGenotyped,
                                    int obligateCarriers, List<String> modes) {
    }

    /**
     * One exported linkage run.
     *
     * @param preset     the model preset, or null for a custom model
     * @param thetas     the run's θ grid in output order
     * @param familyIds  the PED family id of each analysed family (group), in the run's family order
     * @param problems   why each family cannot be scored (a loop), or null, in the same order
     */
    public record LinkageRun(String runId, String importId, String preset, double diseaseAlleleFrequency, double f0, double f1, double f2,
                             double[] thetas, String alleleFrequencies, String filterSet, String softwareVersion, OffsetDateTime finishedAt,
                             List<String> familyIds, List<String> problems) {
    }
}
