package org.motif.pedigree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PedReaderTest {
    static final String TRIO = """
            F001\tF001-01\t0\t0\t1\t1
            F001\tF001-02\t0\t0\t2\t1
            F001\tF001-03\tF001-01\tF001-02\t2\t2
            """;

    @Test
    void six_column_ped_is_read_with_unknown_parents_as_null() {
        PedFile f = PedReader.read(TRIO, false);
        assertThat(f.problems()).isEmpty();
        assertThat(f.records()).hasSize(3);
        Individual child = f.records().get(2).individual();
        assertThat(child.fatherId()).isEqualTo("F001-01");
        assertThat(child.motherId()).isEqualTo("F001-02");
        assertThat(child.sex()).isEqualTo(Sex.FEMALE);
        assertThat(child.affection()).isEqualTo(Affection.AFFECTED);
        assertThat(f.records().get(0).individual().fatherId()).isNull();
        assertThat(f.records().get(2).line()).isEqualTo(3);
    }

    @Test
    void space_separated_plink_fam_with_minus_nine_affection_is_read() {
        PedFile f = PedReader.read("FAM1 1 0 0 1 -9\nFAM1 2 0 0 2 0\n", false);
        assertThat(f.problems()).isEmpty();
        assertThat(f.records()).extracting(r -> r.individual().affection()).containsExactly(Affection.UNKNOWN, Affection.UNKNOWN);
    }

    @Test
    void wrong_column_count_is_an_error_naming_the_line() {
        PedFile f = PedReader.read("F1 a 0 0 1 1\nF1 b 0 0 2\n", false);
        assertThat(f.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("5 columns, expected 6");
        });
    }

    @Test
    void bad_sex_and_affection_codes_are_errors_naming_the_individual_and_codes() {
        PedFile f = PedReader.read("F1 a 0 0 M 1\nF1 b 0 0 2 3\n", false);
        assertThat(f.problems()).hasSize(2);
        assertThat(f.problems().get(0)).satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.field()).isEqualTo("SEX");
            assertThat(p.message()).contains("'a'").contains("1 (male), 2 (female) or 0 (unknown)");
        });
        assertThat(f.problems().get(1)).satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.field()).isEqualTo("PHENO");
            assertThat(p.message()).contains("'b'").contains("-9");
        });
        assertThat(f.records()).isEmpty();
    }

    @Test
    void header_names_extra_columns_in_any_case() {
        String text = "#fid iid pat mat sex pheno birth_year proband dystonia_type age_at_onset\n"
                + "F1 a 0 0 1 2 1961 1 musicians_focal_hand_dystonia 34\n";
        PedFile f = PedReader.read(text, false);
        assertThat(f.problems()).isEmpty();
        Individual a = f.records().get(0).individual();
        assertThat(a.birthYear()).isEqualTo(1961);
        assertThat(a.proband()).isTrue();
        assertThat(a.phenotype().dystoniaType()).isEqualTo(DystoniaType.MUSICIANS_FOCAL_HAND_DYSTONIA);
        assertThat(a.phenotype().ageAtOnset()).isEqualTo(34);
        assertThat(f.has(PedColumn.BIRTH_YEAR)).isTrue();
        assertThat(f.has(PedColumn.DECEASED)).isFalse();
    }

    @Test
    void unknown_header_column_is_an_error_listing_known_names() {
        PedFile f = PedReader.read("#FID IID PAT MAT SEX PHENO eye_colour\nF1 a 0 0 1 2 blue\n", false);
        assertThat(f.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.field()).isEqualTo("eye_colour");
            assertThat(p.message()).contains("unknown column name 'eye_colour'").contains("birth_year");
        });
    }

    @Test
    void header_must_start_with_the_six_standard_columns() {
        PedFile f = PedReader.read("#FID IID MAT PAT SEX PHENO\nF1 a 0 0 1 2\n", false);
        assertThat(f.problems()).extracting(PedigreeIssue::field).containsExactly("MAT", "PAT");
    }

    @Test
    void bad_hpo_id_and_dystonia_type_are_errors() {
        PedFile f = PedReader.read("#FID IID PAT MAT SEX PHENO dystonia_type hpo_terms\nF1 a 0 0 1 2 cramp HP:12\n", false);
        assertThat(f.problems()).extracting(PedigreeIssue::field).containsExactly("dystonia_type", "hpo_terms");
        assertThat(f.problems().get(1).message()).contains("HP: and 7 digits");
    }

    @Test
    void id_prefix_makes_ids_family_dash_individual() {
        PedFile f = PedReader.read("7 1 0 0 1 1\n7 2 0 0 2 1\n7 3 1 2 1 2\n", true);
        assertThat(f.records().get(2).individual()).satisfies(i -> {
            assertThat(i.id()).isEqualTo("7-3");
            assertThat(i.fatherId()).isEqualTo("7-1");
            assertThat(i.motherId()).isEqualTo("7-2");
        });
    }

    @Test
    void hash_lines_that_are_not_a_header_are_comments() {
        PedFile f = PedReader.read("# made by hand\n" + TRIO + "# end\n", false);
        assertThat(f.problems()).isEmpty();
        assertThat(f.records()).hasSize(3);
        assertThat(f.records().get(0).line()).isEqualTo(2);
    }

    @Test
    void tab_separated_values_may_hold_spaces() {
        PedFile f = PedReader.read("#FID\tIID\tPAT\tMAT\tSEX\tPHENO\tinstrument\nF1\ta\t0\t0\t1\t2\tfrench horn\n", false);
        assertThat(f.records().get(0).individual().phenotype().instrument()).isEqualTo("french horn");
    }

    @Test
    void extended_writer_output_reads_back_to_the_same_records_and_bytes() {
        var a = Individual.of("F1", "F1-1", null, null, Sex.MALE, Affection.AFFECTED).withBirthYear(1950).withProband(true)
                .withPhenotype(new PhenotypeDetail(DystoniaType.EMBOUCHURE_DYSTONIA, "face", "bilateral", "trumpet", "playing high register",
                        41, Certainty.PROBABLE, "moderate", List.of("HP:0002071", "HP:0001332"), "Dr. K", java.time.LocalDate.of(2026, 3, 1), "tab\there"));
        var b = Individual.of("F1", "F1-2", null, null, Sex.FEMALE, Affection.UNKNOWN).withDeceased(true);
        var c = Individual.of("F1", "F1-10", "F1-1", "F1-2", Sex.UNKNOWN, Affection.UNAFFECTED).withTwins("t1", "dizygotic");
        String text = PedWriter.write(List.of(c, b, a), true);
        PedFile back = PedReader.read(text, false);
        assertThat(back.problems()).isEmpty();
        assertThat(PedWriter.write(back.records().stream().map(PedRecord::individual).toList(), true)).isEqualTo(text);
        assertThat(back.records()).extracting(PedRecord::id).containsExactly("F1-1", "F1-2", "F1-10");
        assertThat(back.records().get(0).individual().phenotype().note()).isEqualTo("tab here");
    }

    @Test
    void six_column_writer_uses_tabs_and_zero_for_unknown_parents() {
        String text = PedWriter.write(PedReader.read(TRIO, false).records().stream().map(PedRecord::individual).toList(), false);
        assertThat(text).isEqualTo(TRIO);
    }
}
