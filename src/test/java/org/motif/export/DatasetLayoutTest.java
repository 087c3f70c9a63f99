package org.motif.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.motif.base.ValidationException;
import org.motif.export.DatasetLayout.InstrumentPlan;
import org.motif.questionnaire.DefinitionLoader;
import org.motif.questionnaire.InstrumentDefinition;
import org.motif.questionnaire.InstrumentTexts;

/** The workbook layout, de-identification and dictionary, without a database. */
class DatasetLayoutTest {
    static InstrumentDefinition load(String id) {
        try {
            return DefinitionLoader.load(id + ".yaml", Files.readString(Path.of("questionnaires", id + ".yaml"), StandardCharsets.UTF_8)).definition();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final InstrumentDefinition GAD7 = load("gad7");
    static final InstrumentDefinition MUSICAL = load("musical_background");

    static DatasetLayout layout(Map<String, String> parameters, List<String> variants) {
        ExportOptions o = ExportOptions.parse(parameters);
        return new DatasetLayout(o, List.of(new InstrumentPlan("baseline", new InstrumentTexts(GAD7, o.language(), null)),
                new InstrumentPlan("baseline", new InstrumentTexts(MUSICAL, o.language(), null))), variants);
    }

    static StudyFacts.Participant erika(int shift) {
        var ph = new StudyFacts.Phenotype(LocalDate.of(2026, 5, 4), "affected", "focal_task_specific", "right_hand", "right", "violin", "playing", 34,
                "definite", null, null, "Dr. Who", "free text");
        return new StudyFacts.Participant("F001-03", "F001", "F001-01", null, "female", 1983, true, "musician", false, ph, "given",
                OffsetDateTime.of(2026, 1, 10, 9, 30, 0, 0, ZoneOffset.UTC), new StudyFacts.Contact("Erika Mustermann", "erika@example.org", null, null), shift);
    }

    static final List<StudyFacts.Answer> ANSWERS = List.of(
            new StudyFacts.Answer("baseline", "gad7", "1", "gad7_1", 1, null),
            new StudyFacts.Answer("baseline", "gad7", "1", "gad7_4", 3, null),
            new StudyFacts.Answer("baseline", "musical_background", "1", "musical_background_primary_other", "Lute", null),
            new StudyFacts.Answer("baseline", "musical_background", "1", "musical_background_other_instruments", List.of(2, 6), null),
            new StudyFacts.Answer("baseline", "musical_background", "1", "musical_background_practice_hours", 4.5, null),
            new StudyFacts.Answer("baseline", "musical_background", "1", "musical_background_pain", 0, null));
    // GAD-7 total 10 lies in the published band 10–14 "moderate" (Spitzer et al. 2006)
    static final List<StudyFacts.Score> SCORES = List.of(new StudyFacts.Score("baseline", "gad7", "1", "total", 10.0, 7, 7, false, "moderate", null));

    static Object value(DatasetLayout layout, Object[] row, String column) {
        for (int i = 0; i < layout.participantColumns().size(); i++) if (layout.participantColumns().get(i).name().equals(column)) return row[i];
        throw new AssertionError("no column " + column);
    }

    static List<String> names(DatasetLayout layout) {
        return layout.participantColumns().stream().map(Column::name).toList();
    }

    @Test
    void participant_columns_follow_the_api_names_scores_then_items() {
        var layout = layout(Map.of(), List.of());
        assertThat(names(layout)).startsWith("participantId", "familyId", "fatherId", "motherId", "sex", "birthYear", "proband", "role");
        assertThat(names(layout)).containsSubsequence("baseline.gad7.total", "baseline.gad7.total.answered", "baseline.gad7.total.prorated",
                "baseline.gad7.total.band", "baseline.gad7_1", "baseline.gad7_7");
    }

    @Test
    void a_participant_row_holds_typed_values_and_null_for_missing() {
        var layout = layout(Map.of(), List.of());
        Object[] row = layout.participantRow(erika(-10), ANSWERS, SCORES, null);
        assertThat(value(layout, row, "baseline.gad7.total")).isEqualTo(10.0);
        assertThat(value(layout, row, "baseline.gad7.total.band")).isEqualTo("moderate");
        assertThat(value(layout, row, "baseline.gad7.total.prorated")).isEqualTo(false);
        assertThat(value(layout, row, "baseline.gad7_4")).isEqualTo(3);
        assertThat(value(layout, row, "baseline.gad7_2")).isNull();
        assertThat(value(layout, row, "baseline.musical_background_other_instruments")).isEqualTo("2;6");
        assertThat(value(layout, row, "baseline.musical_background_practice_hours")).isEqualTo(4.5);
        assertThat(value(layout, row, "motherId")).isNull();
        assertThat(value(layout, row, "birthYear")).isEqualTo(1983);
    }

    @Test
    void de_identified_rows_have_no_free_text_no_contacts_and_shifted_dates() {
        var layout = layout(Map.of(), List.of());
        assertThat(names(layout)).doesNotContain("baseline.musical_background_primary_other", "email", "fullName");
        Object[] row = layout.participantRow(erika(-10), ANSWERS, SCORES, null);
        assertThat(value(layout, row, "phenotypeRecordedOn")).isEqualTo(LocalDate.of(2026, 4, 24));
        assertThat(value(layout, row, "consentDate")).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(layout.phenotypeColumns()).extracting(Column::name).doesNotContain("note", "examiner");
        assertThat(layout.pedigreeColumns()).extracting(Column::name).doesNotContain("note", "examiner");
        assertThat(layout.responseRow("F001-03", ANSWERS.get(2), -10)).as("free text").isNull();
    }

    @Test
    void contacts_need_the_explicit_choice_and_deidentified_false() {
        assertThat(names(layout(Map.of("contacts", "true"), List.of()))).doesNotContain("email");
        assertThat(names(layout(Map.of("deidentified", "false"), List.of()))).doesNotContain("email");
        var layout = layout(Map.of("deidentified", "false", "contacts", "true"), List.of());
        Object[] row = layout.participantRow(erika(0), ANSWERS, SCORES, null);
        assertThat(value(layout, row, "email")).isEqualTo("erika@example.org");
        assertThat(value(layout, row, "baseline.musical_background_primary_other")).isEqualTo("Lute");
    }

    @Test
    void labels_in_german_and_multiple_choice_as_one_column_per_option() {
        var layout = layout(Map.of("labels", "labels", "language", "de", "multipleChoice", "columns"), List.of());
        Object[] row = layout.participantRow(erika(0), ANSWERS, SCORES, null);
        assertThat(value(layout, row, "baseline.gad7_4")).isEqualTo("Beinahe jeden Tag");
        assertThat(value(layout, row, "baseline.musical_background_pain")).isEqualTo("nein");
        assertThat(value(layout, row, "baseline.musical_background_other_instruments.2")).isEqualTo(1);
        assertThat(value(layout, row, "baseline.musical_background_other_instruments.6")).isEqualTo(1);
        assertThat(value(layout, row, "baseline.musical_background_other_instruments.1")).isEqualTo(0);
        assertThat(names(layout)).doesNotContain("baseline.musical_background_other_instruments");
    }

    @Test
    void genotype_columns_as_calls_or_dosage_with_no_call_empty() {
        var calls = layout(Map.of(), List.of("chr9:130714400:G:A", "chr1:100:C:T"));
        Object[] row = calls.participantRow(erika(0), List.of(), List.of(), new byte[] {1, 3});
        assertThat(value(calls, row, "chr9:130714400:G:A")).isEqualTo("0/1");
        assertThat(value(calls, row, "chr1:100:C:T")).isNull();
        var dosage = layout(Map.of("genotypeFormat", "dosage"), List.of("chr9:130714400:G:A"));
        assertThat(value(dosage, dosage.participantRow(erika(0), List.of(), List.of(), new byte[] {2}), "chr9:130714400:G:A")).isEqualTo(2);
    }

    @Test
    void the_pedigree_row_uses_ped_codes() {
        var layout = layout(Map.of(), List.of());
        Object[] row = layout.pedigreeRow(erika(0));
        assertThat(row).startsWith("F001", "F001-03", "F001-01", "0", 2, 2);
    }

    @Test
    void the_dictionary_row_of_a_gad7_item_has_label_codes_and_the_scale_row_its_bands() {
        var dict = layout(Map.of(), List.of()).dictionary(Set.of(ExportSheet.PARTICIPANTS));
        var item = dict.stream().filter(r -> r.variable().equals("baseline.gad7_1")).findFirst().orElseThrow();
        assertThat(item.label()).isEqualTo("Feeling nervous, anxious, or on edge");
        assertThat(item.type()).isEqualTo("single-choice");
        assertThat(item.codes()).isEqualTo("0, Not at all | 1, Several days | 2, More than half the days | 3, Nearly every day");
        var total = dict.stream().filter(r -> r.variable().equals("baseline.gad7.total")).findFirst().orElseThrow();
        assertThat(total.codes()).isEqualTo("0–4, minimal | 5–9, mild | 10–14, moderate | 15–21, severe");
        var hours = dict.stream().filter(r -> r.variable().equals("baseline.musical_background_practice_hours")).findFirst().orElseThrow();
        assertThat(hours.units()).isEqualTo("hours per day");
        assertThat(hours.range()).isEqualTo("0–16");
        var german = layout(Map.of("language", "de"), List.of()).dictionary(Set.of(ExportSheet.PARTICIPANTS));
        assertThat(german.stream().filter(r -> r.variable().equals("baseline.gad7_1")).findFirst().orElseThrow().label())
                .isEqualTo("Nervosität, Ängstlichkeit oder Anspannung");
    }

    @Test
    void date_offsets_are_one_to_364_days_back_and_birth_years_coarsen_to_five_year_bins() {
        var random = new Random(7);
        for (int i = 0; i < 1000; i++) assertThat(Deidentification.newShiftDays(random)).isBetween(-364, -1);
        assertThat(Deidentification.coarsenBirthYear(1983)).isEqualTo(1980);
        assertThat(Deidentification.coarsenBirthYear(1985)).isEqualTo(1985);
        assertThat(Deidentification.coarsenBirthYear(null)).isNull();
        assertThat(Deidentification.shift(LocalDate.of(2026, 3, 1), -1)).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void options_name_every_unknown_value() {
        assertThatThrownBy(() -> ExportOptions.parse(Map.of("include", "participants,pets", "labels", "maybe", "language", "fr")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).extracting(p -> p.field())
                        .containsExactlyInAnyOrder("include", "language", "labels"));
        var o = ExportOptions.parse(Map.of("include", "scores, participants", "deidentified", "false", "birthYear", "coarsen"));
        assertThat(o.include()).containsExactlyInAnyOrder(ExportSheet.PARTICIPANTS, ExportSheet.SCORES);
        assertThat(o.asParameters()).containsEntry("include", "participants,scores").containsEntry("deidentified", "false")
                .containsEntry("birthYear", "coarsen").doesNotContainKey("labels");
    }

    @Test
    void sheets_follow_the_roles_table() {
        assertThat(ExportSheet.GENOTYPES.visibleTo(true, false)).isFalse();
        assertThat(ExportSheet.GENOTYPES.visibleTo(false, true)).isTrue();
        assertThat(ExportSheet.RESPONSES.visibleTo(false, true)).isFalse();
        assertThat(ExportSheet.RESPONSES.visibleTo(true, true)).isTrue();
        assertThat(ExportSheet.PEDIGREE.visibleTo(true, false)).isTrue();
    }

    @Test
    void linkage_rows_write_lods_as_numbers_and_na_or_minus_infinity_as_empty_cells_with_the_reason() {
        var o = ExportOptions.parse(Map.of());
        var layout = new DatasetLayout(o, List.of(), List.of("1:100:A:G"), true, List.of("F1"), List.of(0.0, 0.1, 0.05));
        assertThat(layout.linkageColumns()).extracting(Column::name).containsSubsequence("family", "status", "note", "maxLod", "thetaAtMax",
                "lod.0", "lod.0.05", "lod.0.1", "hlod", "hlodTheta", "alpha");
        double ninf = Double.NEGATIVE_INFINITY;
        double[] thetas = {0, 0.05, 0.1};
        var m = new org.motif.linkage.MarkerLinkage("1:100:A:G", 0.2, thetas, List.of(
                new org.motif.linkage.FamilyLod("F1", org.motif.linkage.FamilyLod.Status.SCORED, new double[] {ninf, 0.5, 0.7}),
                new org.motif.linkage.FamilyLod("F2", org.motif.linkage.FamilyLod.Status.INCONSISTENT, new double[] {Double.NaN, Double.NaN, Double.NaN}),
                new org.motif.linkage.FamilyLod("F3#1", org.motif.linkage.FamilyLod.Status.NOT_ANALYSABLE, new double[] {Double.NaN, Double.NaN, Double.NaN}),
                new org.motif.linkage.FamilyLod("F4", org.motif.linkage.FamilyLod.Status.UNINFORMATIVE, new double[] {0, 0, 0})),
                new double[] {ninf, 0.5, 0.7}, new double[] {0, 0.4, 0.9}, new double[] {0, 0.5, 0.8});
        var run = new StudyFacts.LinkageRun("lr-1", "vcf-1", null, 0.0001, 0.01, 0.7, 0.7, thetas, "founders", null, "motif 0.1.0", null,
                List.of("F1", "F2", "F3", "F4"), java.util.Arrays.asList(null, null, "loop: a, b", null));
        List<Object[]> rows = layout.linkageRows(run, "TOR1A", m, f -> !f.equals("F4"));
        assertThat(rows).hasSize(4).extracting(r -> r[11]).containsExactly("F1", "F2", "F3#1", "ALL");
        Object[] f1 = rows.get(0);
        assertThat(f1[2]).isEqualTo("custom");
        assertThat(f1[12]).isEqualTo("scored_minus_inf");
        assertThat((String) f1[13]).contains("θ = 0");
        assertThat(f1[14]).isEqualTo(0.7);
        assertThat(f1[15]).isEqualTo(0.1);
        assertThat(f1[16]).as("lod.0 = −∞: empty").isNull();
        assertThat(f1[17]).isEqualTo(0.5);
        assertThat(f1[18]).isEqualTo(0.7);
        assertThat(rows.get(1)[12]).isEqualTo("inconsistent");
        assertThat(rows.get(1)[14]).isNull();
        assertThat(rows.get(2)[12]).isEqualTo("not_analysable");
        assertThat(rows.get(2)[13]).isEqualTo("loop: a, b");
        Object[] all = rows.get(3);
        assertThat(all[19]).isEqualTo(0.9);
        assertThat(all[20]).isEqualTo(0.1);
        assertThat(all[21]).isEqualTo(0.8);
        assertThat(DatasetLayout.maxLod(m.families().get(0))).isEqualTo(0.7);
        assertThat(DatasetLayout.maxLod(m.families().get(1))).isNaN();

        Object[] participant = layout.participantRow(erika(0), List.of(), List.of(), new byte[] {1}, new double[] {1.25});
        int lodAt = layout.participantColumns().stream().map(Column::name).toList().indexOf("1:100:A:G.lod");
        assertThat(participant[lodAt]).isEqualTo(1.25);
        assertThat(layout.participantRow(erika(0), List.of(), List.of(), new byte[] {1}, new double[] {Double.NaN})[lodAt]).isNull();

        Object[] variant = layout.variantRow(new Object[13], Map.of("F1", new StudyFacts.FamilySegregation("F1", 2, 3, 0, 4, 1,
                List.of("dominant_reduced_penetrance", "de_novo"))));
        assertThat(java.util.Arrays.copyOfRange(variant, 13, 19)).containsExactly(2, 3, 0, 4, 1, "dominant_reduced_penetrance;de_novo");
        assertThat(layout.dictionary(Set.of(ExportSheet.VARIANTS, ExportSheet.LINKAGE, ExportSheet.PARTICIPANTS)))
                .extracting(DictionaryRow::variable).contains("F1.affectedCarriers", "F1.modes", "lod.0.05", "hlod", "1:100:A:G.lod");
    }

    @Test
    void filter_set_and_linkage_runs_are_options() {
        var o = ExportOptions.parse(Map.of("filterSet", " rare dystonia ", "linkageRun", "lr-a,lr-b"));
        assertThat(o.filterSet()).isEqualTo("rare dystonia");
        assertThat(o.linkageRuns()).containsExactly("lr-a", "lr-b");
        assertThat(o.asParameters()).containsEntry("filterSet", "rare dystonia").containsEntry("linkageRun", "lr-a,lr-b");
        assertThat(DatasetLayout.lodColumn(0.0)).isEqualTo("lod.0");
        assertThat(DatasetLayout.lodColumn(0.01)).isEqualTo("lod.0.01");
    }
}
