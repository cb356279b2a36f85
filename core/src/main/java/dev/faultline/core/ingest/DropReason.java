package dev.faultline.core.ingest;

import java.util.Locale;

/**
 * Why a report was not stored. Every rejected or dropped report is counted under exactly one of
 * these, per app (or under app 0 when no app could be identified).
 */
public enum DropReason {
    /** The body, or an entry of a bulk array, is not JSON. */
    INVALID_JSON,
    /** JSON, but a required field is missing or has an unusable value. */
    INVALID_REPORT,
    /** An invalid App Center log inside an otherwise readable batch. */
    INVALID_LOG,
    /**
     * An App Center log whose timestamp lies outside the accepted window (by default at most 25
     * days in the past and 3 days in the future, as App Center itself enforced).
     */
    TIMESTAMP_OUT_OF_RANGE,
    /** Larger than the configured size limit. */
    TOO_LARGE,
    /** No API key or app secret was sent. */
    MISSING_KEY,
    /** The key or secret matches no app. */
    UNKNOWN_KEY,
    /** The app's rate limit was exceeded. */
    RATE_LIMITED,
    /** The writer's queue was full. */
    OVERLOADED,
    /** The store failed to commit the report. */
    STORAGE_ERROR,
    /** Its group is permanently ignored with new reports discarded. */
    DISCARDED;

    /** The snake_case code used in error bodies, the API and the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DropReason fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
