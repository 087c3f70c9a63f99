package org.motif.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.motif.KaribuTest;
import org.motif.security.Role;
import org.motif.security.UserService;
import org.motif.security.audit.AuditService.AuditEvent;
import org.springframework.beans.factory.annotation.Autowired;

/** Server-side UI tests of sign-in, the main layout, user administration and the audit log. */
class SecurityViewsIT extends KaribuTest {
    @Autowired
    UserService users;

    @Test
    void anonymous_visitors_land_on_the_login_form() {
        UI.getCurrent().navigate("admin/users");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("login");
        _get(LoginForm.class);
    }

    @Test
    void the_side_navigation_shows_only_what_the_role_may_use() {
        login("nav-coordinator", Role.COORDINATOR);
        UI.getCurrent().navigate("");
        List<String> labels = _get(SideNav.class).getItems().stream().map(SideNavItem::getLabel).toList();
        assertThat(labels).contains("Overview", "API tokens").doesNotContain("Users", "Audit log");

        login(ADMIN, Role.ADMIN);
        UI.getCurrent().navigate("");
        labels = _get(SideNav.class).getItems().stream().map(SideNavItem::getLabel).toList();
        assertThat(labels).contains("Overview", "Users", "Audit log", "API tokens");
    }

    @Test
    void an_admin_creates_a_user_with_roles_and_sees_the_one_time_password_once() {
        login(ADMIN, Role.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        _setValue(_get(TextField.class, spec -> spec.withId("new-username")), "karibu-new");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withId("new-roles"));
        roles.setValue(EnumSet.of(Role.GENETICIST));
        _click(_get(Button.class, spec -> spec.withId("create-user")));

        String secret = _get(TextField.class, spec -> spec.withId("secret-value")).getValue();
        assertThat(secret).hasSize(16);
        var created = users.find("karibu-new").orElseThrow();
        assertThat(created.roles()).containsExactly(Role.GENETICIST);
        assertThat(created.mustChangePassword()).isTrue();
        @SuppressWarnings("unchecked")
        Grid<UserService.StaffUser> grid = _get(Grid.class, spec -> spec.withId("users-grid"));
        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_duplicate_username_shows_the_message_next_to_the_field() {
        login(ADMIN, Role.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        TextField username = _get(TextField.class, spec -> spec.withId("new-username"));
        _setValue(username, ADMIN);
        _click(_get(Button.class, spec -> spec.withId("create-user")));
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).contains("already exists");
    }

    @Test
    void the_audit_log_lists_events_and_filters_by_action() {
        login(ADMIN, Role.ADMIN);
        UI.getCurrent().navigate(AuditView.class);
        @SuppressWarnings("unchecked")
        Grid<AuditEvent> grid = _get(Grid.class, spec -> spec.withId("audit-grid"));
        assertThat(GridKt._size(grid)).isGreaterThan(0);
        _setValue(_get(TextField.class, spec -> spec.withId("audit-action")), "user.create");
        int n = GridKt._size(grid);
        assertThat(n).isGreaterThan(0);
        for (int i = 0; i < n; i++) assertThat(GridKt._get(grid, i).action()).isEqualTo("user.create");
    }

    @Test
    void a_coordinator_cannot_open_user_administration() {
        login("nav-coordinator", Role.COORDINATOR);
        try {
            UI.getCurrent().navigate("admin/users");
        } catch (AssertionError | RuntimeException denied) {
            // Karibu turns the router's AccessDeniedException into an error; a browser shows the error view
            assertThat(denied).hasMessageContaining("AccessDeniedException");
        }
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).noneMatch(UsersView.class::isInstance);
    }

    @Test
    void a_user_with_a_one_time_password_is_sent_to_change_it_first() {
        login(ADMIN, Role.ADMIN);
        if (users.find("karibu-onetime").isEmpty()) users.create("karibu-onetime", null, "initial-password-1", EnumSet.of(Role.COORDINATOR));
        login("karibu-onetime", Role.COORDINATOR);
        UI.getCurrent().navigate("");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("account/password");
        _setValue(_get(PasswordField.class, spec -> spec.withId("current-password")), "initial-password-1");
        _setValue(_get(PasswordField.class, spec -> spec.withId("new-password")), "my-own-password-1");
        _setValue(_get(PasswordField.class, spec -> spec.withId("repeat-password")), "my-own-password-1");
        _click(_get(Button.class, spec -> spec.withId("change-password")));
        assertThat(users.find("karibu-onetime").orElseThrow().mustChangePassword()).isFalse();
    }
}
