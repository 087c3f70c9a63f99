package org.motif.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShippedInstrumentsTest {

    @Test
    void every_shipped_definition_loads_without_errors() throws IOException {
        try (Stream<java.nio.file.Path> files = Files.list(Shipped.DIR)) {
            var names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
            assertThat(names).containsExactlyInAnyOrderElementsOf(Shipped.IDS.stream().map(id -> id + ".yaml").toList());
        }
        for (String id : Shipped.IDS) {
            InstrumentDefinition d = Shipped.load(id);
            assertThat(d.id()).isEqualTo(id);
            assertThat(d.version()).isNotBlank();
        }
    }

    @Test
    void gad7_ships_english_and_german_texts_and_an_unscored_difficulty_item() {
        InstrumentDefinition d = Shipped.load("gad7");
        assertThat(d.licence()).isEqualTo(Licence.PUBLIC_DOMAIN);
        assertThat(d.items()).hasSize(8);
        assertThat(d.item("gad7_1").orElseThrow().text()).containsEntry("en", "Feeling nervous, anxious, or on edge")
                .containsEntry("de", "Nervosität, Ängstlichkeit oder Anspannung");
        assertThat(d.item("gad7_difficulty").orElseThrow().required()).isFalse();
        assertThat(d.scales()).singleElement().satisfies(s -> assertThat(s.items()).doesNotContain("gad7_difficulty"));
        assertThat(d.responseSet("frequency").orElseThrow().options()).extracting(o -> o.label().get("en"))
                .containsExactly("Not at all", "Several days", "More than half the days", "Nearly every day");
    }

    @Test
    void licensed_instruments_ship_the_key_without_item_texts() {
        for (String id : new String[] {"fmps", "stai"}) {
            InstrumentDefinition d = Shipped.load(id);
            assertThat(d.licence()).isEqualTo(Licence.LICENSED);
            assertThat(d.items()).allSatisfy(i -> assertThat(i.text()).isEmpty());
            assertThat(d.responseSets()).allSatisfy(s -> assertThat(s.options()).allSatisfy(o -> assertThat(o.label()).isEmpty()));
        }
        assertThat(Shipped.load("fmps").items()).hasSize(35);
        assertThat(Shipped.load("stai").items()).hasSize(40);
    }

    @Test
    void without_a_text_pack_licensed_items_show_a_placeholder() {
        InstrumentDefinition d = Shipped.load("fmps");
        var texts = new InstrumentTexts(d, "en", null);
        assertThat(texts.item(d.item("fmps_9").orElseThrow())).isEqualTo("Item 9 of the FMPS — licensed text not installed");
        assertThat(texts.complete()).isFalse();
        assertThat(new InstrumentTexts(d, "de", null).item(d.item("fmps_9").orElseThrow()))
                .isEqualTo("Item 9 des FMPS — lizenzierter Text nicht installiert");
    }

    @Test
    void study_forms_are_in_english_and_german_and_use_show_if() {
        for (String id : new String[] {"musical_background", "dystonia_history", "treatment_outcome", "family_history"}) {
            InstrumentDefinition d = Shipped.load(id);
            assertThat(d.licence()).isEqualTo(Licence.STUDY_OWN);
            assertThat(d.items()).allSatisfy(i -> assertThat(i.text()).containsKeys("en", "de"));
            assertThat(d.items()).anySatisfy(i -> assertThat(i.showIf()).isNotNull());
        }
        var dh = Shipped.load("dystonia_history");
        assertThat(dh.items().stream().skip(1)).allSatisfy(i -> assertThat(i.showIf()).isNotNull());
        var to = Shipped.load("treatment_outcome");
        for (String therapy : new String[] {"trihexyphenidyl", "botulinum_toxin", "retraining", "technical_exercises", "ergonomic", "other"}) {
            assertThat(to.item("treatment_outcome_" + therapy + "_tried")).get().extracting(InstrumentDefinition.Item::type).isEqualTo(ItemType.YES_NO);
            assertThat(to.item("treatment_outcome_" + therapy + "_response")).get().extracting(InstrumentDefinition.Item::showIf)
                    .isEqualTo("treatment_outcome_" + therapy + "_tried == 1");
        }
    }

    @Test
    void dystonia_history_questions_are_shown_only_to_musicians_with_symptoms() {
        var d = Shipped.load("dystonia_history");
        var bodyPart = d.item("dystonia_history_body_part").orElseThrow().condition();
        assertThat(bodyPart.test(java.util.Map.of("dystonia_history_symptoms", 1))).isTrue();
        assertThat(bodyPart.test(java.util.Map.of("dystonia_history_symptoms", 0))).isFalse();
        assertThat(bodyPart.test(java.util.Map.of())).isFalse();
    }
}
