package org.motif.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.motif.security.Role;
import org.motif.security.UserService;
import org.motif.security.UserService.StaffUser;

/** Administrators manage staff accounts: create, roles, disable/enable, reset password. */
@Route("admin/users")
@PageTitle("Users · Motif")
@Menu(title = "Users", order = 90, icon = "vaadin:users")
@RolesAllowed(Role.ADMIN_NAME)
public class UsersView extends VerticalLayout {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final UserService users;
    private final Grid<StaffUser> grid = new Grid<>(StaffUser.class, false);

    public UsersView(UserService users) {
        this.users = users;
        addClassName("motif-page");
        setSizeFull();
        var create = new Button("New user", VaadinIcon.PLUS.create(), e -> new NewUserDialog(users, this::refresh).open());
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var header = new HorizontalLayout(new H2("Users"), create);
        header.setWidthFull();
        header.setJustifyContentMode(JustifyContentMode.BETWEEN);
        header.setAlignItems(Alignment.CENTER);

        grid.setId("users-grid");
        grid.addColumn(StaffUser::username).setHeader("Username").setSortable(true).setAutoWidth(true);
        grid.addColumn(StaffUser::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(u -> u.roles().stream().map(Role::label).sorted().collect(Collectors.joining(", "))).setHeader("Roles").setAutoWidth(true);
        grid.addComponentColumn(u -> status(u)).setHeader("Status").setAutoWidth(true);
        grid.addColumn(u -> u.lastLoginAt() == null ? "never" : WHEN.format(u.lastLoginAt())).setHeader("Last sign-in").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        add(header, new Paragraph("Coordinators manage families, invitations and exports; geneticists pedigrees, phenotypes, genotypes and linkage; administrators everything."), grid);
        refresh();
    }

    private Span status(StaffUser u) {
        var s = new Span(!u.enabled() ? "disabled" : u.mustChangePassword() ? "must change password" : "active");
        s.getElement().getThemeList().add("badge " + (!u.enabled() ? "error" : u.mustChangePassword() ? "contrast" : "success"));
        return s;
    }

    private HorizontalLayout actions(StaffUser u) {
        var roles = new Button("Roles", e -> editRoles(u));
        var toggle = new Button(u.enabled() ? "Disable" : "Enable", e -> {
            users.setEnabled(u.username(), !u.enabled());
            refresh();
        });
        var reset = new Button("Reset password", e -> {
            String pw = users.resetPassword(u.username());
            new SecretDialog("New one-time password for " + u.username(),
                    "Give it to the user in person or by phone; it must be changed at the next sign-in.", pw).open();
            refresh();
        });
        for (var b : new Button[]{roles, toggle, reset}) b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(roles, toggle, reset);
    }

    private void editRoles(StaffUser u) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Roles of " + u.username());
        var group = new CheckboxGroup<Role>("Roles");
        group.setItems(Role.values());
        group.setItemLabelGenerator(Role::label);
        group.setValue(u.roles());
        var save = new Button("Save", e -> {
            users.setRoles(u.username(), group.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(group.getValue()));
            dialog.close();
            refresh();
            Notification.show("Roles saved.", 3000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(group);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    void refresh() {
        grid.setItems(users.list());
    }
}
