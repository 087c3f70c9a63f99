package org.motif.security;

import static org.motif.db.Tables.APP_USER;
import static org.motif.db.Tables.APP_USER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.motif.base.ConflictException;
import org.motif.base.MotifException;
import org.motif.base.NotFoundException;
import org.motif.db.tables.records.AppUserRecord;
import org.motif.security.audit.AuditService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: create, disable, reset passwords, assign roles. Admin-only except own password. */
@Service
@Transactional
public class UserService {
    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;

    public UserService(DSLContext db, PasswordEncoder passwordEncoder, AuditService audit) {
        this.db = db;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public List<StaffUser> list() {
        Map<Long, Set<Role>> roles = db.selectFrom(APP_USER_ROLE).fetchGroups(APP_USER_ROLE.USER_ID).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().stream().map(r -> Role.valueOf(r.getRole())).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)))));
        return db.selectFrom(APP_USER).orderBy(APP_USER.USERNAME).fetch(r -> toStaffUser(r, roles.getOrDefault(r.getId(), Set.of())));
    }

    /** Creates an account; the user must change the given initial password at first sign-in. */
    @RolesAllowed(Role.ADMIN_NAME)
    public StaffUser create(String username, String displayName, String initialPassword, Set<Role> roles) {
        return createAccount(username, displayName, initialPassword, roles, true);
    }

    /** Used by the first-start bootstrap and the demo loader, outside any signed-in session. */
    StaffUser createAccount(String username, String displayName, String password, Set<Role> roles, boolean mustChange) {
        String name = username == null ? "" : username.trim();
        if (!name.matches("[A-Za-z0-9._@-]{2,100}")) {
            throw new MotifException("Username '" + name + "' is not valid: use 2–100 letters, digits, '.', '_', '-' or '@'.");
        }
        if (db.fetchExists(APP_USER, APP_USER.USERNAME.equalIgnoreCase(name))) {
            throw new ConflictException("A user named '" + name + "' already exists; choose another username.");
        }
        checkPassword(password);
        AppUserRecord r = db.newRecord(APP_USER);
        r.setUsername(name);
        r.setDisplayName(displayName == null || displayName.isBlank() ? name : displayName.trim());
        r.setPasswordHash(passwordEncoder.encode(password));
        r.setMustChangePassword(mustChange);
        r.setEnabled(true);
        r.store();
        r.refresh();
        setRolesInternal(r.getId(), roles);
        audit.recordAs(CurrentUser.actor(), "user.create", "user", name, Map.of("roles", sorted(roles)));
        return toStaffUser(r, roles);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public void setRoles(String username, Set<Role> roles) {
        AppUserRecord r = fetch(username);
        Set<Role> before = rolesOf(r.getId());
        if (before.contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            requireAnotherAdmin(r.getId());
        }
        setRolesInternal(r.getId(), roles);
        audit.record("user.roles", "user", r.getUsername(), Map.of("before", sorted(before), "after", sorted(roles)));
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public void setEnabled(String username, boolean enabled) {
        AppUserRecord r = fetch(username);
        if (!enabled && r.getUsername().equals(CurrentUser.actor())) {
            throw new MotifException("You cannot disable your own account; ask another administrator.");
        }
        if (!enabled && rolesOf(r.getId()).contains(Role.ADMIN)) {
            requireAnotherAdmin(r.getId());
        }
        r.setEnabled(enabled);
        r.store();
        audit.record(enabled ? "user.enable" : "user.disable", "user", r.getUsername(), Map.of());
    }

    /** Sets a new one-time password that the user must change at the next sign-in; returns it. */
    @RolesAllowed(Role.ADMIN_NAME)
    public String resetPassword(String username) {
        AppUserRecord r = fetch(username);
        String password = randomPassword();
        r.setPasswordHash(passwordEncoder.encode(password));
        r.setMustChangePassword(true);
        r.store();
        audit.record("user.reset_password", "user", r.getUsername(), Map.of());
        return password;
    }

    /** The signed-in user changes their own password, proving the current one. */
    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String currentPassword, String newPassword) {
        AppUserRecord r = fetch(CurrentUser.actor());
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, r.getPasswordHash())) {
            throw new MotifException("The current password is not correct.");
        }
        if (currentPassword.equals(newPassword)) {
            throw new MotifException("The new password must differ from the current one.");
        }
        checkPassword(newPassword);
        r.setPasswordHash(passwordEncoder.encode(newPassword));
        r.setMustChangePassword(false);
        r.store();
        audit.record("user.change_password", "user", r.getUsername(), Map.of());
    }

    @Transactional(readOnly = true)
    public Optional<StaffUser> find(String username) {
        return db.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional()
                .map(r -> toStaffUser(r, rolesOf(r.getId())));
    }

    @Transactional(readOnly = true)
    public boolean anyUserExists() {
        return db.fetchExists(APP_USER);
    }

    void recordLogin(String username) {
        db.update(APP_USER).set(APP_USER.LAST_LOGIN_AT, OffsetDateTime.now()).where(APP_USER.USERNAME.eq(username)).execute();
    }

    public static String randomPassword() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return sb.toString();
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new MotifException("The password must have at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
    }

    private void requireAnotherAdmin(long userId) {
        boolean another = db.fetchExists(db.selectOne().from(APP_USER_ROLE).join(APP_USER).on(APP_USER.ID.eq(APP_USER_ROLE.USER_ID))
                .where(APP_USER_ROLE.ROLE.eq(Role.ADMIN.name()), APP_USER.ENABLED.isTrue(), APP_USER.ID.ne(userId)));
        if (!another) {
            throw new MotifException("This is the last enabled administrator; make another user an administrator first.");
        }
    }

    private void setRolesInternal(long userId, Set<Role> roles) {
        db.deleteFrom(APP_USER_ROLE).where(APP_USER_ROLE.USER_ID.eq(userId)).execute();
        for (Role role : roles) {
            db.insertInto(APP_USER_ROLE).set(APP_USER_ROLE.USER_ID, userId).set(APP_USER_ROLE.ROLE, role.name()).execute();
        }
    }

    private Set<Role> rolesOf(long userId) {
        return db.select(APP_USER_ROLE.ROLE).from(APP_USER_ROLE).where(APP_USER_ROLE.USER_ID.eq(userId))
                .fetch(r -> Role.valueOf(r.value1())).stream().collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private AppUserRecord fetch(String username) {
        AppUserRecord r = db.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOne();
        if (r == null) throw new NotFoundException("No user named '" + username + "'.");
        return r;
    }

    private static List<String> sorted(Set<Role> roles) {
        return List.copyOf(roles.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    private static StaffUser toStaffUser(AppUserRecord r, Set<Role> roles) {
        return new StaffUser(r.getUsername(), r.getDisplayName(), roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles),
                r.getEnabled(), r.getMustChangePassword(), r.getCreatedAt(), r.getLastLoginAt());
    }

    /** A staff account as the admin view and the API show it (never the password hash). */
    public record StaffUser(String username, String displayName, Set<Role> roles, boolean enabled,
                            boolean mustChangePassword, OffsetDateTime createdAt, OffsetDateTime lastLoginAt) {
    }
}
