package dev.faultline.protocols.raygun;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.ingest.DropReason;

/** A bulk body that cannot be read as an array of entries at all. {@link #getMessage()} is for the client. */
public final class RaygunDecodeException extends Exception {
    private final DropReason reason;

    RaygunDecodeException(DropReason reason, String message) {
        super(requireNonNull(message, "message"), null, false, false);
        this.reason = requireNonNull(reason, "reason");
    }

    public DropReason reason() {
        return reason;
    }
}
