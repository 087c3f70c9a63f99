package org.motif.questionnaire.survey;

import static org.motif.db.Tables.ASSIGNMENT;
import static org.motif.db.Tables.PARTICIPANT;

import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.motif.base.DemoContributor;
import org.motif.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo survey data (after the demo families): DEMO01's proband has completed GAD-7 and the musical
 * background form, two relatives are invited; the links of the open invitations are logged once so a
 * newcomer can try the participant's side.
 */
@Component
class SurveyDemoData implements DemoContributor {
    private static final Logger log = LoggerFactory.getLogger(SurveyDemoData.class);
    private static final Map<String, Object> BACKGROUND = Map.of("musical_background_primary_instrument", 1, "musical_background_age_started", 6,
            "musical_background_years_playing", 30, "musical_background_professional_status", 1, "musical_background_practice_hours", 4.5,
            "musical_background_handedness", 1, "musical_background_pain", 0);

    private final AssignmentService assignments;
    private final SurveyService surveys;
    private final DSLContext db;

    SurveyDemoData(AssignmentService assignments, SurveyService surveys, DSLContext db) {
        this.assignments = assignments;
        this.surveys = surveys;
        this.db = db;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void load() {
        if (db.fetchExists(ASSIGNMENT)) return;
        if (!db.fetchExists(PARTICIPANT, PARTICIPANT.PARTICIPANT_ID.eq("DEMO01_05"))) {
            log.warn("No demo family DEMO01; the demo survey is not loaded.");
            return;
        }
        var auth = UsernamePasswordAuthenticationToken.authenticated("demo", null,
                AuthorityUtils.createAuthorityList(Role.authorities(List.of(Role.COORDINATOR))));
        SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            var done = assignments.assign(List.of("DEMO01_05"), List.of("gad7", "musical_background"), "baseline", null, null).get(0);
            String token = done.url().substring(done.url().lastIndexOf('/') + 1);
            surveys.consent(token, "Demo Participant", true, "en");
            int[] gad7 = {2, 2, 1, 3, 1, 2, 1}; // total 12: moderate
            for (int i = 0; i < gad7.length; i++) surveys.saveAnswer(token, "gad7_" + (i + 1), gad7[i]);
            BACKGROUND.forEach((item, value) -> surveys.saveAnswer(token, item, value));
            surveys.submit(token);
            for (var link : assignments.assign(List.of("DEMO01_03", "DEMO01_04"), List.of("gad7", "musical_background", "family_history"), "baseline", null, null)) {
                log.info("Demo survey link for {}: {}", link.participantId(), link.url());
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
