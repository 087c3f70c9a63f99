package org.motif.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.motif.base.MotifException;
import org.motif.security.UserService;

/** Change one's own password; users with a one-time password are sent here first. */
@Route("account/password")
@PageTitle("Change password · Motif")
@Menu(title = "Password", order = 101, icon = "vaadin:lock")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    public ChangePasswordView(UserService users) {
        addClassName("motif-page");
        setMaxWidth("32rem");
        var current = new PasswordField("Current password");
        current.setId("current-password");
        var fresh = new PasswordField("New password");
        fresh.setId("new-password");
        fresh.setHelperText("At least " + UserService.MIN_PASSWORD_LENGTH + " characters.");
        var repeat = new PasswordField("Repeat new password");
        repeat.setId("repeat-password");
        for (var f : new PasswordField[]{current, fresh, repeat}) f.setWidthFull();
        var save = new Button("Change password", e -> {
            if (!fresh.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage("The two new passwords differ.");
                return;
            }
            try {
                users.changeOwnPassword(current.getValue(), fresh.getValue());
                Notification.show("Password changed.", 4000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate(""));
            } catch (MotifException ex) {
                fresh.setInvalid(true);
                fresh.setErrorMessage(ex.getMessage());
            }
        });
        save.setId("change-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Change password"), new Paragraph("Choose a password you do not use elsewhere."), current, fresh, repeat, save);
    }
}
