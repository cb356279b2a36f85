package dev.faultline.server.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API tokens and app keys. Only a token's SHA-256 is stored, so a leaked database does not leak
 * usable tokens; tokens are long and random, so a fast hash is enough (no password hashing).
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Tokens() {}

    /** A new bearer token for the REST API. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "flt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A new Raygun-style API key: 24 letters and digits. */
    public static String newApiKey() {
        StringBuilder key = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            key.append(KEY_ALPHABET.charAt(RANDOM.nextInt(KEY_ALPHABET.length())));
        }
        return key.toString();
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
