package dev.faultline.protocols.raygun;

/**
 * A required field of an entry is missing or unusable. Thrown inside the mapper and turned into
 * {@link Decoded.Rejected} with reason {@code INVALID_REPORT} by the decoder; it never leaves this
 * package. No stack trace: it is control flow on the ingest path, not a bug.
 */
final class InvalidEntryException extends RuntimeException {

    InvalidEntryException(String message) {
        super(message, null, false, false);
    }
}
