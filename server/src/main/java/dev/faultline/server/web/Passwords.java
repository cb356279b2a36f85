package dev.faultline.server.web;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Password hashing with Argon2id (Spring Security's encoder over BouncyCastle), at OWASP's
 * recommended cost: 19 MiB of memory, 2 passes, 1 lane. Hashes are PHC strings
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$…}), so the cost can be raised later and old hashes still
 * verify.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 1000;

    private static final Argon2PasswordEncoder ENCODER = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);
    /** Verified against when the email is unknown, so that a miss takes as long as a wrong password. */
    private static final String DECOY = ENCODER.encode("decoy password for unknown emails");

    private Passwords() {}

    public static String hash(String password) {
        return ENCODER.encode(password);
    }

    /** Whether {@code password} matches {@code hash}; a null hash (unknown user) never matches. */
    public static boolean matches(String password, String hash) {
        if (hash == null) {
            ENCODER.matches(password, DECOY);
            return false;
        }
        return ENCODER.matches(password, hash);
    }

    /** Why a new password is not acceptable, or null when it is. */
    public static String problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "Choose a password of at least " + MIN_LENGTH + " characters.";
        }
        if (password.length() > MAX_LENGTH) {
            return "Choose a password of at most " + MAX_LENGTH + " characters.";
        }
        return null;
    }
}
