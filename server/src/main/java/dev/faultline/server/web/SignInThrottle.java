package dev.faultline.server.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses sign-in attempts for an email, and for a client address, that failed too often: each
 * gets {@code maxFailures} failures per window, refilled gradually. Bounded: when it tracks more
 * than {@link #MAX_TRACKED} keys it forgets them all, which at worst lets an attacker who floods it
 * with distinct keys start over, never locks anyone out for longer.
 */
public final class SignInThrottle {
    static final int MAX_TRACKED = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SignInThrottle(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Whether another attempt for this email from this address may be checked now. */
    public boolean allowed(String email, String address) {
        return available(emailKey(email)) && available(addressKey(address));
    }

    public void failed(String email, String address) {
        bucket(emailKey(email)).tryConsume(1);
        bucket(addressKey(address)).tryConsume(1);
    }

    private boolean available(String key) {
        Bucket bucket = buckets.get(key);
        return bucket == null || bucket.getAvailableTokens() > 0;
    }

    private Bucket bucket(String key) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(maxFailures)
                                .refillGreedy(maxFailures, window)
                                .build())
                        .build());
    }

    private static String emailKey(String email) {
        return "email:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
