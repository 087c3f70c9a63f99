package org.motif.questionnaire.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.motif.base.Problem;
import org.motif.base.ValidationException;
import org.motif.questionnaire.InstrumentDefinition;
import org.motif.questionnaire.InstrumentDefinition.Item;
import org.motif.questionnaire.InstrumentTexts;
import org.motif.questionnaire.ItemType;

class RedcapDictionaryTest {
    static final Path DIR = Path.of("src/test/resources/redcap");

    static String read(String name) throws IOException {
        return Files.readString(DIR.resolve(name));
    }

    @Test
    void a_hand_written_dictionary_with_every_supported_type_imports() throws IOException {
        RedcapImport imp = RedcapDictionary.importDictionary("redcap_demo_dictionary.csv", read("redcap_demo_dictionary.csv"), null);
        assertThat(imp.unsupported()).isEmpty();
        InstrumentDefinition d = imp.definition().definition();
        assertThat(d.id()).isEqualTo("redcap_demo");
        assertThat(d.items()).extracting(Item::id, Item::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("redcap_demo_instrument", ItemType.SINGLE_CHOICE),
                org.assertj.core.groups.Tuple.tuple("redcap_demo_second", ItemType.SINGLE_CHOICE),
                org.assertj.core.groups.Tuple.tuple("redcap_demo_other_name", ItemType.SHORT_TEXT),
                org.assertj.core.groups.Tuple.tuple("redcap_demo_professional", ItemType.YES_NO),
                org.assertj.core.groups.Tuple.tuple("redcap_demo_hours", ItemType.DECIMAL),
                org.assertj.core.groups.Tuple.tuple("redcap_demo_age", ItemType.INTEGER),
                org.assertj.core.groups.Tuple.tuple("redcap_demo_started", ItemType.YEAR),
                org.assertj.core.groups.Tuple.tuple("redcap_demo_tasks", ItemType.MULTIPLE_CHOICE),
                org.assertj.core.groups.Tuple.tuple("redcap_demo_typing_since", ItemType.DATE),
                org.assertj.core.groups.Tuple.tuple("redcap_demo_writing_ok", ItemType.YES_NO),
                org.assertj.core.groups.Tuple.tuple("redcap_demo_notes", ItemType.LONG_TEXT));
        // radio and dropdown with identical choices share one response set
        assertThat(d.responseSets()).extracting(InstrumentDefinition.ResponseSet::id).containsExactly("redcap_demo_instrument", "redcap_demo_tasks");
        assertThat(d.responseSet("redcap_demo_instrument").orElseThrow().options()).extracting(o -> o.value() + "=" + o.label().get("en"))
                .containsExactly("1=Piano", "2=Violin", "3=Guitar", "4=Other");
        Item hours = d.item("redcap_demo_hours").orElseThrow();
        assertThat(hours.min()).isEqualTo(0.0);
        assertThat(hours.max()).isEqualTo(16.0);
        assertThat(hours.unit()).containsEntry("en", "hours");
        assertThat(d.item("redcap_demo_instrument").orElseThrow().required()).isTrue();
        assertThat(d.item("redcap_demo_second").orElseThrow().required()).isFalse();
        assertThat(d.item("redcap_demo_other_name").orElseThrow().showIf()).isEqualTo("redcap_demo_instrument == 4");
        assertThat(d.item("redcap_demo_started").orElseThrow().showIf())
                .isEqualTo("redcap_demo_age >= 18 and (redcap_demo_instrument == 1 or redcap_demo_instrument != 3)");
        assertThat(d.item("redcap_demo_typing_since").orElseThrow().showIf()).isEqualTo("redcap_demo_tasks == 2");
        assertThat(d.item("redcap_demo_writing_ok").orElseThrow().showIf()).isEqualTo("redcap_demo_tasks != 1");
        assertThat(d.item("redcap_demo_writing_ok").orElseThrow().text()).containsEntry("en", "Writing is unaffected, \"as far as I know\"");
        assertThat(d.item("redcap_demo_notes").orElseThrow().text().get("en")).isEqualTo("Anything else?\n(several lines are fine)");
        assertThat(d.sections()).extracting(s -> s.title().get("en") + ":" + s.items().size()).containsExactly("About your playing:7", "Symptoms:4");
        assertThat(d.unverified()).containsExactly("de");
    }

    @Test
    void import_then_export_then_import_gives_the_same_definition() throws IOException {
        RedcapImport first = RedcapDictionary.importDictionary("redcap_demo_dictionary.csv", read("redcap_demo_dictionary.csv"), null);
        String exported = RedcapDictionary.export(new InstrumentTexts(first.definition().definition(), "en", null));
        RedcapImport second = RedcapDictionary.importDictionary("exported.csv", exported, null);
        assertThat(second.unsupported()).isEmpty();
        assertThat(second.yaml()).isEqualTo(first.yaml());
        assertThat(second.definition().contentHash()).isEqualTo(first.definition().contentHash());
        assertThat(RedcapDictionary.export(new InstrumentTexts(second.definition().definition(), "en", null))).isEqualTo(exported);
    }

