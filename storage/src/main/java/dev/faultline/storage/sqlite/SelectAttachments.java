package dev.faultline.storage.sqlite;

import dev.faultline.core.store.Attachment;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** An event's attachments, oldest first, without their content (the blob is never read). */
record SelectAttachments(long eventId) {
    private static final String SQL =
            "SELECT " + AttachmentRows.COLUMNS + AttachmentRows.OF_EVENT + " ORDER BY a.received_at, a.id";

    List<Attachment> execute(Handle handle) {
        return handle.createQuery(SQL)
                .bind("eventId", eventId)
                .map((row, context) -> AttachmentRows.attachment(row))
                .list();
    }
}
