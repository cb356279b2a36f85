package dev.faultline.core.store;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.ingest.IngestItem;
import dev.faultline.core.ingest.Stored;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single-node {@link ReportLog}: one writer thread takes queued reports in batches and commits
 * each batch in one {@link Store#write} transaction, so one fsync serves many reports. Thread-safe.
 *
 * <p>The queue is bounded; when it is full {@link #append} throws {@link OverloadedException}
 * rather than waiting, so that clients are told to come back later instead of piling up. When a
 * batch fails, its reports are retried one at a time so that one bad report cannot fail the
 * others.
 */
public final class BatchingReportLog implements ReportLog {
    private static final Logger LOG = Logger.getLogger(BatchingReportLog.class.getName());

    private final Store store;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Semaphore capacity;
    private final int maxBatch;
    private final Thread writer;
    /**
     * Completes the futures of committed batches, so that whatever runs on completion (answering
     * the clients) overlaps the writer's next batch instead of delaying it.
     */
    private final ExecutorService acknowledger = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("faultline-acks").daemon().factory());

    private volatile boolean closed;

    /**
     * @param queueCapacity how many reports may wait for the writer before appends are refused
     * @param maxBatch the most reports committed in one transaction
     */
    public BatchingReportLog(Store store, int queueCapacity, int maxBatch) {
        this.store = requireNonNull(store, "store");
        if (queueCapacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("queueCapacity and maxBatch must be at least 1");
        }
        this.capacity = new Semaphore(queueCapacity);
        this.maxBatch = maxBatch;
        this.writer = Thread.ofPlatform().name("faultline-writer").unstarted(this::run);
        writer.start();
    }

    @Override
    public CompletableFuture<Stored> append(IngestItem item) {
        requireNonNull(item, "item");
        return appendAll(List.of(item)).getFirst();
    }

    @Override
    public List<CompletableFuture<Stored>> appendAll(List<? extends IngestItem> ingests) {
        if (closed) {
            throw new OverloadedException("the report log is shutting down");
        }
        if (ingests.isEmpty()) {
            return List.of();
        }
        if (!capacity.tryAcquire(ingests.size())) {
            throw new OverloadedException("the writer queue is full");
        }
        List<CompletableFuture<Stored>> results = new ArrayList<>(ingests.size());
        for (IngestItem ingest : ingests) {
            Pending pending = new Pending(requireNonNull(ingest, "ingest"), new CompletableFuture<>());
            queue.add(pending);
            results.add(pending.result);
        }
        return results;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                capacity.release(batch.size());
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        try {
            List<Stored> results =
                    store.write(batch.stream().map(Pending::ingest).toList());
            List<CompletableFuture<Stored>> futures =
                    batch.stream().map(Pending::result).toList();
            acknowledger.execute(() -> {
                for (int i = 0; i < futures.size(); i++) {
                    futures.get(i).complete(results.get(i));
                }
            });
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                LOG.log(Level.WARNING, "could not store a report", e);
                CompletableFuture<Stored> future = batch.getFirst().result;
                acknowledger.execute(() -> future.completeExceptionally(e));
                return;
            }
            LOG.log(Level.WARNING, "a batch of " + batch.size() + " failed; retrying one by one", e);
            for (Pending pending : batch) {
                commit(new ArrayList<>(List.of(pending)));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            writer.join();
            acknowledger.shutdown();
            acknowledger.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(IngestItem ingest, CompletableFuture<Stored> result) {}
}
