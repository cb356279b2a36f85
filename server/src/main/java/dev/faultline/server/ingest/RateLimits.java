package dev.faultline.server.ingest;

import dev.faultline.core.model.App;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-app rate limits: a token bucket per app that refills its per-minute allowance gradually.
 * Thread-safe. Apps without a limit are never throttled.
 */
public final class RateLimits {
    private final ConcurrentHashMap<Long, Limited> buckets = new ConcurrentHashMap<>();

    /**
     * Takes {@code reports} from the app's allowance.
     *
     * @return null when allowed, else how long until that many reports would be allowed
     */
    public Duration tryConsume(App app, int reports) {
        Integer perMinute = app.rateLimitPerMinute();
        if (perMinute == null) {
            buckets.remove(app.id());
            return null;
        }
        Limited limited = buckets.compute(
                app.id(), (id, old) -> old != null && old.perMinute == perMinute ? old : Limited.of(perMinute));
        ConsumptionProbe probe = limited.bucket.tryConsumeAndReturnRemaining(reports);
        if (probe.isConsumed()) {
            return null;
        }
        long wait = reports > perMinute ? Duration.ofMinutes(1).toNanos() : probe.getNanosToWaitForRefill();
        return Duration.ofNanos(wait);
    }

    private record Limited(int perMinute, Bucket bucket) {
        static Limited of(int perMinute) {
            Bandwidth limit = Bandwidth.builder()
                    .capacity(perMinute)
                    .refillGreedy(perMinute, Duration.ofMinutes(1))
                    .build();
            return new Limited(perMinute, Bucket.builder().addLimit(limit).build());
        }
    }
}
