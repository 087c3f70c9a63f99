package org.motif.questionnaire.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.motif.StudyFixtures.as;
import static org.motif.db.Tables.ASSIGNMENT;
import static org.motif.db.Tables.AUDIT_EVENT;
import static org.motif.db.Tables.RESPONSE;
import static org.motif.db.Tables.SCORE;

import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.motif.StudyFixtures;
import org.motif.base.MotifException;
import org.motif.base.ValidationException;
import org.motif.questionnaire.survey.AssignmentService.NewLink;
import org.motif.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The survey's services: links, consent, autosave, showIf clearing, scoring at submit, revocation, withdrawal. */
class SurveyServiceIT extends AbstractIT {
    @Autowired
    AssignmentService assignments;
    @Autowired
    SurveyService surveys;
    @Autowired
    DSLContext db;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private NewLink invite(String participantId, List<String> instruments, LocalDate due) {
        StudyFixtures.participant(db, "SV01", participantId, "female");
        return as("svc-coordinator", () -> assignments.assign(List.of(participantId), instruments, "baseline", due, "https://study.example"), Role.COORDINATOR).get(0);
    }

    /** A participant id of its own for this run (the PostgreSQL test database may be reused between runs). */
    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
    }

    private static String token(NewLink link) {
        return link.url().substring(link.url().lastIndexOf('/') + 1);
    }

    @Test
    void a_link_is_absolute_unguessable_and_stored_only_as_a_hash() {
        NewLink link = invite("SV01-01", List.of("gad7"), null);
        assertThat(link.url()).matches("https://study\\.example/survey/[A-Za-z0-9_-]{32}");
        String token = token(link);
        var row = db.selectFrom(ASSIGNMENT).where(ASSIGNMENT.ASSIGNMENT_ID.eq(link.assignmentId())).fetchSingle();
        assertThat(row.getTokenHash()).isEqualTo(SurveyTokens.hash(token)).doesNotContain(token);
        assertThat(surveys.open(token)).isPresent();
        assertThat(surveys.open(token.substring(0, 31) + (token.charAt(31) == 'A' ? 'B' : 'A'))).isEmpty();
    }

    @Test
    void no_consent_no_answers() {
        String token = token(invite("SV01-02", List.of("gad7"), null));
        assertThatThrownBy(() -> surveys.saveAnswer(token, "gad7_1", 2)).isInstanceOf(MotifException.class).hasMessageContaining("consent");
        assertThatThrownBy(() -> surveys.consent(token, "", false, "en")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("consent-name", "consent-accept"));
        assertThat(surveys.open(token).orElseThrow().consented()).isFalse();
    }

    @Test
    void answers_are_saved_when_given_and_scored_at_submit_with_the_gad7_key() {
        String token = token(invite("SV01-03", List.of("gad7"), null));
        surveys.consent(token, "Erika Mustermann", true, "de");
        int[] values = {1, 2, 0, 3, 1, 2, 1}; // total 10: "moderate" (10–14) in Spitzer et al. 2006
        for (int i = 0; i < 7; i++) surveys.saveAnswer(token, "gad7_" + (i + 1), values[i]);
        surveys.saveAnswer(token, "gad7_3", 3); // a later answer replaces the earlier one: total 13
        assertThat(surveys.open(token).orElseThrow().answers()).containsEntry("gad7_3", 3).hasSize(7);

        Survey done = surveys.submit(token);
        assertThat(done.status()).isEqualTo(AssignmentStatus.COMPLETED);
        var responses = as("svc-coordinator", () -> assignments.responses("SV01-03"), Role.COORDINATOR);
        var gad7 = responses.get(0).instruments().get(0);
        assertThat(gad7.id()).isEqualTo("gad7");
        assertThat(gad7.answers()).containsEntry("gad7_1", 1).containsEntry("gad7_3", 3);
        var total = gad7.scores().stream().filter(s -> s.id().equals("total")).findFirst().orElseThrow();
        assertThat(total.score()).isEqualTo(13.0);
        assertThat(total.band()).isEqualTo("moderate");
        assertThat(total.answered()).isEqualTo(7);
        assertThatThrownBy(() -> surveys.saveAnswer(token, "gad7_1", 0)).hasMessageContaining("submitted");
    }

    @Test
    void an_answer_out_of_range_is_refused_with_the_item_named_and_nothing_stored() {
        String token = token(invite("SV01-04", List.of("musical_background"), null));
        surveys.consent(token, "Max Muster", true, "en");
        assertThatThrownBy(() -> surveys.saveAnswer(token, "musical_background_age_started", 200))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().toString()).contains("musical_background_age_started"));
        assertThat(surveys.open(token).orElseThrow().answers()).doesNotContainKey("musical_background_age_started");
    }

    @Test
    void required_items_must_be_answered_before_submit_and_hidden_answers_are_cleared() {
        String token = token(invite("SV01-05", List.of("musical_background"), null));
        surveys.consent(token, "Max Muster", true, "en");
        assertThatThrownBy(() -> surveys.submit(token)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).extracting(p -> p.field()).contains("musical_background_primary_instrument", "musical_background_pain"));
        surveys.saveAnswer(token, "musical_background_pain", 1);
        surveys.saveAnswer(token, "musical_background_pain_frequency", 1);
        surveys.saveAnswer(token, "musical_background_pain", 0); // the frequency question is hidden again
        var s = surveys.open(token).orElseThrow();
        assertThat(s.flow().missingRequired(s.answers())).doesNotContain("musical_background_pain_frequency");
    }

    @Test
    void a_revoked_link_and_an_unknown_link_look_the_same_and_reissue_makes_a_new_one() {
        NewLink link = invite("SV01-06", List.of("gad7"), null);
        as("svc-coordinator", () -> {
            assignments.revoke(link.assignmentId());
            return null;
        }, Role.COORDINATOR);
        assertThat(surveys.open(token(link))).isEmpty();
        NewLink again = as("svc-coordinator", () -> assignments.reissue(link.assignmentId(), "https://study.example"), Role.COORDINATOR);
        assertThat(token(again)).isNotEqualTo(token(link));
        assertThat(surveys.open(token(again))).isPresent();
        assertThat(surveys.open(token(link))).isEmpty();
    }

    @Test
    void a_past_due_date_expires_the_link() {
        NewLink link = invite("SV01-07", List.of("gad7"), LocalDate.now());
        db.update(ASSIGNMENT).set(ASSIGNMENT.DUE_DATE, LocalDate.now().minusDays(1)).where(ASSIGNMENT.ASSIGNMENT_ID.eq(link.assignmentId())).execute();
        assertThat(surveys.open(token(link)).orElseThrow().status()).isEqualTo(AssignmentStatus.EXPIRED);
        assertThatThrownBy(() -> surveys.consent(token(link), "Max Muster", true, "en")).hasMessageContaining("closed");
    }

    @Test
    void withdrawal_revokes_links_and_blocks_new_invitations() {
        String participant = unique("SV01-08");
        NewLink link = invite(participant, List.of("gad7"), null);
        as("svc-coordinator", () -> {
            assignments.withdraw(participant, "no_contact");
            return null;
        }, Role.COORDINATOR);
        assertThat(surveys.open(token(link))).isEmpty();
        assertThatThrownBy(() -> invite(participant, List.of("gad7"), null)).hasMessageContaining("withdrawn");
    }

    @Test
    void the_audit_log_records_participant_actions_without_answers() {
        String token = token(invite("SV01-09", List.of("gad7"), null));
        surveys.consent(token, "Erika Mustermann", true, "en");
        surveys.saveAnswer(token, "gad7_1", 3);
        var events = db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ACTOR.eq("participant:SV01-09")).fetch();
        assertThat(events).extracting(e -> e.getAction()).contains("survey.consent", "survey.answer");
        assertThat(events).allSatisfy(e -> assertThat(String.valueOf(e.getDetails())).doesNotContain("\"value").doesNotContain("Erika"));
        assertThat(db.fetchCount(RESPONSE)).isPositive();
    }

    @Test
    void saves_are_refused_after_revoke_expiry_and_withdrawal_also_once_the_assignment_was_answered() {
        String participant = unique("SV01-20");
        NewLink link = invite(participant, List.of("gad7"), null);
        surveys.consent(token(link), "Max Muster", true, "en");
        surveys.saveAnswer(token(link), "gad7_1", 1); // what a save may remember about the assignment is now remembered
        as("svc-coordinator", () -> {
            assignments.revoke(link.assignmentId());
            return null;
        }, Role.COORDINATOR);
        assertThatThrownBy(() -> surveys.saveAnswer(token(link), "gad7_2", 1)).hasMessage("This link is not valid.");
        NewLink again = as("svc-coordinator", () -> assignments.reissue(link.assignmentId(), "https://study.example"), Role.COORDINATOR);
        surveys.saveAnswer(token(again), "gad7_2", 2);
        assertThatThrownBy(() -> surveys.saveAnswer(token(link), "gad7_3", 1)).hasMessage("This link is not valid.");
        assertThatThrownBy(() -> surveys.saveAnswer(token(again), "stai_1", 1)).hasMessageContaining("stai_1 is not part of this survey");
        assertThat(surveys.open(token(again)).orElseThrow().answers()).containsExactly(java.util.Map.entry("gad7_1", 1), java.util.Map.entry("gad7_2", 2));

        db.update(ASSIGNMENT).set(ASSIGNMENT.DUE_DATE, LocalDate.now().minusDays(1)).where(ASSIGNMENT.ASSIGNMENT_ID.eq(link.assignmentId())).execute();
        assertThatThrownBy(() -> surveys.saveAnswer(token(again), "gad7_3", 1)).hasMessageContaining("closed");
        db.update(ASSIGNMENT).setNull(ASSIGNMENT.DUE_DATE).where(ASSIGNMENT.ASSIGNMENT_ID.eq(link.assignmentId())).execute();
        as("svc-coordinator", () -> {
            assignments.withdraw(participant, "no_use");
            return null;
        }, Role.COORDINATOR);
        assertThatThrownBy(() -> surveys.saveAnswer(token(again), "gad7_3", 1)).hasMessage("This link is not valid.");
    }

    @Test
    void an_older_save_never_overwrites_a_newer_one_nor_brings_back_a_cleared_answer() {
        String participant = unique("SV01-21");
        String token = token(invite(participant, List.of("gad7"), null));
        surveys.consent(token, "Max Muster", true, "en");
        long pk = surveys.open(token).orElseThrow().assignmentPk();
        // revisions as two tabs would get them, arriving at the database out of order
        assertThat(surveys.storeAnswer(pk, "gad7", "gad7_1", "2", 200)).isEqualTo(1);
        assertThat(surveys.storeAnswer(pk, "gad7", "gad7_1", "1", 100)).isZero();
        assertThat(surveys.open(token).orElseThrow().answers()).containsEntry("gad7_1", 2);
        assertThat(surveys.storeAnswer(pk, "gad7", "gad7_1", null, 300)).isEqualTo(1); // cleared in the newer tab
        assertThat(surveys.storeAnswer(pk, "gad7", "gad7_1", "3", 250)).isZero();      // the older tab's save comes late
        assertThat(surveys.open(token).orElseThrow().answers()).doesNotContainKey("gad7_1");
        assertThat(as("svc-coordinator", () -> assignments.responses(participant), Role.COORDINATOR).stream()
                .flatMap(r -> r.instruments().stream()).flatMap(i -> i.answers().keySet().stream())).doesNotContain("gad7_1");

        surveys.saveAnswer(token, "gad7_1", 3); // a real save later on wins again
        surveys.saveAnswer(token, "gad7_2", 1);
        surveys.saveAnswer(token, "gad7_2", null);
        assertThat(surveys.open(token).orElseThrow().answers()).containsExactly(java.util.Map.entry("gad7_1", 3));
        assertThat(db.fetchCount(RESPONSE, RESPONSE.ASSIGNMENT_PK.eq(pk), RESPONSE.VALUE_JSON.isNull())).isEqualTo(1); // gad7_2, cleared
        for (int i = 2; i <= 7; i++) surveys.saveAnswer(token, "gad7_" + i, 0);
        surveys.saveAnswer(token, "gad7_7", null);
        surveys.saveAnswer(token, "gad7_7", 1);
        surveys.submit(token);
        assertThat(db.fetchCount(RESPONSE, RESPONSE.ASSIGNMENT_PK.eq(pk))).isEqualTo(7);
        assertThat(db.fetchCount(RESPONSE, RESPONSE.ASSIGNMENT_PK.eq(pk), RESPONSE.VALUE_JSON.isNull())).isZero();
    }

    @Test
    void two_first_saves_of_one_item_at_the_same_moment_keep_the_newer_one() throws Exception {
        String token = token(invite("SV01-22", List.of("gad7"), null));
        surveys.consent(token, "Max Muster", true, "en");
        long pk = surveys.open(token).orElseThrow().assignmentPk();
        // tab A's insert is not committed yet when tab B's save of the same new item arrives: B waits, then
        // finds A's row (H2: its MERGE fails on the key and is run again; PostgreSQL: ON CONFLICT)
        for (Object[] c : new Object[][]{{"gad7_1", 10L, 20L, "2"}, {"gad7_2", 20L, 10L, "1"}}) {
            String item = (String) c[0];
            var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
            var aInserted = new java.util.concurrent.CountDownLatch(1);
            var a = java.util.concurrent.CompletableFuture.runAsync(() -> tx.executeWithoutResult(st -> {
                surveys.storeAnswer(pk, "gad7", item, "1", (Long) c[1]);
                aInserted.countDown();
                sleep(300);
            }));
            aInserted.await();
            var b = java.util.concurrent.CompletableFuture.supplyAsync(() -> tx.execute(st -> surveys.storeAnswer(pk, "gad7", item, "2", (Long) c[2])));
            a.get();
            assertThat(b.get()).as(item).isEqualTo((Long) c[2] > (Long) c[1] ? 1 : 0);
            assertThat(db.select(RESPONSE.VALUE_JSON).from(RESPONSE).where(RESPONSE.ASSIGNMENT_PK.eq(pk), RESPONSE.ITEM_ID.eq(item)).fetchOne(RESPONSE.VALUE_JSON))
                    .as(item).isEqualTo(c[3]);
        }
        // and many tabs at once: the newest revision wins, whatever order they reach the database in
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> saves = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            saves.add(pool.submit(() -> {
                start.await();
                for (int r = thread; r < 400; r += 8) surveys.storeAnswer(pk, "gad7", "gad7_3", String.valueOf(r % 4), 1000 + r);
                return null;
            }));
        }
        start.countDown();
        for (var f : saves) f.get();
        pool.shutdown();
        var row = db.selectFrom(RESPONSE).where(RESPONSE.ASSIGNMENT_PK.eq(pk), RESPONSE.ITEM_ID.eq("gad7_3")).fetchSingle();
        assertThat(row.getRevision()).isEqualTo(1399L);
        assertThat(row.getValueJson()).isEqualTo("3");
    }

    @Test
    void a_save_and_a_submit_at_the_same_moment_never_leave_an_answer_outside_the_scores() throws Exception {
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        // a save still in its transaction when the submit arrives: the submit waits and scores the saved answer
        String first = token(invite(unique("SV01-RS"), List.of("gad7"), null));
        surveys.consent(first, "Max Muster", true, "en");
        for (int i = 1; i <= 7; i++) surveys.saveAnswer(first, "gad7_" + i, 0);
        var saving = new java.util.concurrent.CountDownLatch(1);
        var save = java.util.concurrent.CompletableFuture.runAsync(() -> tx.executeWithoutResult(st -> {
            surveys.saveAnswer(first, "gad7_1", 3);
            saving.countDown();
            sleep(400);
        }));
        saving.await();
        var submitted = java.util.concurrent.CompletableFuture.supplyAsync(() -> surveys.submit(first));
        save.get();
        long pk = submitted.get().assignmentPk();
        assertThat(db.select(SCORE.SCORE_).from(SCORE).where(SCORE.ASSIGNMENT_PK.eq(pk), SCORE.SCALE_ID.eq("total")).fetchOne(SCORE.SCORE_))
                .as("the answer saved just before the submit is in the total").isEqualTo(3.0);

        // a submit still in its transaction when a save arrives: the save waits and is refused, the answer unchanged
        String second = token(invite(unique("SV01-RS"), List.of("gad7"), null));
        surveys.consent(second, "Max Muster", true, "en");
        for (int i = 1; i <= 7; i++) surveys.saveAnswer(second, "gad7_" + i, 1);
        var submitting = new java.util.concurrent.CountDownLatch(1);
        var submit = java.util.concurrent.CompletableFuture.runAsync(() -> tx.executeWithoutResult(st -> {
            surveys.submit(second);
            submitting.countDown();
            sleep(400);
        }));
        submitting.await();
        var late = java.util.concurrent.CompletableFuture.runAsync(() -> surveys.saveAnswer(second, "gad7_1", 3));
        submit.get();
        assertThatThrownBy(late::get).hasRootCauseMessage("This survey has been submitted; answers can no longer be changed.");
        long pk2 = surveys.open(second).orElseThrow().assignmentPk();
        assertThat(db.select(RESPONSE.VALUE_JSON).from(RESPONSE).where(RESPONSE.ASSIGNMENT_PK.eq(pk2), RESPONSE.ITEM_ID.eq("gad7_1")).fetchOne(RESPONSE.VALUE_JSON))
                .isEqualTo("1");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void only_coordinators_assign() {
        StudyFixtures.participant(db, "SV01", "SV01-10", "male");
        assertThatThrownBy(() -> as("svc-geneticist", () -> assignments.assign(List.of("SV01-10"), List.of("gad7"), "baseline", null, null), Role.GENETICIST))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("svc-coordinator", () -> assignments.assign(List.of("SV01-10"), List.of("nope"), "baseline", null, null), Role.COORDINATOR))
                .hasMessageContaining("No instrument 'nope'");
    }
}
