package dev.faultline.server.ingest;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.grouping.Fingerprinter;
import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.ingest.Ingest;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The protocol-independent half of ingestion: fingerprints and compresses decoded reports on the
 * request thread, hands them to the report log and waits until they are durable. Thread-safe.
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
    public record Incoming(Report report, byte[] original) {}

    /**
     * Stores the reports of one request and returns once every one of them is durable.
     *
     * @throws RejectedException when the log is full or a report could not be stored; nothing of
     *     the request should be considered accepted then
     */
    public List<Stored> store(App app, List<Incoming> reports) throws RejectedException {
        List<Ingest> ingests = new ArrayList<>(reports.size());
        for (Incoming incoming : reports) {
            ingests.add(new Ingest(
                    app.id(),
                    incoming.report(),
                    fingerprinter.fingerprint(incoming.report()),
                    Payload.compress(incoming.original())));
        }
        List<CompletableFuture<Stored>> futures;
        try {
            futures = log.appendAll(ingests);
        } catch (OverloadedException e) {
            throw new RejectedException(
                    new Rejection(DropReason.OVERLOADED, "the server is overloaded; retry later", retryAfter),
                    reports.size());
        }
        long deadline = System.nanoTime() + writeTimeout.toNanos();
        List<Stored> stored = new ArrayList<>(futures.size());
        for (CompletableFuture<Stored> future : futures) {
            try {
                stored.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                throw new RejectedException(
                        new Rejection(
                                DropReason.OVERLOADED, "the report was not stored in time; retry later", retryAfter),
                        reports.size());
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "storing a report failed", e.getCause());
                throw new RejectedException(
                        new Rejection(
                                DropReason.STORAGE_ERROR, "the report could not be stored; retry later", retryAfter),
                        reports.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RejectedException(
                        new Rejection(DropReason.OVERLOADED, "the server is shutting down; retry later", retryAfter),
                        reports.size());
            }
        }
        return stored;
    }

    /** Counts reports that were not stored. */
    public void countDropped(long appId, DropReason reason, int reports) {
        drops.count(appId, reason, reports);
    }
}
