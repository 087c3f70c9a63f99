package org.motif.security;

import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First start: when no user exists, creates the administrator from {@code MOTIF_ADMIN_USERNAME} /
 * {@code MOTIF_ADMIN_PASSWORD}; without a password, logs a one-time password (once) that must be
 * changed at first sign-in.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserService users;
    private final String username;
    private final String password;

    AdminBootstrap(UserService users, @Value("${motif.admin.username:admin}") String username,
                   @Value("${motif.admin.password:}") String password) {
        this.users = users;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyUserExists()) return;
        if (password != null && !password.isBlank()) {
            users.createAccount(username, "Administrator", password, EnumSet.of(Role.ADMIN), false);
            log.info("Created administrator '{}' from MOTIF_ADMIN_USERNAME/MOTIF_ADMIN_PASSWORD.", username);
        } else {
            String oneTime = UserService.randomPassword();
            users.createAccount(username, "Administrator", oneTime, EnumSet.of(Role.ADMIN), true);
            log.warn("""

                    ==================================================================
                     Motif first start: administrator '{}' created.
                     One-time password: {}
                     It is shown only now; you must change it at the first sign-in.
                    ==================================================================""", username, oneTime);
        }
    }
}
