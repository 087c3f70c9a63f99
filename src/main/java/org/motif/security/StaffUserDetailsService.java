package org.motif.security;

import static org.motif.db.Tables.APP_USER;
import static org.motif.db.Tables.APP_USER_ROLE;

import java.util.List;
import org.jooq.DSLContext;
import org.motif.db.tables.records.AppUserRecord;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads staff accounts for Spring Security; ADMIN carries every role's authorities (see {@link Role}). */
@Component
class StaffUserDetailsService implements UserDetailsService {
    private final DSLContext db;

    StaffUserDetailsService(DSLContext db) {
        this.db = db;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AppUserRecord user = db.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOne();
        if (user == null) throw new UsernameNotFoundException("No user " + username);
        List<Role> roles = db.select(APP_USER_ROLE.ROLE).from(APP_USER_ROLE).where(APP_USER_ROLE.USER_ID.eq(user.getId()))
                .fetch(r -> Role.valueOf(r.value1()));
        return User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .disabled(!user.getEnabled())
                .authorities(AuthorityUtils.createAuthorityList(Role.authorities(roles)))
                .build();
    }
}
