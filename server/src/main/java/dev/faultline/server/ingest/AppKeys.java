package dev.faultline.server.ingest;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.model.App;
import dev.faultline.core.store.Store;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    private final Store store;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    public AppKeys(Store store, Duration ttl) {
        this.store = requireNonNull(store, "store");
        this.ttlNanos = ttl.toNanos();
    }

    public Optional<App> find(String apiKey) {
        long now = System.nanoTime();
        Entry entry = cache.get(apiKey);
        if (entry == null || now - entry.loadedAt > (entry.app == null ? NEGATIVE_TTL_NANOS : ttlNanos)) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            entry = new Entry(store.appByApiKey(apiKey).orElse(null), now);
            cache.put(apiKey, entry);
        }
        return Optional.ofNullable(entry.app);
    }

    private record Entry(App app, long loadedAt) {}
}
