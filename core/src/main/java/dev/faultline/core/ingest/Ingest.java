package dev.faultline.core.ingest;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.grouping.Fingerprint;
import dev.faultline.core.model.Report;

/**
 * A report accepted for an app, with its fingerprint and original payload: everything the writer
 * needs to store it. Built on the request thread so that the writer only writes.
 */
public record Ingest(long appId, Report report, Fingerprint fingerprint, Payload payload) implements IngestItem {

    public Ingest {
        requireNonNull(report, "report");
        requireNonNull(fingerprint, "fingerprint");
        requireNonNull(payload, "payload");
    }
}
