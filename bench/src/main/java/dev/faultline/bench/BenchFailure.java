package dev.faultline.bench;

/** A run that cannot go on, such as a server that did not start; the message is shown to the user as is. */
final class BenchFailure extends RuntimeException {

    BenchFailure(String message) {
        super(message);
    }

    BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
