package org.motif.questionnaire.survey;

import static org.motif.db.Tables.ASSIGNMENT;
import static org.motif.db.Tables.ASSIGNMENT_INSTRUMENT;
import static org.motif.db.Tables.CONSENT;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.RESPONSE;
import static org.motif.db.Tables.SCORE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.motif.base.MotifException;
import org.motif.base.Problem;
import org.motif.base.ValidationException;
import org.motif.db.tables.records.AssignmentRecord;
import org.motif.questionnaire.InstrumentDefinition;
import org.motif.questionnaire.InstrumentService;
import org.motif.questionnaire.ScaleScore;
import org.motif.questionnaire.Scorer;
import org.motif.security.audit.AuditService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participant's side of a survey, reached only through a personal link: the token is the
 * credential. Every answer is saved when given; everything a participant does is audited as
 * {@code participant:<id>} without the answers themselves. A token that is unknown, revoked or
 * belongs to a withdrawn participant opens nothing, and all three look the same from outside.
 */
@Service
@Transactional
public class SurveyService {
    /** Version of the scoring code stored with each score, next to the instrument version. */
    public static final String SCORING_VERSION = "motif-scorer-1";

    private final DSLContext db;
    private final InstrumentService instruments;
    private final ConsentTexts consentTexts;
    private final AuditService audit;
    private final ObjectMapper json;

    /**
     * Facts about assignments that never change once they hold, kept per node so a save need not read them
     * again: the instruments (assignment_instrument rows are written with the assignment and never changed;
     * assignment keys are never reused) and consent to the current version (consent rows are only added).
     * Revocation, re-issue, expiry, submit and withdrawal change the assignment or participant row, which
     * every save reads, so none of them needs to touch these. At most {@value #CACHED_ASSIGNMENTS} entries
     * each (least recently used out; about 100 bytes an entry: the definitions themselves are shared).
     */
    static final int CACHED_ASSIGNMENTS = 10_000;
    private final Lru<Long, List<InstrumentDefinition>> instrumentsByAssignment = new Lru<>(CACHED_ASSIGNMENTS);
    private final Lru<Long, Boolean> consentedAssignments = new Lru<>(CACHED_ASSIGNMENTS);

    public SurveyService(DSLContext db, InstrumentService instruments, ConsentTexts consentTexts, AuditService audit, ObjectMapper json) {
        this.db = db;
        this.instruments = instruments;
        this.consentTexts = consentTexts;
        this.audit = audit;
        this.json = json;
    }

    /**
     * The survey behind a link, or empty when the token opens nothing (unknown, revoked, withdrawn).
     * Expired and completed surveys are returned with that status so the page can say so.
     */
    @Transactional(readOnly = true)
    public Optional<Survey> open(String token) {
        if (!SurveyTokens.wellFormed(token)) return Optional.empty();
        AssignmentRecord a = db.selectFrom(ASSIGNMENT).where(ASSIGNMENT.TOKEN_HASH.eq(SurveyTokens.hash(token))).fetchOne();
        if (a == null || a.getRevokedAt() != null) return Optional.empty();
        var p = db.select(PARTICIPANT.PARTICIPANT_ID, PARTICIPANT.WITHDRAWN_AT).from(PARTICIPANT).where(PARTICIPANT.ID.eq(a.getParticipantPk())).fetchOne();
        if (p == null || p.value2() != null) return Optional.empty();
        return Optional.of(load(a, p.value1()));
    }

