package org.motif.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.motif.base.ConflictException;
import org.motif.base.NotFoundException;
import org.motif.base.ValidationException;
import org.motif.pedigree.Affection;
import org.motif.pedigree.Certainty;
import org.motif.pedigree.DystoniaType;
import org.motif.pedigree.PhenotypeDetail;
import org.motif.pedigree.Sex;
import org.motif.pedigree.StudyRole;
import org.motif.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class PedigreeImportIT extends AbstractIT {
    @Autowired TestRestTemplate rest;
    @Autowired FamilyService families;
    @Autowired ParticipantService participants;
    @Autowired PhenotypeService phenotypes;
    @Autowired ContactService contacts;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signIn(Role... roles) {
        var auth = UsernamePasswordAuthenticationToken.authenticated("it-user", null,
                AuthorityUtils.createAuthorityList(Role.authorities(List.of(roles)).toArray(String[]::new)));
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    private TestRestTemplate admin() {
        return rest.withBasicAuth(ADMIN, ADMIN_PASSWORD);
    }

    private org.springframework.http.ResponseEntity<Map> post(String ped, String query) {
        var h = new HttpHeaders();
        h.setContentType(MediaType.TEXT_PLAIN);
        return admin().postForEntity("/api/v1/pedigrees" + query, new HttpEntity<>(ped, h), Map.class);
    }

    @Test
    void the_three_generation_demo_family_imports_and_reimports_unchanged() throws Exception {
        String demo3 = Files.readAllLines(Path.of("genomics/demo-families.ped")).stream().filter(l -> l.startsWith("DEMO03\t"))
                .collect(Collectors.joining("\n", "", "\n"));
        var first = post(demo3, "");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("families")).isEqualTo(Map.of("created", 1, "updated", 0, "unchanged", 0));
        assertThat(first.getBody().get("participants")).isEqualTo(Map.of("created", 28, "updated", 0, "unchanged", 0));
        var again = post(demo3, "");
        assertThat(again.getBody().get("families")).isEqualTo(Map.of("created", 0, "updated", 0, "unchanged", 1));
        assertThat(again.getBody().get("participants")).isEqualTo(Map.of("created", 0, "updated", 0, "unchanged", 28));

        Map<?, ?> p = admin().getForObject("/api/v1/participants/DEMO03_07", Map.class);
        assertThat(p.get("familyId")).isEqualTo("DEMO03");
        assertThat(p.get("fatherId")).isEqualTo("DEMO03_06");
        assertThat(p.get("motherId")).isEqualTo("DEMO03_03");
        assertThat(p.get("sex")).isEqualTo("male");
        assertThat(p.get("affection")).isEqualTo("unaffected");
        assertThat((List<?>) p.get("phenotypes")).hasSize(1);
        String ped = admin().getForObject("/api/v1/families/DEMO03/pedigree.ped", String.class);
        assertThat(ped.lines().sorted().toList()).isEqualTo(demo3.lines().sorted().toList());
        String svg = admin().getForObject("/api/v1/families/DEMO03/pedigree.svg", String.class);
        assertThat(svg).startsWith("<svg").contains(">III<").contains("DEMO03_28");
        Map<?, ?> list = admin().getForObject("/api/v1/participants?family=DEMO03&limit=5", Map.class);
        assertThat((List<?>) list.get("items")).hasSize(5);
        assertThat(list.get("next")).isEqualTo("5");
    }

    @Test
    void a_ped_with_errors_is_rejected_whole_with_every_problem_and_line() {
        String bad = "IT1 it1-f 0 0 2 1\nIT1 it1-m 0 0 2 1\nIT1 it1-c it1-f it1-m 1 5\nIT1 it1-d it1-f it1-m 1\n";
        var r = post(bad, "");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        List<Map<String, Object>> problems = (List<Map<String, Object>>) r.getBody().get("problems");
        assertThat(problems).extracting(m -> m.get("line")).containsExactly(3, 4);
        assertThat(problems.get(0).get("message").toString()).contains("affection '5' of 'it1-c'");
        assertThat(r.getBody().get("detail").toString()).contains("nothing was imported");
        var cycle = post("IT1 it1-a it1-b it1-m 1 1\nIT1 it1-b it1-a it1-m 1 1\nIT1 it1-m 0 0 2 1\n", "");
        assertThat(cycle.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(cycle.getBody().get("detail").toString()).contains("cycle");
        assertThat(admin().getForEntity("/api/v1/families/IT1/pedigree.ped", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void id_clash_with_another_family_names_both_and_stores_nothing() {
        assertThat(post("IT2 it2-a 0 0 1 1\n", "").getStatusCode()).isEqualTo(HttpStatus.OK);
        var r = post("IT3 it3-a 0 0 1 1\nIT3 it2-a 0 0 1 1\n", "");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(r.getBody().get("detail").toString()).contains("'it2-a' of family IT3 clashes with participant 'it2-a' of family IT2");
        assertThat(admin().getForEntity("/api/v1/participants/it3-a", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void id_prefix_family_makes_linkage_numbers_unique() {
        var r = post("IT4 1 0 0 1 1\nIT4 2 0 0 2 1\nIT4 3 1 2 1 2\n", "?idPrefix=family");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin().getForObject("/api/v1/participants/IT4-3", Map.class).get("fatherId")).isEqualTo("IT4-1");
    }

    @Test
    void reimport_updates_changed_members_adds_phenotype_only_on_affection_change_and_never_deletes() {
        post("IT5 it5-f 0 0 1 1\nIT5 it5-m 0 0 2 1\nIT5 it5-c it5-f it5-m 1 1\n", "");
        var r = post("IT5 it5-f 0 0 1 1\nIT5 it5-c it5-f it5-m 1 2\n", "");
        assertThat(r.getBody().get("participants")).isEqualTo(Map.of("created", 0, "updated", 1, "unchanged", 1));
        assertThat(r.getBody().get("families")).isEqualTo(Map.of("created", 0, "updated", 1, "unchanged", 0));
        assertThat(r.getBody().get("warnings").toString()).contains("it5-m").contains("never delete");
        Map<?, ?> c = admin().getForObject("/api/v1/participants/it5-c", Map.class);
        assertThat(((List<Map<String, Object>>) c.get("phenotypes")).stream().map(m -> m.get("affection")).toList()).containsExactly("unaffected", "affected");
        assertThat(admin().getForObject("/api/v1/participants/it5-m", Map.class).get("id")).isEqualTo("it5-m");
    }

    @Test
    void export_import_export_is_byte_identical_starting_from_records_entered_through_the_services() {
        signIn(Role.GENETICIST);
        families.createFamily("IT6", null);
        var proband = participants.create("IT6", new NewRelative("IT6-01", Sex.FEMALE, 1984, StudyRole.MUSICIAN, null));
        var father = participants.addRelative(proband.id(), Relation.FATHER, new NewRelative(null, null, 1950, StudyRole.RELATIVE, null));
        participants.addRelative(proband.id(), Relation.SIBLING, new NewRelative(null, Sex.MALE, 1986, StudyRole.MUSICIAN, null));
        participants.addRelative(proband.id(), Relation.CHILD, new NewRelative(null, Sex.UNKNOWN, 2015, null, null));
        var edit = ParticipantEdit.of(participants.get(proband.id()));
        participants.update(new ParticipantEdit(edit.id(), edit.version(), Sex.FEMALE, 1984, true, StudyRole.MUSICIAN, false, null, null));
        phenotypes.add(proband.id(), Affection.AFFECTED, new PhenotypeDetail(DystoniaType.MUSICIANS_FOCAL_HAND_DYSTONIA, "hand", "right", "violin",
                "vibrato", 29, Certainty.DEFINITE, "moderate", List.of("HP:0002071"), "Dr. Example", java.time.LocalDate.of(2026, 5, 4), "note\twith tab"));
        phenotypes.add(father.id(), Affection.UNAFFECTED, PhenotypeDetail.NONE);
        assertThat(participants.list("IT6", 0, 100)).hasSize(6); // proband, father, placeholder mother, sibling, placeholder partner, child

        String first = families.exportPed("IT6", true);
        var report = families.importPed(first, false);
        assertThat(report.participants()).isEqualTo(new ImportReport.Counts(0, 0, 6));
        String second = families.exportPed("IT6", true);
        assertThat(second).isEqualTo(first);
        assertThat(first).startsWith("#FID\tIID\tPAT\tMAT\tSEX\tPHENO\tbirth_year\tproband").contains("IT6-01\tIT6-02\tIT6-03\t2\t2\t1984\t1");
        String six = families.exportPed("IT6", false);
        assertThat(families.importPed(six, false).participants()).isEqualTo(new ImportReport.Counts(0, 0, 6));
        assertThat(families.exportPed("IT6", false)).isEqualTo(six);
    }

    @Test
    void a_stale_edit_gets_a_clear_conflict_and_never_overwrites() {
        signIn(Role.COORDINATOR);
        families.createFamily("IT7", null);
        var p = participants.create("IT7", new NewRelative("IT7-01", Sex.MALE, 1970, StudyRole.MUSICIAN, null));
        var edit = ParticipantEdit.of(p);
        participants.update(new ParticipantEdit(edit.id(), edit.version(), Sex.MALE, 1971, false, StudyRole.MUSICIAN, false, null, null));
        assertThatThrownBy(() -> participants.update(new ParticipantEdit(edit.id(), edit.version(), Sex.MALE, 1972, false, StudyRole.MUSICIAN, false, null, null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Someone else changed IT7-01").hasMessageContaining("reload");
        assertThat(participants.get("IT7-01").summary().birthYear()).isEqualTo(1971);
    }

    @Test
    void a_father_cannot_become_female_and_nothing_is_stored() {
        signIn(Role.COORDINATOR);
        families.createFamily("IT8", null);
        var c = participants.create("IT8", new NewRelative("IT8-01", Sex.FEMALE, 1990, null, null));
        var f = participants.addRelative(c.id(), Relation.FATHER, new NewRelative(null, null, null, null, null));
        var edit = ParticipantEdit.of(f);
        assertThatThrownBy(() -> participants.update(new ParticipantEdit(edit.id(), edit.version(), Sex.FEMALE, null, false, null, false, null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("father '" + f.id() + "' of 'IT8-01' has sex female");
        assertThat(participants.get(f.id()).summary().sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void phenotypes_are_written_by_geneticists_and_contacts_seen_by_coordinators_only() {
        signIn(Role.COORDINATOR);
        families.createFamily("IT9", null);
        participants.create("IT9", new NewRelative("IT9-01", Sex.MALE, 1970, null, null));
        assertThatThrownBy(() -> phenotypes.add("IT9-01", Affection.AFFECTED, PhenotypeDetail.NONE)).isInstanceOf(AccessDeniedException.class);
        var saved = contacts.save("IT9-01", new ContactService.Contact("Max Muster", "max@example.org", null, null, "de", null, 0));
        assertThat(saved.version()).isPositive();
        assertThatThrownBy(() -> contacts.save("IT9-01", new ContactService.Contact("Other", null, null, null, null, null, 0)))
                .isInstanceOf(ConflictException.class);
        signIn(Role.GENETICIST);
        assertThatThrownBy(() -> contacts.get("IT9-01")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> phenotypes.add("IT9-01", Affection.AFFECTED, new PhenotypeDetail(null, null, null, null, null, null, null, null,
                List.of("HP:12"), null, null, null))).isInstanceOf(ValidationException.class).hasMessageContaining("HP: and 7 digits");
        assertThat(phenotypes.history("IT9-01")).isEmpty();
        assertThatThrownBy(() -> participants.get("nobody")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void forty_families_import_in_one_request_and_reimport_unchanged() {
        StringBuilder ped = new StringBuilder("#FID IID PAT MAT SEX PHENO birth_year\n");
        for (int f = 1; f <= 40; f++) {
            String fid = "BIG" + f;
            ped.append(fid).append(' ').append(fid).append("-1 0 0 1 1 1950\n").append(fid).append(' ').append(fid).append("-2 0 0 2 2 1952\n");
            for (int c = 3; c <= 7; c++) {
                ped.append(fid).append(' ').append(fid).append('-').append(c).append(' ').append(fid).append("-1 ").append(fid).append("-2 ")
                        .append(c % 2 + 1).append(' ').append(c % 3 == 0 ? 2 : 1).append(' ').append(1975 + c).append('\n');
            }
        }
        long t0 = System.nanoTime();
        var r = post(ped.toString(), "");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody().get("participants")).isEqualTo(Map.of("created", 280, "updated", 0, "unchanged", 0));
        long t1 = System.nanoTime();
        var again = post(ped.toString(), "");
        long ms2 = (System.nanoTime() - t1) / 1_000_000;
        assertThat(again.getBody().get("families")).isEqualTo(Map.of("created", 0, "updated", 0, "unchanged", 40));
        System.out.println("PED import of 40 families / 280 participants: " + ms + " ms; re-import (unchanged): " + ms2 + " ms");
    }
}
