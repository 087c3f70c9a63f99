package org.motif.questionnaire.survey;

/**
 * A page of a participant's survey: the landing page, consent, one section of one instrument,
 * the review page, or the completion page. Stored as text in {@code assignment.current_step}
 * ({@code landing}, {@code consent}, {@code gad7/0}, {@code review}, {@code complete}).
 *
 * @param instrumentId for a section page, the instrument; else null
 * @param section      for a section page, the 0-based index of the section in the instrument
 */
public record SurveyStep(Kind kind, String instrumentId, int section) {
    public enum Kind { LANDING, CONSENT, SECTION, REVIEW, COMPLETE }

    public static final SurveyStep LANDING = new SurveyStep(Kind.LANDING, null, -1);
    public static final SurveyStep CONSENT = new SurveyStep(Kind.CONSENT, null, -1);
    public static final SurveyStep REVIEW = new SurveyStep(Kind.REVIEW, null, -1);
    public static final SurveyStep COMPLETE = new SurveyStep(Kind.COMPLETE, null, -1);

    public static SurveyStep section(String instrumentId, int section) {
        return new SurveyStep(Kind.SECTION, instrumentId, section);
    }

    public String code() {
        return kind == Kind.SECTION ? instrumentId + "/" + section : kind.name().toLowerCase();
    }

    /** Parses a stored code; an unknown code yields the landing page (never an error for a participant). */
    public static SurveyStep parse(String code) {
        if (code == null) return LANDING;
        int slash = code.indexOf('/');
        if (slash > 0) {
            try {
                return section(code.substring(0, slash), Integer.parseInt(code.substring(slash + 1)));
            } catch (NumberFormatException e) {
                return LANDING;
            }
        }
        return switch (code) {
            case "consent" -> CONSENT;
            case "review" -> REVIEW;
            case "complete" -> COMPLETE;
            default -> LANDING;
        };
    }
}