    /** Records the participant's consent to the current consent version in the given language. */
    public Survey consent(String token, String typedName, boolean accepted, String language) {
        Survey s = requireOpen(token);
        String name = typedName == null ? "" : typedName.trim();
        List<Problem> problems = new ArrayList<>();
        if (name.length() < 3) problems.add(new Problem(null, "consent-name", "Please type your full name."));
        if (!accepted) problems.add(new Problem(null, "consent-accept", "Please tick the box to agree, or close this page if you do not wish to take part."));
        if (!problems.isEmpty()) throw new ValidationException("Consent is not complete.", problems);
        String lang = ConsentTexts.LANGUAGES.contains(language) ? language : "en";
        String text = consentTexts.text(ConsentTexts.CURRENT_VERSION, lang);
        Long participantPk = db.select(ASSIGNMENT.PARTICIPANT_PK).from(ASSIGNMENT).where(ASSIGNMENT.ID.eq(s.assignmentPk())).fetchOne(ASSIGNMENT.PARTICIPANT_PK);
        db.insertInto(CONSENT)
                .set(CONSENT.PARTICIPANT_PK, participantPk)
                .set(CONSENT.ASSIGNMENT_PK, s.assignmentPk())
                .set(CONSENT.CONSENT_VERSION, ConsentTexts.CURRENT_VERSION)
                .set(CONSENT.LANGUAGE, lang)
                .set(CONSENT.TEXT_SHA256, SurveyTokens.hash(text))
                .set(CONSENT.NAME_TYPED, name.length() > 200 ? name.substring(0, 200) : name)
                .execute();
        markStarted(s.assignmentPk());
        audit.recordAs(actor(s), "survey.consent", "assignment", s.assignmentId(), Map.of("consentVersion", ConsentTexts.CURRENT_VERSION, "language", lang));
        return reload(s);
    }

    /**
     * Saves one answer (null clears it). The answer is checked against its item (response set, range,
     * type); a later save always wins over an earlier one, also from another tab or device.
     *
     * @throws ValidationException naming the item when the answer does not fit it
     */
    public void saveAnswer(String token, String itemId, Object value) {
        // The hot path of the survey, four statements once an assignment is known to this node: the token's
        // assignment and participant, the row lock shared with submit, the answer's upsert, the audit event. What cannot change once it holds
        // (the assignment's instruments, its consent) is remembered; what can change is read every time.
        if (!SurveyTokens.wellFormed(token)) throw new MotifException("This link is not valid.");
        var a = db.select(ASSIGNMENT.ID, ASSIGNMENT.ASSIGNMENT_ID, ASSIGNMENT.STARTED_AT, ASSIGNMENT.COMPLETED_AT, ASSIGNMENT.REVOKED_AT,
                        ASSIGNMENT.DUE_DATE, PARTICIPANT.PARTICIPANT_ID, PARTICIPANT.WITHDRAWN_AT)
                .from(ASSIGNMENT).join(PARTICIPANT).on(PARTICIPANT.ID.eq(ASSIGNMENT.PARTICIPANT_PK))
                .where(ASSIGNMENT.TOKEN_HASH.eq(SurveyTokens.hash(token))).fetchOne();
        if (a == null || a.value5() != null || a.value8() != null) throw new MotifException("This link is not valid.");
        if (a.value4() != null) throw new MotifException("This survey has been submitted; answers can no longer be changed.");
        if (a.value6() != null && a.value6().isBefore(LocalDate.now())) throw new MotifException("This survey has closed.");
        long assignmentPk = a.value1();
        if (!consented(assignmentPk)) throw new MotifException("Please give your consent before answering.");
        InstrumentDefinition d = assignedInstruments(assignmentPk).stream()
                .filter(i -> i.item(itemId).isPresent()).findFirst()
                .orElseThrow(() -> new ValidationException("Item " + itemId + " is not part of this survey."));
        if (value != null) Scorer.validate(d, Map.of(itemId, value));
        // Serialises with submit, which takes the same row lock before it reads the answers: a save either
        // lands before the submit reads them, or waits and finds the survey submitted. Only saves of the same
        // link (one participant) ever wait for each other.
        if (db.select(ASSIGNMENT.COMPLETED_AT).from(ASSIGNMENT).where(ASSIGNMENT.ID.eq(assignmentPk)).forUpdate()
                .fetchOne(ASSIGNMENT.COMPLETED_AT) != null) {
            throw new MotifException("This survey has been submitted; answers can no longer be changed.");
        }
        storeAnswer(assignmentPk, d.id(), itemId, value == null ? null : toJson(value), nextRevision());
        if (a.value3() == null) markStarted(assignmentPk);
        audit.recordAs("participant:" + a.value7(), "survey.answer", "assignment", a.value2(), Map.of("item", itemId, "cleared", value == null));
    }

