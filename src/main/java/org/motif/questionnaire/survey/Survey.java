package org.motif.questionnaire.survey;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What a participant's personal link opens: their assignment, where they are, and their answers so far.
 * Never carries contact details or another participant's data.
 *
 * @param answers item id → answer (Integer, Double, String, or List of Integer for multiple choice)
 * @param consentedAt when this participant accepted the current consent version, or null
 */
public record Survey(long assignmentPk, String assignmentId, String participantId, String event, LocalDate dueDate,
                     AssignmentStatus status, String language, SurveyStep step, OffsetDateTime consentedAt,
                     SurveyFlow flow, Map<String, Object> answers) {

    public boolean consented() {
        return consentedAt != null;
    }
}
