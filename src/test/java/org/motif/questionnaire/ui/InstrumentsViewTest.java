package org.motif.questionnaire.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import org.junit.jupiter.api.Test;
import org.motif.KaribuTest;
import org.motif.questionnaire.InstrumentDefinition.ResponseOption;
import org.motif.questionnaire.InstrumentSummary;
import org.motif.security.Role;

class InstrumentsViewTest extends KaribuTest {

    InstrumentsView open(Role role) {
        login(ADMIN, role);
        UI.getCurrent().navigate("instruments");
        return _get(InstrumentsView.class);
    }

    @SuppressWarnings("unchecked")
    static <T> RadioButtonGroup<T> radios(String id) {
        return _get(RadioButtonGroup.class, s -> s.withId(id));
    }

    @Test
    void coordinators_see_all_seven_instruments_with_licence_and_text_status() {
        open(Role.COORDINATOR);
        Grid<InstrumentSummary> grid = _get(Grid.class, s -> s.withId("instruments-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(7);
        assertThat(GridKt._getFormattedRow(grid, 2)).contains("fmps", "licensed", "35", "not installed");
        assertThat(GridKt._getFormattedRow(grid, 3)).contains("gad7", "public-domain", "8", "total", "yes");
    }

    @Test
    void gad7_is_previewed_as_a_participant_sees_it_in_english_and_german_with_its_key() {
        InstrumentsView view = open(Role.GENETICIST);
        view.select("gad7");
        RadioButtonGroup<ResponseOption> item1 = radios("gad7_1");
        assertThat(item1.getLabel()).isEqualTo("Feeling nervous, anxious, or on edge");
        assertThat(item1.isReadOnly()).isTrue();
        assertThat(item1.getListDataView().getItems().map(o -> item1.getItemLabelGenerator().apply(o)))
                .containsExactly("Not at all", "Several days", "More than half the days", "Nearly every day");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, s -> s.withId("scale-total")).getElement().getTextRecursively())
                .contains("0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe");
        assertThat(_find(Anchor.class, s -> s.withId("redcap-export"))).hasSize(1);

        view.setLanguage("de");
        assertThat(radios("gad7_1").getLabel()).isEqualTo("Nervosität, Ängstlichkeit oder Anspannung");
        assertThat(_get(H3.class, s -> s.withId("preview-title")).getText()).isEqualTo("Generalisierte Angststörung 7 (GAD-7)");
    }

    @Test
    void licensed_items_show_the_placeholder_and_the_reverse_keyed_items_are_marked() {
        InstrumentsView view = open(Role.COORDINATOR);
        view.select("stai");
        assertThat(radios("stai_9").getLabel()).isEqualTo("Item 9 of the STAI — licensed text not installed");
        assertThat(_find(Span.class, s -> s.withId("texts-missing"))).hasSize(1);
        String key = _get(com.vaadin.flow.component.html.Div.class, s -> s.withId("scale-state")).getElement().getTextRecursively();
        assertThat(key).contains("1R, 2R, 3, 4, 5R").contains("Prorated when 1–2 items are missing: mean of answered × 20");
    }

    @Test
    void study_forms_show_units_and_conditions() {
        InstrumentsView view = open(Role.COORDINATOR);
        view.select("musical_background");
        IntegerField age = _get(IntegerField.class, s -> s.withId("musical_background_age_started"));
        assertThat(age.getHelperText()).isEqualTo("2–80");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, s -> s.withId("instrument-preview")).getElement().getTextRecursively())
                .contains("Shown if: musical_background_pain == 1");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, s -> s.withId("scoring-key")).getElement().getTextRecursively())
                .contains("Not scored");
    }

    @Test
    void a_redcap_dictionary_is_converted_with_its_report_and_nothing_stored() throws Exception {
        open(Role.COORDINATOR);
        com.github.mvysny.kaributesting.v10.ButtonKt._click(_get(com.vaadin.flow.component.button.Button.class, s -> s.withId("redcap-import")));
        RedcapImportDialog dialog = _get(RedcapImportDialog.class);
        dialog.show("redcap_unsupported_dictionary.csv", java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/redcap/redcap_unsupported_dictionary.csv")));
        assertThat(_get(com.vaadin.flow.component.textfield.TextArea.class, s -> s.withId("redcap-yaml")).getValue()).startsWith("# Imported from a REDCap data dictionary (form legacy)");
        Grid<org.motif.base.Problem> report = _get(Grid.class, s -> s.withId("redcap-report"));
        assertThat(GridKt._size(report)).isGreaterThanOrEqualTo(10);
        assertThat(_get(Span.class, s -> s.withId("redcap-status")).getText()).startsWith("Converted 6 fields of form 'legacy'");

        dialog.show("x.csv", "name,form\n".getBytes());
        assertThat(_get(Span.class, s -> s.withId("redcap-status")).getText()).contains("x.csv line 1 is not a REDCap data dictionary header");
    }
}
