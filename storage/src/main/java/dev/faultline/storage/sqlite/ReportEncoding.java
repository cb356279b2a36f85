package dev.faultline.storage.sqlite;

import dev.faultline.core.ingest.Ingest;
import dev.faultline.core.ingest.Payload;
import dev.faultline.storage.internal.ReportCodec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Encodes a batch's reports (JSON, then deflate: the costliest CPU work of a write) in chunks on
 * helper threads while the writer works through the same batch, so that encoding and SQLite
 * overlap instead of taking turns. When the writer needs a report that is not ready, it encodes the
 * next unclaimed chunk itself rather than wait, so no core idles. Thread-safe.
 *
 * <p>Road not taken: encoding on the request threads, where {@code Ingest} is built. That is
 * cheaper still, but needs the encoded report in {@code Ingest}, a change of the core SPI.
 */
final class ReportEncoding {
    /** Reports per chunk: small enough to start inserting soon, large enough to claim rarely. */
    static final int CHUNK = 8;

    private final List<Ingest> batch;
    private final Payload[] encoded;
    private final CompletableFuture<?>[] chunks;
    private final AtomicInteger nextChunk = new AtomicInteger();

    private ReportEncoding(List<Ingest> batch) {
        this.batch = batch;
        this.encoded = new Payload[batch.size()];
        this.chunks = new CompletableFuture<?>[(batch.size() + CHUNK - 1) / CHUNK];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = new CompletableFuture<>();
        }
    }

    /** Starts encoding {@code batch} on {@code helpers} tasks of {@code executor} (0: only on demand). */
    static ReportEncoding start(List<Ingest> batch, Executor executor, int helpers) {
        ReportEncoding encoding = new ReportEncoding(batch);
        for (int i = 0; i < Math.min(helpers, encoding.chunks.length - 1); i++) {
            executor.execute(encoding::encodeAll);
        }
        return encoding;
    }

    /** The encoded report of the batch's {@code index}th ingest, encoding it here if need be. */
    Payload get(int index) {
        CompletableFuture<?> chunk = chunks[index / CHUNK];
        while (!chunk.isDone() && encodeNextChunk()) {
            // helped with the next chunk instead of waiting
        }
        try {
            chunk.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return encoded[index];
    }

    private void encodeAll() {
        while (encodeNextChunk()) {
            // until every chunk is claimed
        }
    }

    private boolean encodeNextChunk() {
        int chunk = nextChunk.getAndIncrement();
        if (chunk >= chunks.length) {
            return false;
        }
        try {
            for (int i = chunk * CHUNK; i < Math.min(encoded.length, (chunk + 1) * CHUNK); i++) {
                encoded[i] = ReportCodec.encode(batch.get(i).report());
            }
            chunks[chunk].complete(null);
        } catch (Throwable e) {
            chunks[chunk].completeExceptionally(e);
        }
        return true;
    }
}
