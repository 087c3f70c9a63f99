package org.motif;

import static org.motif.db.Tables.FAMILY;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.VARIANT;
import static org.motif.db.Tables.VCF_IMPORT;

import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.motif.security.Role;
import org.motif.security.UserService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Small study data for integration tests, written straight to the tables (tests only). */
public final class StudyFixtures {
    private StudyFixtures() {
    }

    /** Makes (or finds) a family and a participant in it; returns the participant id. */
    public static String participant(DSLContext db, String familyId, String participantId, String sex) {
        Long family = db.select(FAMILY.ID).from(FAMILY).where(FAMILY.FAMILY_ID.eq(familyId)).fetchOne(FAMILY.ID);
        if (family == null) {
            family = db.insertInto(FAMILY).set(FAMILY.FAMILY_ID, familyId).returning(FAMILY.ID).fetchOne(FAMILY.ID);
        }
        if (!db.fetchExists(PARTICIPANT, PARTICIPANT.PARTICIPANT_ID.eq(participantId))) {
            db.insertInto(PARTICIPANT).set(PARTICIPANT.PARTICIPANT_ID, participantId).set(PARTICIPANT.FAMILY_PK, family)
                    .set(PARTICIPANT.SEX, sex).set(PARTICIPANT.ROLE, "musician").execute();
        }
        return participantId;
    }

    /** Runs an action signed in as {@code username} with the given roles. */
    public static <T> T as(String username, Supplier<T> action, Role... roles) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        var authorities = AuthorityUtils.createAuthorityList(Role.authorities(List.of(roles)));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /** Makes a staff account if it does not exist yet. */
    public static void staff(UserService users, String username, String password, Role role) {
        as(AbstractIT.ADMIN, () -> {
            if (users.find(username).isEmpty()) users.create(username, username, password, EnumSet.of(role));
            return null;
        }, Role.ADMIN);
    }

    /** Removes VCF imports and their variant rows (variant has no foreign key to cascade from, see V012). */
    public static void deleteImports(DSLContext db, Condition which) {
        db.deleteFrom(VARIANT).where(VARIANT.IMPORT_PK.in(db.select(VCF_IMPORT.ID).from(VCF_IMPORT).where(which))).execute();
        db.deleteFrom(VCF_IMPORT).where(which).execute();
    }
}
