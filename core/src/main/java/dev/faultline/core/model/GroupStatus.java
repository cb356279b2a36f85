package dev.faultline.core.model;

import java.util.Locale;

/** Where an error group stands in triage. */
public enum GroupStatus {
    ACTIVE;

    /** The lower-case name used in the API and the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GroupStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
