package org.motif.questionnaire.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.motif.StudyFixtures.as;
import static org.motif.db.Tables.ASSIGNMENT;
import static org.motif.db.Tables.AUDIT_EVENT;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.PARTICIPANT_CONTACT;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.motif.AbstractIT;
import org.motif.StudyFixtures;
import org.motif.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * E-mail invitations and reminders through an in-process SMTP server (GreenMail on port 3025, which the
 * test profile configures for every IT so that all share one Spring context).
 */
class InvitationMailIT extends AbstractIT {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    AssignmentService assignments;
    @Autowired
    InvitationMailer mailer;
    @Autowired
    DSLContext db;

    @Test
    void an_invitation_goes_to_the_contact_address_in_the_participants_language_with_a_working_link() throws Exception {
        StudyFixtures.participant(db, "SM01", "SM01-01", "female");
        long pk = db.select(PARTICIPANT.ID).from(PARTICIPANT).where(PARTICIPANT.PARTICIPANT_ID.eq("SM01-01")).fetchOne(PARTICIPANT.ID);
        db.insertInto(PARTICIPANT_CONTACT).set(PARTICIPANT_CONTACT.PARTICIPANT_PK, pk).set(PARTICIPANT_CONTACT.EMAIL, "erika@example.org")
                .set(PARTICIPANT_CONTACT.PREFERRED_LANGUAGE, "de").execute();
        var link = as("mail-coordinator", () -> assignments.assign(List.of("SM01-01"), List.of("gad7"), "baseline", null, "https://study.example"), Role.COORDINATOR).get(0);
        as("mail-coordinator", () -> {
            mailer.send(link, false);
            return null;
        }, Role.COORDINATOR);

        var messages = smtp.getReceivedMessages();
        assertThat(messages).hasSize(1);
        assertThat(messages[0].getAllRecipients()[0].toString()).isEqualTo("erika@example.org");
        String body = GreenMailUtil.getBody(messages[0]);
        assertThat(body).contains(link.url()).contains("Liebe Teilnehmerin").contains("SM01-01");
        assertThat(db.select(ASSIGNMENT.INVITED_AT).from(ASSIGNMENT).where(ASSIGNMENT.ASSIGNMENT_ID.eq(link.assignmentId())).fetchOne(ASSIGNMENT.INVITED_AT)).isNotNull();
        var audit = db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq("assignment.invite"), AUDIT_EVENT.ENTITY_ID.eq(link.assignmentId())).fetchOne();
        assertThat(audit.getDetails()).doesNotContain("erika");

        // a reminder carries a fresh link (links are stored hashed) and the old one stops working
        var again = as("mail-coordinator", () -> assignments.reissue(link.assignmentId(), "https://study.example"), Role.COORDINATOR);
        as("mail-coordinator", () -> {
            mailer.send(again, true);
            return null;
        }, Role.COORDINATOR);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(smtp.getReceivedMessages()[1].getSubject()).startsWith("Erinnerung: ");
        assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[1])).contains(again.url());
    }

    @Test
    void without_an_address_the_coordinator_is_told_so_and_nothing_is_sent() {
        StudyFixtures.participant(db, "SM01", "SM01-02", "male");
        var link = as("mail-coordinator", () -> assignments.assign(List.of("SM01-02"), List.of("gad7"), "baseline", null, "https://study.example"), Role.COORDINATOR).get(0);
        assertThatThrownBy(() -> as("mail-coordinator", () -> {
            mailer.send(link, false);
            return null;
        }, Role.COORDINATOR)).hasMessageContaining("SM01-02 has no e-mail address");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
