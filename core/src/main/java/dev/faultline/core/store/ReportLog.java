package dev.faultline.core.store;

import dev.faultline.core.ingest.Ingest;
import dev.faultline.core.ingest.Stored;
import java.util.concurrent.CompletableFuture;

/**
 * The durable log that accepted reports are appended to. Thread-safe.
 *
 * <p>{@link #append} never blocks for I/O: it either queues the report and returns a future that
 * completes once the report is durable (or fails when it could not be stored), or throws {@link
 * OverloadedException} at once when the log cannot take more. A caller answers its client only
 * after the future completed successfully.
 */
public interface ReportLog extends AutoCloseable {

    CompletableFuture<Stored> append(Ingest ingest);

    /** Stops taking reports, writes every queued one, then releases resources. */
    @Override
    void close();
}
