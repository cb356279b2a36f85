package dev.faultline.server.ingest;

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
}
