package dev.faultline.core.store;

import java.time.Instant;

/**
 * A stored attachment, without its content.
 *
 * @param id the client's id of the attachment
 * @param errorId the log id of the report it belongs to
 * @param fileName the file's name, or null
 * @param size the content's length in bytes
 */
public record Attachment(
        String id, String errorId, String contentType, String fileName, long size, Instant receivedAt) {

    /** The file name Breakpad-based SDKs give a native crash's minidump. */
    public static final String MINIDUMP_FILE_NAME = "minidump.dmp";

    /** Whether this is a native crash's minidump. */
    public boolean minidump() {
        return MINIDUMP_FILE_NAME.equalsIgnoreCase(fileName);
    }
}
