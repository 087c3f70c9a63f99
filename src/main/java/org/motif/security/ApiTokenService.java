package org.motif.security;

import static org.motif.db.Tables.API_TOKEN;
import static org.motif.db.Tables.APP_USER;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.motif.base.MotifException;
import org.motif.base.NotFoundException;
import org.motif.security.audit.AuditService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens. A token is {@code motif_} + 32 random bytes (256 bits, base64url); only its
 * SHA-256 is stored, so it is shown once at creation and cannot be recovered later.
 */
@Service
@Transactional
public class ApiTokenService {
    static final String PREFIX = "motif_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final AuditService audit;

    public ApiTokenService(DSLContext db, AuditService audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Creates a token for the signed-in user; the returned secret is never shown again. */
    @PreAuthorize("isAuthenticated()")
    public CreatedToken create(String name) {
        String label = name == null ? "" : name.trim();
        if (label.isEmpty() || label.length() > 100) {
            throw new MotifException("Give the token a name of 1–100 characters (e.g. 'R scripts on lab PC').");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long userId = currentUserId();
        Long id = db.insertInto(API_TOKEN)
                .set(API_TOKEN.USER_ID, userId)
                .set(API_TOKEN.NAME, label)
                .set(API_TOKEN.TOKEN_PREFIX, secret.substring(0, 12))
                .set(API_TOKEN.TOKEN_HASH, sha256(secret))
                .returning(API_TOKEN.ID).fetchOne(API_TOKEN.ID);
        audit.record("api_token.create", "api_token", String.valueOf(id), Map.of("name", label));
        return new CreatedToken(id, label, secret);
    }

    /** Tokens of the signed-in user, newest first (revoked ones included, marked). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TokenInfo> listOwn() {
        return db.selectFrom(API_TOKEN).where(API_TOKEN.USER_ID.eq(currentUserId())).orderBy(API_TOKEN.ID.desc())
                .fetch(r -> new TokenInfo(r.getId(), r.getName(), r.getTokenPrefix() + "…", r.getCreatedAt(), r.getLastUsedAt(), r.getRevokedAt()));
    }

    /** Revokes one of the signed-in user's tokens (an admin may revoke anyone's). */
    @PreAuthorize("isAuthenticated()")
    public void revoke(long tokenId) {
        var token = db.selectFrom(API_TOKEN).where(API_TOKEN.ID.eq(tokenId)).fetchOne();
        if (token == null || (token.getUserId() != currentUserId() && !CurrentUser.hasRole(Role.ADMIN))) {
            throw new NotFoundException("No API token " + tokenId + " of yours.");
        }
        if (token.getRevokedAt() == null) {
            token.setRevokedAt(OffsetDateTime.now());
            token.store();
            audit.record("api_token.revoke", "api_token", String.valueOf(tokenId), Map.of("name", token.getName()));
        }
    }

    /**
     * The username owning an active token with this secret, if any, and records its use. Called by
     * the API's authentication filter before anyone is signed in.
     */
    public Optional<String> authenticate(String secret, String requestLine) {
        if (secret == null || !secret.startsWith(PREFIX)) return Optional.empty();
        var row = db.select(API_TOKEN.ID, APP_USER.USERNAME).from(API_TOKEN).join(APP_USER).on(APP_USER.ID.eq(API_TOKEN.USER_ID))
                .where(API_TOKEN.TOKEN_HASH.eq(sha256(secret)), API_TOKEN.REVOKED_AT.isNull(), APP_USER.ENABLED.isTrue())
                .fetchOne();
        if (row == null) return Optional.empty();
        db.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, OffsetDateTime.now()).where(API_TOKEN.ID.eq(row.value1())).execute();
        audit.recordAs(row.value2(), "api_token.use", "api_token", String.valueOf(row.value1()), Map.of("request", requestLine));
        return Optional.of(row.value2());
    }

    private long currentUserId() {
        Long id = db.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(CurrentUser.actor())).fetchOne(APP_USER.ID);
        if (id == null) throw new NotFoundException("The signed-in user '" + CurrentUser.actor() + "' has no account.");
        return id;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token just created: {@code secret} is shown to the user once. */
    public record CreatedToken(long id, String name, String secret) {
    }

    /** A token as its owner sees it later: name and first characters only. */
    public record TokenInfo(long id, String name, String hint, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
                            OffsetDateTime revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }
}
