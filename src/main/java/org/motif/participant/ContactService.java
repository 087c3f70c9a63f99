package org.motif.participant;

import static org.motif.db.Tables.PARTICIPANT_CONTACT;

import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.jooq.exception.DataChangedException;
import org.motif.base.ConflictException;
import org.motif.base.ValidationException;
import org.motif.security.Role;
import org.motif.security.audit.AuditService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contact details: coordinators (and admins) only. Audit events never hold the details themselves. */
@Service
@Transactional
@RolesAllowed(Role.COORDINATOR_NAME)
public class ContactService {
    private final ParticipantStore store;
    private final AuditService audit;

    ContactService(ParticipantStore store, AuditService audit) {
        this.store = store;
        this.audit = audit;
    }

    /** Contact details of a participant; {@code version} 0 when none were stored yet. */
    public record Contact(String fullName, String email, String phone, String postalAddress, String preferredLanguage, String note, int version) {
        public static final Contact EMPTY = new Contact(null, null, null, null, null, null, 0);
    }

    @Transactional(readOnly = true)
    public Contact get(String participantId) {
        var p = store.participant(participantId);
        var r = store.db().selectFrom(PARTICIPANT_CONTACT).where(PARTICIPANT_CONTACT.PARTICIPANT_PK.eq(p.getId())).fetchOne();
        return r == null ? Contact.EMPTY : new Contact(r.getFullName(), r.getEmail(), r.getPhone(), r.getPostalAddress(), r.getPreferredLanguage(),
                r.getNote(), r.getVersion());
    }

    /** Saves contact details; {@code c.version()} must be the version read (409 when someone else saved since). */
    public Contact save(String participantId, Contact c) {
        if (c.email() != null && !c.email().isBlank() && !c.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new ValidationException("E-mail '" + c.email() + "' of " + participantId + " is not an address; write name@example.org.");
        }
        var p = store.participant(participantId);
        var db = store.db();
        var r = db.selectFrom(PARTICIPANT_CONTACT).where(PARTICIPANT_CONTACT.PARTICIPANT_PK.eq(p.getId())).fetchOne();
        int current = r == null ? 0 : r.getVersion();
        if (current != c.version()) throw stale(participantId);
        if (r == null) {
            r = db.newRecord(PARTICIPANT_CONTACT);
            r.setParticipantPk(p.getId());
        }
        r.setFullName(c.fullName());
        r.setEmail(c.email());
        r.setPhone(c.phone());
        r.setPostalAddress(c.postalAddress());
        r.setPreferredLanguage(c.preferredLanguage());
        r.setNote(c.note());
        try {
            r.store();
        } catch (DataChangedException e) {
            throw stale(participantId);
        }
        audit.record("contact.save", "participant", participantId, Map.of());
        return get(participantId);
    }

    private static ConflictException stale(String id) {
        return new ConflictException("Someone else changed the contact details of " + id + " since you opened them; reload and enter your change again.");
    }

}
