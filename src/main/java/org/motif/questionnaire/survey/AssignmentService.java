package org.motif.questionnaire.survey;

import static org.motif.db.Tables.ASSIGNMENT;
import static org.motif.db.Tables.ASSIGNMENT_INSTRUMENT;
import static org.motif.db.Tables.FAMILY;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.RESPONSE;
import static org.motif.db.Tables.SCORE;

import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.motif.base.MotifException;
import org.motif.base.NotFoundException;
import org.motif.base.ValidationException;
import org.motif.db.tables.records.AssignmentRecord;
import org.motif.questionnaire.InstrumentDefinition;
import org.motif.questionnaire.InstrumentService;
import org.motif.questionnaire.ScaleScore;
import org.motif.security.CurrentUser;
import org.motif.security.Role;
import org.motif.security.audit.AuditService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coordinators' side of the survey: assign instruments with personal links, follow their status,
 * revoke and re-issue links, read answers and scores, record a withdrawal of consent.
 * Links are shown once, when made; only a hash of each is stored.
 */
@Service
@Transactional
@RolesAllowed(Role.COORDINATOR_NAME)
public class AssignmentService {
    private static final java.util.regex.Pattern EVENT = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,59}");

    private final DSLContext db;
    private final InstrumentService instruments;
    private final SurveyService surveys;
    private final AuditService audit;
    private final String publicUrl;

    public AssignmentService(DSLContext db, InstrumentService instruments, SurveyService surveys, AuditService audit,
                             @Value("${motif.public-url:}") String publicUrl) {
        this.db = db;
        this.instruments = instruments;
        this.surveys = surveys;
        this.audit = audit;
        this.publicUrl = publicUrl == null ? "" : publicUrl.trim();
    }

    /**
     * Assigns the instruments, in this order, to each participant for an event; one link per participant.
     *
     * @param requestBaseUrl scheme://host[:port] of the current request, used when MOTIF_PUBLIC_URL is not set
     * @param dueDate        last day the link works (inclusive), or null for no limit
     * @return the new links, shown only now
     */
    public List<NewLink> assign(List<String> participantIds, List<String> instrumentIds, String event, LocalDate dueDate, String requestBaseUrl) {
        if (participantIds.isEmpty()) throw new ValidationException("Choose at least one participant.");
        if (instrumentIds == null || instrumentIds.isEmpty()) throw new ValidationException("Choose at least one instrument (e.g. gad7).");
        if (new LinkedHashSet<>(instrumentIds).size() != instrumentIds.size()) throw new ValidationException("An instrument is listed twice: " + instrumentIds + ".");
        if (event == null || !EVENT.matcher(event.trim()).matches()) {
            throw new ValidationException("Event label '" + event + "' is not valid: use 1–60 letters, digits, spaces, '.', '_' or '-', e.g. 'baseline' or 'follow-up 1'.");
        }
        if (dueDate != null && dueDate.isBefore(LocalDate.now())) throw new ValidationException("The due date " + dueDate + " is in the past.");
        List<InstrumentDefinition> defs = instrumentIds.stream().map(instruments::get).toList();
        List<NewLink> links = new ArrayList<>();
        for (String participantId : new LinkedHashSet<>(participantIds)) {
            var p = db.select(PARTICIPANT.ID, PARTICIPANT.WITHDRAWN_AT, PARTICIPANT.PLACEHOLDER).from(PARTICIPANT)
                    .where(PARTICIPANT.PARTICIPANT_ID.eq(participantId)).fetchOne();
            if (p == null) throw new NotFoundException("No participant " + participantId + ".");
            if (p.value2() != null) throw new ValidationException("Participant " + participantId + " has withdrawn consent and may not be contacted.");
            if (Boolean.TRUE.equals(p.value3())) throw new ValidationException(participantId + " is a placeholder for an unknown parent, not a person to invite.");
            String token = SurveyTokens.newToken();
            String assignmentId = SurveyTokens.newAssignmentId();
            long pk = db.insertInto(ASSIGNMENT).set(ASSIGNMENT.ASSIGNMENT_ID, assignmentId).set(ASSIGNMENT.PARTICIPANT_PK, p.value1())
                    .set(ASSIGNMENT.EVENT_LABEL, event.trim()).set(ASSIGNMENT.DUE_DATE, dueDate).set(ASSIGNMENT.TOKEN_HASH, SurveyTokens.hash(token))
                    .set(ASSIGNMENT.CREATED_BY, CurrentUser.actor()).returning(ASSIGNMENT.ID).fetchOne(ASSIGNMENT.ID);
            for (int i = 0; i < defs.size(); i++) {
                db.insertInto(ASSIGNMENT_INSTRUMENT).set(ASSIGNMENT_INSTRUMENT.ASSIGNMENT_PK, pk).set(ASSIGNMENT_INSTRUMENT.POSITION, i)
                        .set(ASSIGNMENT_INSTRUMENT.INSTRUMENT_ID, defs.get(i).id()).set(ASSIGNMENT_INSTRUMENT.INSTRUMENT_VERSION, defs.get(i).version()).execute();
            }
            audit.record("assignment.create", "assignment", assignmentId, Map.of("participant", participantId, "event", event.trim(),
                    "instruments", defs.stream().map(d -> d.id() + "@" + d.version()).toList(), "due", String.valueOf(dueDate)));
            links.add(new NewLink(assignmentId, participantId, url(requestBaseUrl, token)));
        }
        return links;
    }

    /** Assigns to every member of a family who can be invited (not placeholders, not withdrawn). */
    public List<NewLink> assignFamily(String familyId, List<String> instrumentIds, String event, LocalDate dueDate, String requestBaseUrl) {
        List<String> members = db.select(PARTICIPANT.PARTICIPANT_ID).from(PARTICIPANT).join(FAMILY).on(FAMILY.ID.eq(PARTICIPANT.FAMILY_PK))
                .where(FAMILY.FAMILY_ID.eq(familyId), PARTICIPANT.PLACEHOLDER.isFalse(), PARTICIPANT.WITHDRAWN_AT.isNull())
                .orderBy(PARTICIPANT.PARTICIPANT_ID).fetch(PARTICIPANT.PARTICIPANT_ID);
        if (members.isEmpty()) throw new NotFoundException("Family " + familyId + " has no members who can be invited.");
        return assign(members, instrumentIds, event, dueDate, requestBaseUrl);
    }

    /** Makes a new link for an assignment; the old link stops working at once. */
    public NewLink reissue(String assignmentId, String requestBaseUrl) {
        AssignmentRecord a = fetch(assignmentId);
        if (a.getCompletedAt() != null) throw new MotifException("Assignment " + assignmentId + " is completed; assign the instruments again for a new event instead.");
        String token = SurveyTokens.newToken();
        a.setTokenHash(SurveyTokens.hash(token));
        a.setRevokedAt(null);
        a.setIssuedAt(OffsetDateTime.now());
        a.store();
        audit.record("assignment.reissue", "assignment", assignmentId, Map.of());
        return new NewLink(assignmentId, participantId(a.getParticipantPk()), url(requestBaseUrl, token));
    }

    /** Revokes an assignment's link; answers given so far are kept. */
    public void revoke(String assignmentId) {
        AssignmentRecord a = fetch(assignmentId);
        if (a.getRevokedAt() == null) {
            a.setRevokedAt(OffsetDateTime.now());
            a.store();
            audit.record("assignment.revoke", "assignment", assignmentId, Map.of());
        }
    }

    /**
     * Records that a participant withdrew consent: every link of theirs is revoked, and they are left
     * out of new invitations, exports and linkage runs ({@code participant.withdrawn_at}).
     *
     * @param scope {@code no_contact} (no further contact) or {@code no_use} (no further use of data)
     */
    public void withdraw(String participantId, String scope) {
        if (!"no_contact".equals(scope) && !"no_use".equals(scope)) throw new ValidationException("Withdrawal scope must be no_contact or no_use.");
        var p = db.selectFrom(PARTICIPANT).where(PARTICIPANT.PARTICIPANT_ID.eq(participantId)).fetchOne();
        if (p == null) throw new NotFoundException("No participant " + participantId + ".");
        db.update(PARTICIPANT).set(PARTICIPANT.WITHDRAWN_AT, OffsetDateTime.now()).set(PARTICIPANT.WITHDRAWAL_SCOPE, scope)
                .where(PARTICIPANT.ID.eq(p.getId())).execute();
        int revoked = db.update(ASSIGNMENT).set(ASSIGNMENT.REVOKED_AT, OffsetDateTime.now())
                .where(ASSIGNMENT.PARTICIPANT_PK.eq(p.getId()), ASSIGNMENT.REVOKED_AT.isNull(), ASSIGNMENT.COMPLETED_AT.isNull()).execute();
        audit.record("participant.withdraw", "participant", participantId, Map.of("scope", scope, "linksRevoked", revoked));
    }

    /** Status per assignment and instrument, filtered by family and event (null = all). */
    @Transactional(readOnly = true)
    public List<AssignmentRow> statuses(String familyId, String event) {
        Condition c = DSL.noCondition();
        if (familyId != null && !familyId.isBlank()) c = c.and(FAMILY.FAMILY_ID.eq(familyId));
        if (event != null && !event.isBlank()) c = c.and(ASSIGNMENT.EVENT_LABEL.eq(event));
        List<AssignmentRow> rows = new ArrayList<>();
        var assignments = db.select(ASSIGNMENT.asterisk(), PARTICIPANT.PARTICIPANT_ID, FAMILY.FAMILY_ID).from(ASSIGNMENT)
                .join(PARTICIPANT).on(PARTICIPANT.ID.eq(ASSIGNMENT.PARTICIPANT_PK)).join(FAMILY).on(FAMILY.ID.eq(PARTICIPANT.FAMILY_PK))
                .where(c).orderBy(FAMILY.FAMILY_ID, PARTICIPANT.PARTICIPANT_ID, ASSIGNMENT.CREATED_AT).fetch();
        for (var r : assignments) {
            AssignmentRecord a = r.into(ASSIGNMENT);
            Map<String, Object> answers = answers(a.getId());
            AssignmentStatus status = SurveyService.status(a);
            for (InstrumentDefinition d : assignedInstruments(a.getId())) {
                double fraction = new SurveyFlow(List.of(d)).fractionAnswered(answers);
                rows.add(new AssignmentRow(a.getAssignmentId(), r.get(PARTICIPANT.PARTICIPANT_ID), r.get(FAMILY.FAMILY_ID), a.getEventLabel(),
                        d.id(), d.version(), status, fraction, a.getDueDate(), a.getCompletedAt()));
            }
        }
        return rows;
    }

    /** Participants who can be invited (not placeholders, not withdrawn), by family and id. */
    @Transactional(readOnly = true)
    public List<Invitee> invitable() {
        return db.select(PARTICIPANT.PARTICIPANT_ID, FAMILY.FAMILY_ID).from(PARTICIPANT).join(FAMILY).on(FAMILY.ID.eq(PARTICIPANT.FAMILY_PK))
                .where(PARTICIPANT.PLACEHOLDER.isFalse(), PARTICIPANT.WITHDRAWN_AT.isNull())
                .orderBy(FAMILY.FAMILY_ID, PARTICIPANT.PARTICIPANT_ID).fetch(r -> new Invitee(r.value1(), r.value2()));
    }

    /** Event labels in use, for filters. */
    @Transactional(readOnly = true)
    public List<String> events() {
        return db.selectDistinct(ASSIGNMENT.EVENT_LABEL).from(ASSIGNMENT).orderBy(ASSIGNMENT.EVENT_LABEL).fetch(ASSIGNMENT.EVENT_LABEL);
    }

    /** A participant's assignments with answers and stored scores (API.md, GET …/responses); the reading is audited. */
    public List<AssignmentResponses> responses(String participantId) {
        Long pk = db.select(PARTICIPANT.ID).from(PARTICIPANT).where(PARTICIPANT.PARTICIPANT_ID.eq(participantId)).fetchOne(PARTICIPANT.ID);
        if (pk == null) throw new NotFoundException("No participant " + participantId + ".");
        List<AssignmentResponses> result = new ArrayList<>();
        for (AssignmentRecord a : db.selectFrom(ASSIGNMENT).where(ASSIGNMENT.PARTICIPANT_PK.eq(pk)).orderBy(ASSIGNMENT.CREATED_AT).fetch()) {
            Map<String, Object> answers = answers(a.getId());
            List<InstrumentResponses> perInstrument = new ArrayList<>();
            for (InstrumentDefinition d : assignedInstruments(a.getId())) {
                Map<String, Object> own = new LinkedHashMap<>();
                d.items().forEach(i -> {
                    if (answers.containsKey(i.id())) own.put(i.id(), answers.get(i.id()));
                });
                List<ScaleScore> scores = db.selectFrom(SCORE).where(SCORE.ASSIGNMENT_PK.eq(a.getId()), SCORE.INSTRUMENT_ID.eq(d.id()))
                        .fetch(s -> new ScaleScore(s.getScaleId(), s.getScore(), s.getAnswered(), s.getOfItems(), s.getProrated(), s.getBand()));
                List<String> order = d.scaleIds();
                scores = scores.stream().sorted(java.util.Comparator.comparingInt(s -> order.indexOf(s.id()))).toList();
                perInstrument.add(new InstrumentResponses(d.id(), d.version(), own, scores));
            }
            result.add(new AssignmentResponses(a.getAssignmentId(), a.getEventLabel(), SurveyService.status(a).code(), perInstrument));
        }
        audit.record("responses.read", "participant", participantId, Map.of("assignments", result.size()));
        return result;
    }

    private Map<String, Object> answers(long assignmentPk) {
        Map<String, Object> answers = new LinkedHashMap<>();
        // a row without a value is a cleared answer (SurveyService.storeAnswer)
        db.select(RESPONSE.ITEM_ID, RESPONSE.VALUE_JSON).from(RESPONSE).where(RESPONSE.ASSIGNMENT_PK.eq(assignmentPk), RESPONSE.VALUE_JSON.isNotNull())
                .forEach(r -> answers.put(r.value1(), surveys.fromJson(r.value2())));
        return answers;
    }

    private List<InstrumentDefinition> assignedInstruments(long assignmentPk) {
        return db.selectFrom(ASSIGNMENT_INSTRUMENT).where(ASSIGNMENT_INSTRUMENT.ASSIGNMENT_PK.eq(assignmentPk)).orderBy(ASSIGNMENT_INSTRUMENT.POSITION)
                .fetch(r -> instruments.get(r.getInstrumentId(), r.getInstrumentVersion()));
    }

    private AssignmentRecord fetch(String assignmentId) {
        AssignmentRecord a = db.selectFrom(ASSIGNMENT).where(ASSIGNMENT.ASSIGNMENT_ID.eq(assignmentId)).fetchOne();
        if (a == null) throw new NotFoundException("No assignment " + assignmentId + ".");
        return a;
    }

    private String participantId(long pk) {
        return db.select(PARTICIPANT.PARTICIPANT_ID).from(PARTICIPANT).where(PARTICIPANT.ID.eq(pk)).fetchOne(PARTICIPANT.PARTICIPANT_ID);
    }

    private String url(String requestBaseUrl, String token) {
        String base = !publicUrl.isEmpty() ? publicUrl : requestBaseUrl == null ? "http://localhost:8080" : requestBaseUrl;
        return base.replaceAll("/+$", "") + "/survey/" + token;
    }

    /** A link just made: the only time the URL (with its token) is known outside the participant's hands. */
    public record NewLink(String assignmentId, String participantId, String url) {
    }

    /** One row of the status view: an assignment's instrument with its share of shown items answered (0–1). */
    public record AssignmentRow(String assignmentId, String participantId, String familyId, String event, String instrumentId,
                                String instrumentVersion, AssignmentStatus status, double fractionAnswered, LocalDate dueDate,
                                OffsetDateTime completedAt) {
    }

    public record Invitee(String participantId, String familyId) {
    }

    public record AssignmentResponses(String assignmentId, String event, String status, List<InstrumentResponses> instruments) {
    }

    public record InstrumentResponses(String id, String version, Map<String, Object> answers, List<ScaleScore> scores) {
    }
}