    /**
     * Stores an answer unless the stored one has a newer revision, in one statement: INSERT … ON CONFLICT DO
     * UPDATE … WHERE on PostgreSQL, MERGE … WHEN MATCHED AND … on H2 (jOOQ's rendering of the same query).
     * A cleared answer stays as a row without a value ({@code value_json} null) carrying its revision, so an
     * older save that reaches the database after the clear cannot bring the answer back; readers skip such
     * rows and submit removes them.
     *
     * @param valueJson the answer as JSON, or null for a cleared answer
     * @return 1 when stored, 0 when a newer revision was already there
     */
    int storeAnswer(long assignmentPk, String instrumentId, String itemId, String valueJson, long revision) {
        var upsert = db.insertInto(RESPONSE)
                .set(RESPONSE.ASSIGNMENT_PK, assignmentPk).set(RESPONSE.INSTRUMENT_ID, instrumentId).set(RESPONSE.ITEM_ID, itemId)
                .set(RESPONSE.VALUE_JSON, valueJson).set(RESPONSE.REVISION, revision).set(RESPONSE.ANSWERED_AT, OffsetDateTime.now())
                .onConflict(RESPONSE.ASSIGNMENT_PK, RESPONSE.ITEM_ID).doUpdate()
                .set(RESPONSE.VALUE_JSON, DSL.excluded(RESPONSE.VALUE_JSON))
                .set(RESPONSE.REVISION, DSL.excluded(RESPONSE.REVISION))
                .set(RESPONSE.ANSWERED_AT, DSL.excluded(RESPONSE.ANSWERED_AT))
                .where(RESPONSE.REVISION.lt(DSL.excluded(RESPONSE.REVISION)));
        try {
            return upsert.execute();
        } catch (DuplicateKeyException e) {
            // H2's MERGE: two first saves of one item at the same moment both take the insert branch and the
            // later one fails (PostgreSQL resolves this inside ON CONFLICT). Again, it is now an update.
            return upsert.execute();
        }
    }

    /** The assignment's instruments in order; they are fixed when the assignment is made (never updated). */
    private List<InstrumentDefinition> assignedInstruments(long assignmentPk) {
        List<InstrumentDefinition> defs = instrumentsByAssignment.get(assignmentPk);
        if (defs == null) {
            defs = List.copyOf(db.selectFrom(ASSIGNMENT_INSTRUMENT).where(ASSIGNMENT_INSTRUMENT.ASSIGNMENT_PK.eq(assignmentPk))
                    .orderBy(ASSIGNMENT_INSTRUMENT.POSITION)
                    .fetch(r -> instruments.get(r.getInstrumentId(), r.getInstrumentVersion())));
            if (!defs.isEmpty()) instrumentsByAssignment.put(assignmentPk, defs);
        }
        return defs;
    }

    /** Whether the assignment has consent to the current consent version; consent is only ever added, so a yes is kept. */
    private boolean consented(long assignmentPk) {
        if (consentedAssignments.get(assignmentPk) != null) return true;
        boolean consented = db.fetchExists(CONSENT, CONSENT.ASSIGNMENT_PK.eq(assignmentPk), CONSENT.CONSENT_VERSION.eq(ConsentTexts.CURRENT_VERSION));
        if (consented) consentedAssignments.put(assignmentPk, Boolean.TRUE);
        return consented;
    }

    /**
     * Revisions order the saves of an answer: microseconds since the epoch, strictly increasing within
     * this node. Across nodes, saves of the same item within the same microsecond are not ordered (one wins).
     */
    static long nextRevision() {
        long now = System.currentTimeMillis() * 1000;
        return REVISION.updateAndGet(last -> Math.max(last + 1, now));
    }

    private static final java.util.concurrent.atomic.AtomicLong REVISION = new java.util.concurrent.atomic.AtomicLong();

    /** Remembers the page the participant is on (and their language), so the link reopens there. */
    public void moveTo(String token, SurveyStep step, String language) {
        Survey s = requireOpen(token);
        if (step.kind() == SurveyStep.Kind.SECTION && !s.consented()) throw new MotifException("Please give your consent before answering.");
        db.update(ASSIGNMENT).set(ASSIGNMENT.CURRENT_STEP, step.code())
                .set(ASSIGNMENT.LANGUAGE, ConsentTexts.LANGUAGES.contains(language) ? language : s.language())
                .where(ASSIGNMENT.ID.eq(s.assignmentPk())).execute();
        audit.recordAs(actor(s), "survey.page", "assignment", s.assignmentId(), Map.of("page", step.code()));
    }

