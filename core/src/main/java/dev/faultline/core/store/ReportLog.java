package dev.faultline.core.store;

import dev.faultline.core.ingest.IngestItem;
import dev.faultline.core.ingest.Stored;
import java.util.List;
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

    CompletableFuture<Stored> append(IngestItem item);

    /**
     * Appends several reports all or nothing: either every one is queued (one future each, in
     * order) or none is and {@link OverloadedException} is thrown, so that a client retrying a
     * refused bulk request does not create duplicates.
     */
    List<CompletableFuture<Stored>> appendAll(List<? extends IngestItem> items);

    /** Stops taking reports, writes every queued one, then releases resources. */
    @Override
    void close();
}
