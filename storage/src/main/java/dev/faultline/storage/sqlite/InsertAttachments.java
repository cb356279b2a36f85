package dev.faultline.storage.sqlite;

import dev.faultline.core.ingest.AttachmentUpload;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts a batch's attachments in one JDBC batch, each unless its app already has one with its
 * id (stored earlier, or earlier in this batch); answers which ones were new, in order. Nothing
 * links an attachment to its event here: reads join on the error id, so the report may come later.
 */
record InsertAttachments(List<AttachmentUpload> attachments) implements WriteStatement<boolean[]> {
    private static final String SQL = "INSERT INTO attachments (app_id, attachment_id, error_id, content_type,"
            + " file_name, size, received_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (app_id, attachment_id) DO NOTHING";

    @Override
    public boolean[] execute(StatementCache statements) throws SQLException {
        if (attachments.isEmpty()) {
            return new boolean[0];
        }
        PreparedStatement statement = statements.prepare(SQL);
        for (AttachmentUpload attachment : attachments) {
            statement.setLong(1, attachment.appId());
            statement.setString(2, attachment.attachmentId());
            statement.setString(3, attachment.errorId());
            statement.setString(4, attachment.contentType());
            statement.setString(5, attachment.fileName());
            statement.setLong(6, attachment.data().length);
            statement.setLong(7, attachment.receivedAt().toEpochMilli());
            statement.setBytes(8, attachment.data());
            statement.addBatch();
        }
        int[] counts = statement.executeBatch();
        boolean[] inserted = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            inserted[i] = counts[i] > 0;
        }
        return inserted;
    }

    @Override
    public String toString() {
        return "InsertAttachments[" + attachments.size() + " attachments]";
    }
}