    /**
     * Submits the survey: answers to items hidden by {@code showIf} are cleared, every instrument is
     * scored and the scores stored with the instrument and scoring versions; the link becomes read-only.
     *
     * @throws ValidationException listing required items that are shown but unanswered
     */
    public Survey submit(String token) {
        // lock the assignment first (saves take the same lock), then read the answers: every save that got in
        // before is counted, every later one is refused
        if (SurveyTokens.wellFormed(token)) {
            db.select(ASSIGNMENT.ID).from(ASSIGNMENT).where(ASSIGNMENT.TOKEN_HASH.eq(SurveyTokens.hash(token))).forUpdate().fetch();
        }
        Survey s = requireOpen(token);
        if (!s.consented()) throw new MotifException("Please give your consent before answering.");
        List<String> missing = s.flow().missingRequired(s.answers());
        if (!missing.isEmpty()) {
            throw new ValidationException("Some required questions are not answered yet.",
                    missing.stream().map(id -> new Problem(null, id, "This question needs an answer.")).toList());
        }
        for (InstrumentDefinition d : s.flow().instruments()) {
            Map<String, Object> own = new HashMap<>();
            d.items().forEach(i -> {
                if (s.answers().get(i.id()) != null) own.put(i.id(), s.answers().get(i.id()));
            });
            Map<String, Object> visible = Scorer.visibleAnswers(d, own);
            List<String> hidden = own.keySet().stream().filter(id -> !visible.containsKey(id)).toList();
            if (!hidden.isEmpty()) db.deleteFrom(RESPONSE).where(RESPONSE.ASSIGNMENT_PK.eq(s.assignmentPk()), RESPONSE.ITEM_ID.in(hidden)).execute();
            storeScores(s.assignmentPk(), d, Scorer.score(d, visible).scales());
        }
        // cleared answers (rows without a value) have done their job: a submitted survey takes no more saves
        db.deleteFrom(RESPONSE).where(RESPONSE.ASSIGNMENT_PK.eq(s.assignmentPk()), RESPONSE.VALUE_JSON.isNull()).execute();
        db.update(ASSIGNMENT).set(ASSIGNMENT.COMPLETED_AT, OffsetDateTime.now()).set(ASSIGNMENT.CURRENT_STEP, SurveyStep.COMPLETE.code())
                .where(ASSIGNMENT.ID.eq(s.assignmentPk())).execute();
        audit.recordAs(actor(s), "survey.submit", "assignment", s.assignmentId(),
                Map.of("instruments", s.flow().instruments().stream().map(i -> i.id() + "@" + i.version()).toList()));
        return reload(s);
    }

    /** A copy of what the participant agreed to (text, version, typed name, time) as UTF-8 Markdown. */
    @Transactional(readOnly = true)
    public byte[] consentCopy(String token) {
        Survey s = open(token).orElseThrow(() -> new MotifException("This link is not valid."));
        var c = db.selectFrom(CONSENT).where(CONSENT.ASSIGNMENT_PK.eq(s.assignmentPk())).orderBy(CONSENT.ID.desc()).limit(1).fetchOne();
        if (c == null) throw new MotifException("No consent has been given on this link yet.");
        String text = consentTexts.text(c.getConsentVersion(), c.getLanguage());
        String signature = "de".equals(c.getLanguage())
                ? "\n\n---\nEingewilligt von: " + c.getNameTyped() + "\nZeitpunkt (UTC): " + c.getAcceptedAt() + "\nVersion: " + c.getConsentVersion() + "\nTeilnehmer-Code: " + s.participantId() + "\n"
                : "\n\n---\nAgreed by: " + c.getNameTyped() + "\nTime (UTC): " + c.getAcceptedAt() + "\nVersion: " + c.getConsentVersion() + "\nParticipant code: " + s.participantId() + "\n";
        return (text + signature).getBytes(StandardCharsets.UTF_8);
    }

