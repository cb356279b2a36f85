package dev.faultline.server.ingest;

import dev.faultline.core.ingest.DropReason;
import java.time.Duration;

/**
 * Why a request was refused, how to answer it, and how many reports it cost.
 *
 * @param retryAfter sent as {@code Retry-After} when not null
 */
public record Rejection(DropReason reason, String message, Duration retryAfter) {

    public static Rejection of(DropReason reason, String message) {
        return new Rejection(reason, message, null);
    }

    /** Thrown inside an endpoint to answer with a rejection. */
    public static final class RejectedException extends Exception {
        private final transient Rejection rejection;
        private final int reports;

        public RejectedException(Rejection rejection, int reports) {
            super(rejection.message(), null, false, false);
            this.rejection = rejection;
            this.reports = reports;
        }

        public Rejection rejection() {
            return rejection;
        }

        /** How many reports the request carried (counted as dropped). */
        public int reports() {
            return reports;
        }
    }
}
