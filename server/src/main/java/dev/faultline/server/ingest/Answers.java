package dev.faultline.server.ingest;

import dev.faultline.core.model.App;
import dev.faultline.server.http.JsonResponses;
import dev.faultline.server.ingest.Rejection.RejectedException;
import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** Answering an ingest request once its reports are durable. */
final class Answers {
    private Answers() {}

    /**
     * Answers from the thread that learns the outcome; no thread waits for the commit. A failure
     * that is a {@link RejectedException} goes to {@code reject}; anything else is a 500.
     */
    static void whenStored(
            Context ctx, CompletableFuture<?> stored, Runnable answer, Consumer<RejectedException> reject) {
        ctx.future(() -> stored.handle((ignored, error) -> {
            if (error == null) {
                answer.run();
            } else if (error.getCause() instanceof RejectedException rejected) {
                reject.accept(rejected);
            } else {
                throw new CompletionException(error);
            }
            return null;
        }));
    }

    /**
     * Counts a refused request's reports as dropped (under app 0 when no app is known) and answers
     * with {@code status}, {@code Retry-After} in whole seconds when the rejection has one (and, for
     * App Center's SDKs, {@code x-ms-retry-after-ms} in milliseconds), and the error body.
     */
    static void reject(
            Context ctx, Ingestor ingestor, App app, RejectedException e, int status, boolean retryAfterMillis) {
        Rejection rejection = e.rejection();
        ingestor.countDropped(app == null ? 0 : app.id(), rejection.reason(), e.reports());
        if (rejection.retryAfter() != null) {
            long millis = Math.max(1, rejection.retryAfter().toMillis());
            ctx.header("Retry-After", Long.toString((millis + 999) / 1000));
            if (retryAfterMillis) {
                ctx.header("x-ms-retry-after-ms", Long.toString(millis));
            }
        }
        JsonResponses.error(ctx, status, rejection.reason().code(), rejection.message());
    }
}