    Survey requireOpen(String token) {
        Survey s = open(token).orElseThrow(() -> new MotifException("This link is not valid."));
        if (s.status() == AssignmentStatus.COMPLETED) throw new MotifException("This survey has been submitted; answers can no longer be changed.");
        if (s.status() == AssignmentStatus.EXPIRED) throw new MotifException("This survey has closed.");
        return s;
    }

    private Survey reload(Survey s) {
        return load(db.selectFrom(ASSIGNMENT).where(ASSIGNMENT.ID.eq(s.assignmentPk())).fetchSingle(), s.participantId());
    }

    private Survey load(AssignmentRecord a, String participantId) {
        List<InstrumentDefinition> defs = assignedInstruments(a.getId());
        Map<String, Object> answers = new LinkedHashMap<>();
        db.select(RESPONSE.ITEM_ID, RESPONSE.VALUE_JSON).from(RESPONSE).where(RESPONSE.ASSIGNMENT_PK.eq(a.getId()), RESPONSE.VALUE_JSON.isNotNull())
                .forEach(r -> answers.put(r.value1(), fromJson(r.value2())));
        OffsetDateTime consentedAt = db.select(CONSENT.ACCEPTED_AT).from(CONSENT)
                .where(CONSENT.ASSIGNMENT_PK.eq(a.getId()), CONSENT.CONSENT_VERSION.eq(ConsentTexts.CURRENT_VERSION))
                .orderBy(CONSENT.ID.desc()).limit(1).fetchOne(CONSENT.ACCEPTED_AT);
        return new Survey(a.getId(), a.getAssignmentId(), participantId, a.getEventLabel(), a.getDueDate(), status(a), a.getLanguage(),
                SurveyStep.parse(a.getCurrentStep()), consentedAt, new SurveyFlow(defs), answers);
    }

    /** The status of an assignment row; expiry is derived from the due date (inclusive). */
    static AssignmentStatus status(AssignmentRecord a) {
        if (a.getRevokedAt() != null) return AssignmentStatus.REVOKED;
        if (a.getCompletedAt() != null) return AssignmentStatus.COMPLETED;
        if (a.getDueDate() != null && a.getDueDate().isBefore(LocalDate.now())) return AssignmentStatus.EXPIRED;
        return a.getStartedAt() == null ? AssignmentStatus.NOT_STARTED : AssignmentStatus.IN_PROGRESS;
    }

    private void storeScores(long assignmentPk, InstrumentDefinition d, List<ScaleScore> scales) {
        db.deleteFrom(SCORE).where(SCORE.ASSIGNMENT_PK.eq(assignmentPk), SCORE.INSTRUMENT_ID.eq(d.id())).execute();
        for (ScaleScore sc : scales) {
            db.insertInto(SCORE).set(SCORE.ASSIGNMENT_PK, assignmentPk).set(SCORE.INSTRUMENT_ID, d.id()).set(SCORE.SCALE_ID, sc.id())
                    .set(SCORE.INSTRUMENT_VERSION, d.version()).set(SCORE.SCORING_VERSION, SCORING_VERSION)
                    .set(SCORE.SCORE_, sc.score()).set(SCORE.ANSWERED, sc.answered()).set(SCORE.OF_ITEMS, sc.of())
                    .set(SCORE.PRORATED, sc.prorated()).set(SCORE.BAND, sc.band()).execute();
        }
    }

    private void markStarted(long assignmentPk) {
        db.update(ASSIGNMENT).set(ASSIGNMENT.STARTED_AT, OffsetDateTime.now())
                .where(ASSIGNMENT.ID.eq(assignmentPk), ASSIGNMENT.STARTED_AT.isNull()).execute();
    }

    private static String actor(Survey s) {
        return "participant:" + s.participantId();
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Object fromJson(String value) {
        if (value == null) return null;
        try {
            return json.readValue(value, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answer is not JSON: " + value, e);
        }
    }

    /** A bounded least-recently-used map for concurrent use: one lock, held only for the hash lookup. */
    static final class Lru<K, V> {
        private final LinkedHashMap<K, V> map;

        Lru(int capacity) {
            this.map = new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized V get(K key) {
            return map.get(key);
        }

        synchronized void put(K key, V value) {
            map.put(key, value);
        }
    }
}