    @Test
    void the_export_uses_redcaps_header_types_choices_and_branching_logic() throws Exception {
        RedcapImport imp = RedcapDictionary.importDictionary("redcap_demo_dictionary.csv", read("redcap_demo_dictionary.csv"), null);
        List<Csv.Row> rows = Csv.read(RedcapDictionary.export(new InstrumentTexts(imp.definition().definition(), "en", null)));
        assertThat(rows.get(0).fields()).isEqualTo(RedcapDictionary.HEADER);
        assertThat(rows.get(1).fields()).containsExactly("redcap_demo_instrument", "redcap_demo", "About your playing", "radio",
                "Which instrument do you play most?", "1, Piano | 2, Violin | 3, Guitar | 4, Other", "", "", "", "", "", "", "y", "", "", "", "", "");
        assertThat(rows.get(7).get(RedcapDictionary.BRANCHING))
                .isEqualTo("[redcap_demo_age] >= 18 and ([redcap_demo_instrument] = '1' or [redcap_demo_instrument] <> '3')");
        assertThat(rows.get(7).get(RedcapDictionary.ANNOTATION)).isEqualTo("@MOTIF-YEAR");
        assertThat(rows.get(9).get(RedcapDictionary.BRANCHING)).isEqualTo("[redcap_demo_tasks(2)] = '1'");
        assertThat(rows.get(10).get(RedcapDictionary.TYPE)).isEqualTo("yesno");
    }

    @Test
    void every_shipped_instrument_exports_and_reimports() throws IOException {
        for (String id : List.of("gad7", "musical_background", "dystonia_history", "treatment_outcome", "family_history")) {
            var d = org.motif.questionnaire.DefinitionLoader.load(id + ".yaml", Files.readString(Path.of("questionnaires", id + ".yaml"))).definition();
            RedcapImport back = RedcapDictionary.importDictionary(id + ".csv", RedcapDictionary.export(new InstrumentTexts(d, "en", null)), null);
            assertThat(back.unsupported()).as(id).isEmpty();
            assertThat(back.definition().definition().items()).extracting(Item::id, Item::type, Item::showIf, Item::required)
                    .as(id).containsExactlyElementsOf(d.items().stream().map(i -> org.assertj.core.groups.Tuple.tuple(i.id(), i.type(), expand(i.showIf()), i.required())).toList());
        }
    }

    /** REDCap has no 'in': x in [1, 2] is exported as an 'or' of equalities. */
    static String expand(String showIf) {
        if (showIf == null || !showIf.contains(" in [")) return showIf;
        var m = java.util.regex.Pattern.compile("([a-z0-9_]+) in \\[([^]]*)]").matcher(showIf);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String item = m.group(1);
            m.appendReplacement(out, String.join(" or ", java.util.Arrays.stream(m.group(2).split(",\\s*")).map(v -> item + " == " + v).toList()));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void unsupported_features_are_reported_by_row_not_dropped_silently() throws IOException {
        RedcapImport imp = RedcapDictionary.importDictionary("redcap_unsupported_dictionary.csv", read("redcap_unsupported_dictionary.csv"), null);
        assertThat(imp.unsupported()).extracting(Problem::line, Problem::field).contains(
                org.assertj.core.groups.Tuple.tuple(2, "record_id"),
                org.assertj.core.groups.Tuple.tuple(3, "legacy_email"),
                org.assertj.core.groups.Tuple.tuple(4, "legacy_bmi"),
                org.assertj.core.groups.Tuple.tuple(5, "legacy_intro"),
                org.assertj.core.groups.Tuple.tuple(6, "legacy_pain"),
                org.assertj.core.groups.Tuple.tuple(7, "legacy_mood"),
                org.assertj.core.groups.Tuple.tuple(8, "legacy_q1"),
                org.assertj.core.groups.Tuple.tuple(9, "legacy_q2"),
                org.assertj.core.groups.Tuple.tuple(10, "legacy_q3"),
                org.assertj.core.groups.Tuple.tuple(11, "legacy_q4"));
        assertThat(imp.unsupported()).extracting(Problem::message).anyMatch(m -> m.contains("renamed to 'legacy_record_id'"))
                .anyMatch(m -> m.contains("text validation 'email' is not supported"))
                .anyMatch(m -> m.contains("the identifier flag was not imported"))
                .anyMatch(m -> m.contains("field type 'calc' is not supported"))
                .anyMatch(m -> m.contains("field type 'descriptive' is not supported"))
                .anyMatch(m -> m.contains("field type 'slider' is not supported"))
                .anyMatch(m -> m.contains("choice 'a, Good' is not of the form 'code, Label' with a whole-number code"))
                .anyMatch(m -> m.contains("Custom Alignment 'RH' is not supported"))
                .anyMatch(m -> m.contains("Matrix Group Name 'grid_a' is not supported"))
                .anyMatch(m -> m.contains("field annotation '@HIDDEN' is not supported"))
                .anyMatch(m -> m.contains("uses 'datediff'"))
                .anyMatch(m -> m.contains("tests for an empty value"))
                .anyMatch(m -> m.contains("field note 'a note' was not imported"))
                .anyMatch(m -> m.contains("refers to 'legacy_q9', which is not an earlier imported field"));
        assertThat(imp.definition().definition().items()).extracting(Item::id)
                .containsExactly("legacy_record_id", "legacy_email", "legacy_q1", "legacy_q2", "legacy_q3", "legacy_q4");
    }

    @Test
    void a_file_that_is_not_a_redcap_dictionary_is_rejected_naming_the_header() {
        var e = catchThrowableOfType(ValidationException.class, () -> RedcapDictionary.importDictionary("x.csv", "name,form\nfoo,bar\n", null));
        assertThat(e.getMessage()).contains("x.csv line 1 is not a REDCap data dictionary header: expected header 'Variable / Field Name', found 'name'");
    }

    @Test
    void an_unclosed_quote_names_its_line() {
        var e = catchThrowableOfType(ValidationException.class, () -> RedcapDictionary.importDictionary("x.csv", "a,b\n\"open,c\n", null));
        assertThat(e.getMessage()).contains("x.csv line 2");
    }
}
