package dev.faultline.core.model;

import java.util.Locale;

/**
 * Where an error group stands in triage. "Resolved in version X" is {@link #RESOLVED} with {@link
 * Group#resolvedInVersion()} set.
 */
public enum GroupStatus {
    /** Needs attention; every new group starts here, and a regression returns here. */
    ACTIVE,
    /** Fixed; a new report makes it active again (a regression). */
    RESOLVED,
    /** Not worth attention for now; new reports are counted and change nothing. */
    IGNORED,
    /**
     * Never worth attention; new reports are counted, or discarded and counted as dropped when the
     * group's {@link Group#discardNew()} is set.
     */
    PERMANENTLY_IGNORED;

    /** The lower-case name used in the API and the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GroupStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
