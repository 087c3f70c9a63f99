package org.motif.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Staff roles (DESIGN.md, "Roles"). ADMIN may do everything: an administrator is granted the
 * authorities of every role, so each rule only has to name the non-admin roles it allows.
 */
public enum Role {
    ADMIN, COORDINATOR, GENETICIST;

    /** Role names for {@code @RolesAllowed}; ADMIN is implied by {@link #authorities}. */
    public static final String ADMIN_NAME = "ADMIN";
    public static final String COORDINATOR_NAME = "COORDINATOR";
    public static final String GENETICIST_NAME = "GENETICIST";

    /** The Spring authorities ({@code ROLE_x}) a user holding {@code roles} gets. */
    public static Set<String> authorities(Collection<Role> roles) {
        Set<Role> effective = roles.contains(ADMIN) ? EnumSet.allOf(Role.class) : EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
        return effective.stream().map(r -> "ROLE_" + r.name()).collect(Collectors.toUnmodifiableSet());
    }

    public String label() {
        return switch (this) {
            case ADMIN -> "Administrator";
            case COORDINATOR -> "Coordinator";
            case GENETICIST -> "Geneticist";
        };
    }
}
