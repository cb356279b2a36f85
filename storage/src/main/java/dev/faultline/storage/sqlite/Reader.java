package dev.faultline.storage.sqlite;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/** Runs reads on the pooled read connections. Thread-safe. */
final class Reader {
    private final Jdbi reads;

    Reader(ReadConnections connections) {
        this.reads = Jdbi.create(connections);
    }

    /**
     * Runs a read in one read transaction, so that its queries see one snapshot: everything
     * committed before it started, and nothing committed while it runs.
     */
    <T> T read(HandleCallback<T, RuntimeException> query) {
        return reads.withHandle(handle -> {
            handle.execute("BEGIN");
            try {
                return query.withHandle(handle);
            } finally {
                handle.execute("COMMIT");
            }
        });
    }
}
