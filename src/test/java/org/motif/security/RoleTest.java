package org.motif.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void an_administrator_holds_the_authorities_of_every_role() {
        assertThat(Role.authorities(List.of(Role.ADMIN)))
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_COORDINATOR", "ROLE_GENETICIST");
    }

    @Test
    void other_roles_hold_only_their_own_authorities() {
        assertThat(Role.authorities(List.of(Role.COORDINATOR))).containsExactly("ROLE_COORDINATOR");
        assertThat(Role.authorities(List.of(Role.COORDINATOR, Role.GENETICIST)))
                .containsExactlyInAnyOrder("ROLE_COORDINATOR", "ROLE_GENETICIST");
        assertThat(Role.authorities(List.of())).isEmpty();
    }
}
