package org.motif.questionnaire.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.motif.StudyFixtures.as;
import static org.motif.db.Tables.ASSIGNMENT;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.motif.KaribuTest;
import org.motif.StudyFixtures;
import org.motif.questionnaire.survey.AssignmentService;
import org.motif.questionnaire.survey.SurveyService;
import org.motif.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** Each branch of the participant's pages, server-side: consent refused, required missing, range error, showIf, expiry. */
class SurveyViewIT extends KaribuTest {
    @Autowired
    AssignmentService assignments;
    @Autowired
    SurveyService surveys;
    @Autowired
    DSLContext db;

    private String link(String participantId, String instrument) {
        StudyFixtures.participant(db, "SK01", participantId, "male");
        String url = as("karibu-coordinator", () -> assignments.assign(List.of(participantId), List.of(instrument), "baseline", null, "http://x"), Role.COORDINATOR)
                .get(0).url();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private void open(String token) {
        UI.getCurrent().navigate("survey/" + token);
    }

    private void next() {
        _click(_get(Button.class, spec -> spec.withId("survey-next")));
    }

    private void consent(String token) {
        open(token);
        next();
        _setValue(_get(TextField.class, spec -> spec.withId("consent-name")), "Max Mustermann");
        _setValue(_get(Checkbox.class, spec -> spec.withId("consent-accept")), true);
        next();
    }

    @Test
    void without_consent_there_are_no_questions() {
        String token = link("SK01-01", "gad7");
        open(token);
        next();
        _setValue(_get(TextField.class, spec -> spec.withId("consent-name")), "Max Mustermann");
        next(); // box not ticked
        assertThat(_get(Checkbox.class, spec -> spec.withId("consent-accept")).isInvalid()).isTrue();
        assertThat(_find(RadioButtonGroup.class, spec -> spec.withId("gad7_1"))).isEmpty();
        assertThat(surveys.open(token).orElseThrow().consented()).isFalse();
    }

    @Test
    void a_required_item_left_empty_keeps_the_participant_on_the_page_with_a_message() {
        String token = link("SK01-02", "gad7");
        consent(token);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Integer> first = _get(RadioButtonGroup.class, spec -> spec.withId("gad7_1"));
        first.setValue(2); // server-side set: Karibu fires it as from the server, so save explicitly like the client would
        surveys.saveAnswer(token, "gad7_1", 2);
        next();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Integer> second = _get(RadioButtonGroup.class, spec -> spec.withId("gad7_2"));
        assertThat(second.isInvalid()).isTrue();
        assertThat(second.getErrorMessage()).isEqualTo("Please answer this question.");
        assertThat(surveys.open(token).orElseThrow().step().code()).isEqualTo("gad7/0");
    }

    @Test
    void an_answer_out_of_range_shows_the_message_next_to_the_item_and_is_not_saved() {
        String token = link("SK01-03", "musical_background");
        consent(token);
        IntegerField age = _get(IntegerField.class, spec -> spec.withId("musical_background_age_started"));
        _setValue(age, 200);
        assertThat(age.isInvalid()).isTrue();
        assertThat(age.getErrorMessage()).contains("80");
        assertThat(surveys.open(token).orElseThrow().answers()).doesNotContainKey("musical_background_age_started");
        _setValue(age, 7);
        assertThat(age.isInvalid()).isFalse();
        assertThat(surveys.open(token).orElseThrow().answers()).containsEntry("musical_background_age_started", 7);
    }

    @Test
    void show_if_reveals_and_hides_items_live() {
        String token = link("SK01-04", "musical_background");
        consent(token);
        while (_find(RadioButtonGroup.class, spec -> spec.withId("musical_background_pain")).isEmpty()) {
            for (var f : _find(IntegerField.class)) if (f.isVisible()) _setValue(f, 10);
            for (var f : _find(com.vaadin.flow.component.textfield.NumberField.class)) if (f.isVisible()) _setValue(f, 2.0);
            for (RadioButtonGroup<?> g : _find(RadioButtonGroup.class)) {
                if (g.isVisible() && g.getValue() == null) pickFirst(g);
            }
            next();
        }
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Integer> pain = _get(RadioButtonGroup.class, spec -> spec.withId("musical_background_pain"));
        // Karibu finds only visible components: the follow-up question is there exactly while pain == 1 (yes)
        assertThat(_find(RadioButtonGroup.class, spec -> spec.withId("musical_background_pain_frequency"))).isEmpty();
        _setValue(pain, 1);
        assertThat(_find(RadioButtonGroup.class, spec -> spec.withId("musical_background_pain_frequency"))).hasSize(1);
        _setValue(pain, 0);
        assertThat(_find(RadioButtonGroup.class, spec -> spec.withId("musical_background_pain_frequency"))).isEmpty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void pickFirst(RadioButtonGroup g) {
        Object first = g.getListDataView().getItem(0);
        _setValue((RadioButtonGroup) g, first);
    }

    @Test
    void an_expired_link_says_the_survey_has_closed() {
        String token = link("SK01-05", "gad7");
        db.update(ASSIGNMENT).set(ASSIGNMENT.DUE_DATE, LocalDate.now().minusDays(1))
                .where(ASSIGNMENT.TOKEN_HASH.eq(org.motif.questionnaire.survey.SurveyTokens.hash(token))).execute();
        open(token);
        assertThat(_get(Div.class, spec -> spec.withId("survey-invalid")).getElement().getText() + _get(Div.class, spec -> spec.withId("survey-invalid")).getChildren().map(c -> c.getElement().getText()).toList())
                .contains("closed");
        assertThat(_find(Button.class, spec -> spec.withId("survey-next"))).isEmpty();
    }

    @Test
    void an_unknown_link_shows_the_plain_message() {
        open("y".repeat(32));
        assertThat(_find(Div.class, spec -> spec.withId("survey-invalid"))).hasSize(1);
    }
}
