package dev.faultline.server;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.model.App;
import dev.faultline.core.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes the events of apps with a retention period once they are older than it. Runs on the
 * housekeeping thread; deletes in batches, each its own short transaction, so that the report
 * writer never waits long behind it.
 */
final class RetentionJob implements Runnable {
    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());
    static final int BATCH = 1000;

    private final Store store;
    private final Clock clock;

    RetentionJob(Store store, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Never throws: a scheduled task that throws is never run again. */
    @Override
    public void run() {
        try {
            deleteOldEvents();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "deleting old events failed; trying again at the next run", e);
        }
    }

    /** Deletes every app's expired events; returns how many. */
    long deleteOldEvents() {
        long total = 0;
        for (App app : store.apps()) {
            if (app.retentionDays() == null) {
                continue;
            }
            Instant cutoff = clock.instant().minus(Duration.ofDays(app.retentionDays()));
            int deleted;
            do {
                deleted = store.deleteOldEvents(app.id(), cutoff, BATCH);
                total += deleted;
            } while (deleted >= BATCH);
        }
        return total;
    }
}
