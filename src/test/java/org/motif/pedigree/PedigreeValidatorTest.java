package org.motif.pedigree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.motif.pedigree.PedigreeValidator.Stored;

class PedigreeValidatorTest {
    private static List<PedigreeIssue> check(String ped) {
        return check(ped, Map.of());
    }

    private static List<PedigreeIssue> check(String ped, Map<String, Stored> stored) {
        PedFile f = PedReader.read(ped, false);
        assertThat(f.problems()).isEmpty();
        return PedigreeValidator.validate(f.records(), stored);
    }

    @Test
    void a_trio_has_no_issues() {
        assertThat(check(PedReaderTest.TRIO)).isEmpty();
    }

    @Test
    void duplicate_ids_are_an_error_naming_both_lines() {
        var issues = check("F1 a 0 0 1 1\nF1 b 0 0 2 1\nF1 a 0 0 1 1\n");
        assertThat(issues).filteredOn(PedigreeIssue::isError).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.individuals()).containsExactly("a");
            assertThat(p.message()).contains("duplicate id 'a'").contains("line 1").contains("rename");
        });
    }

    @Test
    void father_not_male_and_mother_not_female_are_errors() {
        var issues = check("F1 a 0 0 2 1\nF1 b 0 0 1 1\nF1 c a b 1 2\n");
        assertThat(issues).filteredOn(PedigreeIssue::isError).hasSize(2).allSatisfy(p -> assertThat(p.line()).isEqualTo(3));
        assertThat(issues.get(0).message()).contains("father 'a' of 'c' has sex female").contains("fix the SEX of 'a'");
        assertThat(issues.get(1).message()).contains("mother 'b' of 'c' has sex male");
    }

    @Test
    void parent_with_unknown_sex_is_an_error() {
        var issues = check("F1 a 0 0 0 1\nF1 b 0 0 2 1\nF1 c a b 1 2\n");
        assertThat(issues).filteredOn(PedigreeIssue::isError).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("father 'a' of 'c' has sex unknown"));
    }

    @Test
    void parent_in_another_family_is_an_error_naming_both_families() {
        var issues = check("F1 a 0 0 1 1\nF1 b 0 0 2 1\nF2 c a b 1 2\n");
        assertThat(issues).filteredOn(PedigreeIssue::isError).hasSize(2).first().satisfies(p -> {
            assertThat(p.individuals()).containsExactly("c", "a");
            assertThat(p.message()).contains("is in family F1, not in F2");
        });
    }

    @Test
    void parent_missing_from_file_and_study_is_an_error() {
        var issues = check("F1 c x 0 1 2\n");
        assertThat(issues).filteredOn(PedigreeIssue::isError).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("father 'x' of 'c' is not in the file or the study"));
    }

    @Test
    void parent_already_stored_in_the_same_family_is_accepted() {
        var issues = check("F1 c x y 1 2\n", Map.of("x", new Stored("F1", Sex.MALE), "y", new Stored("F1", Sex.FEMALE)));
        assertThat(issues).isEmpty();
    }

    @Test
    void cycles_are_an_error_naming_the_loop() {
        var issues = check("F1 a c m 1 1\nF1 m 0 0 2 1\nF1 b a m 1 1\nF1 c b m 1 1\n");
        assertThat(issues).filteredOn(PedigreeIssue::isError).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("cycle").contains("their own ancestor");
            assertThat(p.individuals()).containsExactlyInAnyOrder("a", "b", "c");
        });
    }

    @Test
    void someone_their_own_parent_is_a_cycle() {
        var issues = check("F1 a a m 1 1\nF1 m 0 0 2 1\n");
        assertThat(issues).filteredOn(PedigreeIssue::isError).extracting(PedigreeIssue::message).anyMatch(m -> m.contains("cycle"));
    }

    @Test
    void child_born_before_parent_was_twelve_is_a_warning() {
        var issues = check("#FID IID PAT MAT SEX PHENO birth_year\nF1 a 0 0 1 1 1980\nF1 b 0 0 2 1 1960\nF1 c a b 1 2 1990\n");
        assertThat(issues).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.individuals()).containsExactly("c", "a");
            assertThat(p.message()).contains("born in 1990, when parent 'a' (born 1980) was 10");
        });
    }

    @Test
    void single_known_parent_is_a_warning() {
        var issues = check("F1 a 0 0 1 1\nF1 c a 0 1 2\n");
        assertThat(issues).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.message()).contains("'c' has only one known parent (father 'a')").contains("placeholder");
        });
    }

    @Test
    void disconnected_members_are_a_warning_naming_them() {
        var issues = check(PedReaderTest.TRIO + "F001\tF001-09\t0\t0\t1\t0\n");
        assertThat(issues).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.individuals()).containsExactly("F001-09");
            assertThat(p.message()).contains("family F001: F001-09 is not connected");
        });
    }

    @Test
    void id_clash_with_another_family_is_an_error_naming_both_families() {
        var issues = check("F2 F001-01 0 0 1 1\n", Map.of("F001-01", new Stored("F001", Sex.MALE)));
        assertThat(issues).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).contains("of family F2 clashes with participant 'F001-01' of family F001");
        });
    }

    @Test
    void sex_specific_hpo_term_on_the_other_sex_is_a_warning() {
        var issues = check("#FID IID PAT MAT SEX PHENO hpo_terms\nF1 a 0 0 2 2 HP:0000028\n");
        assertThat(issues).singleElement().satisfies(p -> assertThat(p.message()).contains("'a' is female but HPO term HP:0000028"));
    }
}
