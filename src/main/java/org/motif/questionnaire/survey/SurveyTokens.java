package org.motif.questionnaire.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Personal survey link tokens: 24 bytes (192 bits) from a CSPRNG, base64url, so links cannot be
 * guessed; only their SHA-256 is stored, so a database copy does not reveal working links.
 */
public final class SurveyTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray();

    private SurveyTokens() {
    }

    /** A new link token (32 characters, URL-safe). */
    public static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a token: lower-case hex SHA-256. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A short opaque assignment id for the API and screens, e.g. {@code A7KQ2M9XRT} (not a secret). */
    public static String newAssignmentId() {
        StringBuilder sb = new StringBuilder("A");
        for (int i = 0; i < 9; i++) sb.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
        return sb.toString();
    }

    /** Whether a string can be a token at all (cheap check before any database lookup). */
    public static boolean wellFormed(String token) {
        return token != null && token.length() == 32 && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
