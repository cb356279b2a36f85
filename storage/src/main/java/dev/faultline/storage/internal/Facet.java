package dev.faultline.storage.internal;

import java.util.Locale;

/**
 * What a group's reports are counted by besides versions and hours, for the listing's filters and
 * the detail's breakdowns: the device's operating system name, its model, and each tag.
 */
public enum Facet {
    OS,
    DEVICE,
    TAG;

    /** The most characters of a value that are kept. */
    public static final int VALUE_LENGTH = 200;

    /** The lower-case name used in the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
