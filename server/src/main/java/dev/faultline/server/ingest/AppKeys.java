package dev.faultline.server.ingest;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.model.App;
import dev.faultline.core.store.Store;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds the app an ingest key belongs to without touching the database on the hot path.
 * Thread-safe.
 *
 * <p>Entries expire after the configured time, so that an app created or changed by the CLI
 * while the server runs is seen within that time. Unknown keys are remembered for a shorter time so
 * that a client hammering with a wrong key costs one database read per second at most.
 */
public final class AppKeys {
    private static final long NEGATIVE_TTL_NANOS = Duration.ofSeconds(1).toNanos();
    private static final int MAX_ENTRIES = 100_000;

    private final Function<String, Optional<App>> lookup;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    /** @param lookup finds the app of a key in the store */
    public AppKeys(Function<String, Optional<App>> lookup, Duration ttl) {
        this.lookup = requireNonNull(lookup, "lookup");
        this.ttlNanos = ttl.toNanos();
    }

    /** Raygun API keys. */
    public static AppKeys apiKeys(Store store, Duration ttl) {
        return new AppKeys(store::appByApiKey, ttl);
    }

    /**
     * App Center app secrets. They compare without regard to letter case: pass them lower-case, so
     * that every spelling shares one cache entry.
     */
    public static AppKeys appSecrets(Store store, Duration ttl) {
        return new AppKeys(store::appByAppSecret, ttl);
    }

    public Optional<App> find(String apiKey) {
        long now = System.nanoTime();
        Entry entry = cache.get(apiKey);
        if (entry == null || now - entry.loadedAt > (entry.app == null ? NEGATIVE_TTL_NANOS : ttlNanos)) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            entry = new Entry(lookup.apply(apiKey).orElse(null), now);
            cache.put(apiKey, entry);
        }
        return Optional.ofNullable(entry.app);
    }

    private record Entry(App app, long loadedAt) {}
}
