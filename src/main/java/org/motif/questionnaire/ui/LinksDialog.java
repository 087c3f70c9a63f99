package org.motif.questionnaire.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import org.motif.base.MotifException;
import org.motif.questionnaire.survey.AssignmentService.NewLink;
import org.motif.questionnaire.survey.InvitationMailer;

/** The links just made, shown once: copy, print an invitation with QR code, or send by e-mail. */
class LinksDialog extends Dialog {
    record Context(String studyName, InvitationMailer mailer) {
    }

    LinksDialog(Context context, List<NewLink> links) {
        setHeaderTitle(links.size() == 1 ? "New survey link" : links.size() + " new survey links");
        setWidth("min(60rem, 95vw)");
        add(new Paragraph("Each link is shown only now (Motif keeps only a hash). Copy it, print the invitation, or send it by e-mail. "
                + "If a link is lost, make a new one; the old one then stops working."));
        var grid = new Grid<NewLink>();
        grid.setId("links-grid");
        grid.addColumn(NewLink::participantId).setHeader("Participant").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(NewLink::url).setHeader("Personal link").setFlexGrow(1);
        grid.addComponentColumn(link -> {
            var print = new Button("Invitation", e -> new InvitationDialog(context.studyName(), link).open());
            print.addThemeVariants(ButtonVariant.LUMO_SMALL);
            var box = new HorizontalLayout(print);
            if (context.mailer().enabled()) {
                var send = new Button("E-mail", e -> {
                    try {
                        context.mailer().send(link, false);
                        Notification.show("Invitation sent to " + link.participantId() + ".").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    } catch (MotifException ex) {
                        Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                });
                send.addThemeVariants(ButtonVariant.LUMO_SMALL);
                box.add(send);
            }
            return box;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(links);
        grid.setAllRowsVisible(links.size() <= 10);
        add(grid);
        var done = new Button("Done", e -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
