package org.motif.questionnaire.survey;

/** Where an assignment stands, as coordinators see it and the API reports it. */
public enum AssignmentStatus {
    NOT_STARTED, IN_PROGRESS, COMPLETED, EXPIRED, REVOKED;

    public String code() {
        return name().toLowerCase();
    }
}
