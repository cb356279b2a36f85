package dev.faultline.server.ingest;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.grouping.Fingerprinter;
import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.ingest.Ingest;
import dev.faultline.core.ingest.IngestItem;
import dev.faultline.core.ingest.Payload;
import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Report;
import dev.faultline.core.store.DropCounter;
import dev.faultline.core.store.OverloadedException;
import dev.faultline.core.store.ReportLog;
import dev.faultline.server.ingest.Rejection.RejectedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The protocol-independent half of ingestion: fingerprints and compresses decoded reports on the
 * request thread and hands them to the report log. Thread-safe.
 *
 * <p>Nothing waits here: {@link #store} returns a future that completes once the reports are
 * durable, and the endpoint answers the client from that future. A request thread blocked on the
 * commit cost about 100 µs of CPU per report (parking, waking, switching) under load; an answer
 * written from the completing thread costs none of that. Road not taken: a blocking wait on a
 * virtual thread, which is simpler to read but measured 40 % more CPU per report.
 */
public final class Ingestor {
    private static final Logger LOG = Logger.getLogger(Ingestor.class.getName());

    private final ReportLog log;
    private final Fingerprinter fingerprinter;
    private final DropCounter drops;
    private final Duration writeTimeout;
    private final Duration retryAfter;

    public Ingestor(
            ReportLog log, Fingerprinter fingerprinter, DropCounter drops, Duration writeTimeout, Duration retryAfter) {
        this.log = requireNonNull(log, "log");
        this.fingerprinter = requireNonNull(fingerprinter, "fingerprinter");
        this.drops = requireNonNull(drops, "drops");
        this.writeTimeout = requireNonNull(writeTimeout, "writeTimeout");
        this.retryAfter = requireNonNull(retryAfter, "retryAfter");
    }

    /** A decoded report and the bytes the SDK sent for it. */
    /**
     * A decoded report and the bytes the SDK sent for it.
     *
     * @param payload the original already compressed (from a gzip body), or null to compress it here
     */
    public record Incoming(Report report, byte[] original, Payload payload) {

        public Incoming(Report report, byte[] original) {
            this(report, original, null);
        }
    }

    /**
     * Queues the reports of one request for the writer.
     *
     * @return a future that completes once every report is durable, or fails with a {@link
     *     CompletionException} whose cause is a {@link RejectedException} (not stored in time, or not
     *     at all)
     * @throws RejectedException at once when the log cannot take the reports; nothing was queued
     */
    public CompletableFuture<List<Stored>> store(App app, List<Incoming> reports) throws RejectedException {
        return store(app, reports, List.of(), reports.size());
    }

    /**
     * Queues reports and other items (attachments, sessions) together: all are durable when the
     * future completes, or none is queued.
     *
     * @param count how many reports or logs the request carried, counted as dropped if they fail
     */
    public CompletableFuture<List<Stored>> store(
            App app, List<Incoming> reports, List<? extends IngestItem> others, int count) throws RejectedException {
        List<IngestItem> ingests = new ArrayList<>(reports.size() + others.size());
        for (Incoming incoming : reports) {
            ingests.add(new Ingest(
                    app.id(),
                    incoming.report(),
                    fingerprinter.fingerprint(incoming.report()),
                    incoming.payload() != null ? incoming.payload() : Payload.compress(incoming.original())));
        }
        ingests.addAll(others);
        List<CompletableFuture<Stored>> futures;
        try {
            futures = log.appendAll(ingests);
        } catch (OverloadedException e) {
            throw rejected(DropReason.OVERLOADED, "the server is overloaded; retry later", count);
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .orTimeout(writeTimeout.toNanos(), TimeUnit.NANOSECONDS)
                .handle((ignored, error) -> {
                    if (error == null) {
                        return futures.stream().map(CompletableFuture::join).toList();
                    }
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    if (cause instanceof TimeoutException) {
                        throw new CompletionException(rejected(
                                DropReason.OVERLOADED, "the report was not stored in time; retry later", count));
                    }
                    LOG.log(Level.WARNING, "storing a report failed", cause);
                    throw new CompletionException(
                            rejected(DropReason.STORAGE_ERROR, "the report could not be stored; retry later", count));
                });
    }

    private RejectedException rejected(DropReason reason, String message, int reports) {
        return new RejectedException(new Rejection(reason, message, retryAfter), reports);
    }

    /** Counts reports that were not stored. */
    public void countDropped(long appId, DropReason reason, int reports) {
        drops.count(appId, reason, reports);
    }
}
