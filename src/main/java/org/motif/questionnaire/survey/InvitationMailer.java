package org.motif.questionnaire.survey;

import static org.motif.db.Tables.ASSIGNMENT;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.PARTICIPANT_CONTACT;

import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.DSLContext;
import org.motif.base.MotifException;
import org.motif.security.Role;
import org.motif.security.audit.AuditService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Optional e-mail invitations and reminders through the configured SMTP server ({@code MOTIF_MAIL_ENABLED},
 * {@code MOTIF_SMTP_HOST}); off by default. The address comes from the participant's contact record and
 * is never written to the audit log.
 */
@Service
@Transactional
@RolesAllowed(Role.COORDINATOR_NAME)
public class InvitationMailer {
    private final DSLContext db;
    private final ObjectProvider<JavaMailSender> mail;
    private final AuditService audit;
    private final boolean enabled;
    private final String from;
    private final String studyName;

    public InvitationMailer(DSLContext db, ObjectProvider<JavaMailSender> mail, AuditService audit,
                            @Value("${motif.mail.enabled:false}") boolean enabled, @Value("${motif.mail.from:study@motif.invalid}") String from,
                            @Value("${motif.study-name:Motif study of musician's dystonia}") String studyName) {
        this.db = db;
        this.mail = mail;
        this.audit = audit;
        this.enabled = enabled;
        this.from = from;
        this.studyName = studyName;
    }

    public boolean enabled() {
        return enabled && mail.getIfAvailable() != null;
    }

    /**
     * Sends the invitation (or, with {@code reminder}, a reminder) with a freshly made link to the participant's address.
     *
     * @param link the link as just made by {@link AssignmentService#assign} or {@link AssignmentService#reissue}
     */
    public void send(AssignmentService.NewLink link, boolean reminder) {
        if (!enabled()) throw new MotifException("E-mail is not configured; set MOTIF_MAIL_ENABLED=true and MOTIF_SMTP_HOST, or print the invitation.");
        var row = db.select(PARTICIPANT_CONTACT.EMAIL, PARTICIPANT_CONTACT.PREFERRED_LANGUAGE, ASSIGNMENT.DUE_DATE).from(ASSIGNMENT)
                .join(PARTICIPANT).on(PARTICIPANT.ID.eq(ASSIGNMENT.PARTICIPANT_PK))
                .leftJoin(PARTICIPANT_CONTACT).on(PARTICIPANT_CONTACT.PARTICIPANT_PK.eq(PARTICIPANT.ID))
                .where(ASSIGNMENT.ASSIGNMENT_ID.eq(link.assignmentId())).fetchOne();
        if (row == null || row.value1() == null || row.value1().isBlank()) {
            throw new MotifException("Participant " + link.participantId() + " has no e-mail address in their contact details.");
        }
        String language = "de".equals(row.value2()) ? "de" : "en";
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(row.value1());
        message.setSubject((reminder ? ("de".equals(language) ? "Erinnerung: " : "Reminder: ") : "") + studyName);
        message.setText(InvitationLetter.text(studyName, link.participantId(), link.url(), row.value3(), language));
        try {
            mail.getObject().send(message);
        } catch (MailException e) {
            throw new MotifException("The e-mail to " + link.participantId() + " could not be sent (" + e.getMessage() + "); the link still works, print it instead.");
        }
        db.update(ASSIGNMENT).set(reminder ? ASSIGNMENT.REMINDED_AT : ASSIGNMENT.INVITED_AT, OffsetDateTime.now())
                .where(ASSIGNMENT.ASSIGNMENT_ID.eq(link.assignmentId())).execute();
        audit.record(reminder ? "assignment.remind" : "assignment.invite", "assignment", link.assignmentId(), Map.of("channel", "email"));
    }
}
