package dev.faultline.core.store;

/** The report log's queue is full; the client should retry later. */
public final class OverloadedException extends RuntimeException {

    public OverloadedException(String message) {
        super(message, null, false, false);
    }
}
