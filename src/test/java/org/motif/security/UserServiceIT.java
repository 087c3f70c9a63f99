package org.motif.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.motif.base.ConflictException;
import org.motif.base.MotifException;
import org.motif.security.audit.AuditService;
import org.motif.security.audit.AuditService.AuditFilter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

class UserServiceIT extends AbstractIT {
    @Autowired
    UserService users;
    @Autowired
    AuditService audit;
    @Autowired
    PasswordEncoder encoder;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_first_administrator_comes_from_the_environment_and_passwords_are_hashed_with_bcrypt() {
        signIn(ADMIN, Role.ADMIN);
        var admin = users.find(ADMIN).orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.mustChangePassword()).isFalse();
        assertThat(encoder.encode("x")).startsWith("{bcrypt}");
    }

    @Test
    void an_admin_creates_a_user_who_must_change_the_initial_password_and_it_is_audited() {
        signIn(ADMIN, Role.ADMIN);
        users.create("svc-newbie", "New Bie", "initial-password-1", EnumSet.of(Role.GENETICIST));
        var user = users.find("svc-newbie").orElseThrow();
        assertThat(user.roles()).containsExactly(Role.GENETICIST);
        assertThat(user.mustChangePassword()).isTrue();
        var events = audit.find(new AuditFilter(null, "user.create", "svc-newbie", null, null), 0, 10);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).actor()).isEqualTo(ADMIN);
        assertThat(events.get(0).details()).isEqualTo("{\"roles\":[\"GENETICIST\"]}");

        signIn("svc-newbie", Role.GENETICIST);
        users.changeOwnPassword("initial-password-1", "a-better-password");
        assertThat(users.find("svc-newbie").orElseThrow().mustChangePassword()).isFalse();
    }

    @Test
    void duplicate_usernames_and_short_passwords_are_refused_with_a_clear_message() {
        signIn(ADMIN, Role.ADMIN);
        users.create("svc-dup", null, "initial-password-1", EnumSet.of(Role.COORDINATOR));
        assertThatThrownBy(() -> users.create("SVC-DUP", null, "initial-password-1", EnumSet.of(Role.COORDINATOR)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'SVC-DUP' already exists");
        assertThatThrownBy(() -> users.create("svc-short", null, "short", EnumSet.of(Role.COORDINATOR)))
                .isInstanceOf(MotifException.class).hasMessageContaining("at least 10 characters");
        assertThat(users.find("svc-short")).isEmpty();
    }

    @Test
    void the_last_enabled_administrator_cannot_lose_the_role_or_be_disabled() {
        signIn(ADMIN, Role.ADMIN);
        // other tests share this database and may have made administrators: set them aside meanwhile
        List<String> otherAdmins = users.list().stream()
                .filter(u -> u.enabled() && u.roles().contains(Role.ADMIN) && !u.username().equals(ADMIN))
                .map(UserService.StaffUser::username).toList();
        otherAdmins.forEach(u -> users.setEnabled(u, false));
        try {
            assertThatThrownBy(() -> users.setRoles(ADMIN, EnumSet.of(Role.COORDINATOR)))
                    .isInstanceOf(MotifException.class).hasMessageContaining("last enabled administrator");
            signIn("someone-else", Role.ADMIN);
            assertThatThrownBy(() -> users.setEnabled(ADMIN, false)).hasMessageContaining("last enabled administrator");
            assertThat(users.find(ADMIN).orElseThrow().enabled()).isTrue();
        } finally {
            signIn(ADMIN, Role.ADMIN);
            otherAdmins.forEach(u -> users.setEnabled(u, true));
        }
    }

    @Test
    void a_reset_password_is_random_and_must_be_changed() {
        signIn(ADMIN, Role.ADMIN);
        users.create("svc-forgetful", null, "initial-password-1", EnumSet.of(Role.COORDINATOR));
        String one = users.resetPassword("svc-forgetful");
        String two = users.resetPassword("svc-forgetful");
        assertThat(one).hasSize(16).isNotEqualTo(two);
        assertThat(users.find("svc-forgetful").orElseThrow().mustChangePassword()).isTrue();
    }

    @Test
    void only_administrators_manage_users() {
        signIn("svc-coord", Role.COORDINATOR);
        assertThatThrownBy(() -> users.create("svc-x", null, "initial-password-1", EnumSet.of(Role.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.list()).isInstanceOf(AccessDeniedException.class);
    }

    private static void signIn(String name, Role... roles) {
        var authorities = AuthorityUtils.createAuthorityList(Role.authorities(List.of(roles)));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null, authorities));
    }
}
