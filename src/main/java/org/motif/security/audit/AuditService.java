package org.motif.security.audit;

import static org.motif.db.Tables.AUDIT_EVENT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.motif.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail. Every service that writes calls {@link #record} inside its own transaction, so an
 * audit event exists exactly when the change it describes was committed. Details say what changed;
 * they never hold questionnaire answers or contact details.
 */
@Service
public class AuditService {
    static final int MAX_DETAILS = 4000;

    private final DSLContext db;
    private final ObjectMapper json;

    public AuditService(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Records an action of the signed-in user (or {@code system}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, String entityId, Map<String, ?> details) {
        recordAs(CurrentUser.actor(), action, entityType, entityId, details);
    }

    /** Records an action of a named actor, e.g. {@code participant:F001-07} or a failed sign-in's username. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(String actor, String action, String entityType, String entityId, Map<String, ?> details) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ACTOR, truncate(actor, 100))
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.ENTITY_TYPE, entityType)
                .set(AUDIT_EVENT.ENTITY_ID, entityId)
                .set(AUDIT_EVENT.DETAILS, details == null || details.isEmpty() ? null : truncate(toJson(details), MAX_DETAILS))
                .execute();
    }

    /** Audit events matching the filter, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEvent> find(AuditFilter filter, int offset, int limit) {
        return db.selectFrom(AUDIT_EVENT).where(condition(filter))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new AuditEvent(r.getId(), r.getOccurredAt(), r.getActor(), r.getAction(),
                        r.getEntityType(), r.getEntityId(), r.getDetails()));
    }

    @Transactional(readOnly = true)
    public int count(AuditFilter filter) {
        return db.fetchCount(AUDIT_EVENT, condition(filter));
    }

    private static Condition condition(AuditFilter f) {
        List<Condition> c = new ArrayList<>();
        if (f != null) {
            if (notBlank(f.actor())) c.add(AUDIT_EVENT.ACTOR.containsIgnoreCase(f.actor().trim()));
            if (notBlank(f.action())) c.add(AUDIT_EVENT.ACTION.startsWith(f.action().trim()));
            if (notBlank(f.entity())) {
                c.add(AUDIT_EVENT.ENTITY_TYPE.containsIgnoreCase(f.entity().trim())
                        .or(AUDIT_EVENT.ENTITY_ID.containsIgnoreCase(f.entity().trim())));
            }
            if (f.from() != null) c.add(AUDIT_EVENT.OCCURRED_AT.ge(f.from()));
            if (f.to() != null) c.add(AUDIT_EVENT.OCCURRED_AT.lt(f.to()));
        }
        return DSL.and(c);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private String toJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            return String.valueOf(details);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** One audit event; {@code details} is JSON or null. */
    public record AuditEvent(long id, OffsetDateTime occurredAt, String actor, String action, String entityType,
                             String entityId, String details) {
    }

    /** Filter over audit events; null or blank parts match everything; {@code to} is exclusive. */
    public record AuditFilter(String actor, String action, String entity, OffsetDateTime from, OffsetDateTime to) {
        public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);
    }
}
