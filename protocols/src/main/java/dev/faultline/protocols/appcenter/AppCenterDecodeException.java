package dev.faultline.protocols.appcenter;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.ingest.DropReason;

/** A body that cannot be read as a batch of logs at all; the whole request is refused. */
public final class AppCenterDecodeException extends Exception {
    private final DropReason reason;

    public AppCenterDecodeException(DropReason reason, String message) {
        super(message, null, false, false);
        this.reason = requireNonNull(reason, "reason");
    }

    public DropReason reason() {
        return reason;
    }
}
