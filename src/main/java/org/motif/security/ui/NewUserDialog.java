package org.motif.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import org.motif.base.MotifException;
import org.motif.security.Role;
import org.motif.security.UserService;

/** Creates a staff account with a generated one-time password, shown once. */
class NewUserDialog extends Dialog {

    NewUserDialog(UserService users, Runnable onCreated) {
        setHeaderTitle("New user");
        var username = new TextField("Username");
        username.setId("new-username");
        username.setRequired(true);
        var name = new TextField("Full name");
        name.setId("new-display-name");
        var roles = new CheckboxGroup<Role>("Roles");
        roles.setId("new-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(Role::label);
        add(new FormLayout(username, name, roles));
        var create = new Button("Create", e -> {
            String password = UserService.randomPassword();
            try {
                users.create(username.getValue(), name.getValue(), password,
                        roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.getValue()));
            } catch (MotifException ex) {
                username.setInvalid(true);
                username.setErrorMessage(ex.getMessage());
                return;
            }
            close();
            onCreated.run();
            new SecretDialog("Account '" + username.getValue().trim() + "' created",
                    "One-time password (shown only now; the user must change it at the first sign-in):", password).open();
        });
        create.setId("create-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), create);
    }
}
