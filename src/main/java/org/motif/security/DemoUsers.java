package org.motif.security;

import java.util.EnumSet;
import org.motif.base.DemoContributor;
import org.springframework.stereotype.Component;

/** Demo staff accounts (README lists them): a coordinator and a geneticist, password {@value #PASSWORD}. */
@Component
class DemoUsers implements DemoContributor {
    static final String PASSWORD = "motif-demo-2026";
    private final UserService users;

    DemoUsers(UserService users) {
        this.users = users;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void load() {
        if (users.find("coordinator").isEmpty()) {
            users.createAccount("coordinator", "Clara Coordinator", PASSWORD, EnumSet.of(Role.COORDINATOR), false);
        }
        if (users.find("geneticist").isEmpty()) {
            users.createAccount("geneticist", "Gregor Geneticist", PASSWORD, EnumSet.of(Role.GENETICIST), false);
        }
    }
}
