package dev.faultline.core.store;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.store.Store.DropKey;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts dropped reports in memory and adds them to the store on {@link #flush()}. Thread-safe.
 * Counting never does I/O, so a flood of bad requests costs no database writes per request; the
 * price is that counts not yet flushed are lost if the process is killed.
 */
public final class DropCounter {
    private static final Logger LOG = Logger.getLogger(DropCounter.class.getName());

    private final Store store;
    private final Map<DropKey, LongAdder> pending = new ConcurrentHashMap<>();

    public DropCounter(Store store) {
        this.store = requireNonNull(store, "store");
    }

    /** Counts {@code count} reports of the app (0 when unknown) as dropped for {@code reason}. */
    public void count(long appId, DropReason reason, long count) {
        DropKey key = new DropKey(appId, requireNonNull(reason, "reason"));
        pending.computeIfAbsent(key, k -> new LongAdder()).add(count);
    }

    /** Adds what was counted since the last flush to the store. */
    public synchronized void flush() {
        Map<DropKey, Long> counts = new HashMap<>();
        pending.forEach((key, adder) -> {
            long n = adder.sumThenReset();
            if (n > 0) {
                counts.put(key, n);
            }
        });
        if (counts.isEmpty()) {
            return;
        }
        try {
            store.addDrops(counts);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not store drop counts; will retry", e);
            counts.forEach((key, n) ->
                    pending.computeIfAbsent(key, k -> new LongAdder()).add(n));
        }
    }
}
