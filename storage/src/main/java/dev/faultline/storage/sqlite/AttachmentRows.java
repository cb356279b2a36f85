package dev.faultline.storage.sqlite;

import dev.faultline.core.store.Attachment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Reads {@code attachments} rows, joined to the event they belong to: those of the event's app
 * whose error id is the event's log id.
 */
final class AttachmentRows {
    static final String COLUMNS = "a.attachment_id, a.error_id, a.content_type, a.file_name, a.size, a.received_at";

    /** An event's attachments; an event without a log id has none, since NULL equals nothing. */
    static final String OF_EVENT =
            " FROM events e JOIN attachments a ON a.app_id = e.app_id AND a.error_id = e.log_id WHERE e.id = :eventId";

    private AttachmentRows() {}

    static Attachment attachment(ResultSet row) throws SQLException {
        return new Attachment(
                row.getString("attachment_id"),
                row.getString("error_id"),
                row.getString("content_type"),
                row.getString("file_name"),
                row.getLong("size"),
                Instant.ofEpochMilli(row.getLong("received_at")));
    }
}
