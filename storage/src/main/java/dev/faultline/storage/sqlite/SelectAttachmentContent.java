package dev.faultline.storage.sqlite;

import dev.faultline.core.store.AttachmentContent;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** One attachment of an event with its content; empty when it is not that event's. */
record SelectAttachmentContent(long eventId, String attachmentId) {
    private static final String SQL = "SELECT " + AttachmentRows.COLUMNS + ", a.data" + AttachmentRows.OF_EVENT
            + " AND a.attachment_id = :attachmentId";

    Optional<AttachmentContent> execute(Handle handle) {
        return handle.createQuery(SQL)
                .bind("eventId", eventId)
                .bind("attachmentId", attachmentId)
                .map((row, context) -> new AttachmentContent(AttachmentRows.attachment(row), row.getBytes("data")))
                .findOne();
    }
}
