package dev.faultline.storage.sqlite;

import dev.faultline.core.ingest.Payload;
import dev.faultline.core.model.Report;
import dev.faultline.storage.internal.Texts;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts a batch's events in one JDBC batch. The writer chooses the ids (it holds the write lock,
 * so nobody else can take them), which lets it answer every report without reading generated keys
 * back. Only the columns the listings need and the original payload are stored: the normalized
 * report is derived from the payload on read, so the write path encodes nothing twice.
 */
record InsertEvents(List<NewEvent> events) implements WriteStatement<Void> {
    private static final String SQL = "INSERT INTO events (id, app_id, group_id, occurred_at, received_at,"
            + " class_name, message, version, user_key, log_id, protocol, payload_size, payload, install_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Override
    public Void execute(StatementCache statements) throws SQLException {
        if (events.isEmpty()) {
            return null;
        }
        PreparedStatement statement = statements.prepare(SQL);
        for (NewEvent event : events) {
            Report report = event.ingest().report();
            Payload payload = event.ingest().payload();
            statement.setLong(1, event.id());
            statement.setLong(2, event.ingest().appId());
            statement.setLong(3, event.groupId());
            statement.setLong(4, report.occurredAt().toEpochMilli());
            statement.setLong(5, report.receivedAt().toEpochMilli());
            statement.setString(6, Texts.cut(report.error().type(), Texts.CLASS_NAME_LENGTH));
            statement.setString(7, Texts.cut(report.error().message(), Texts.MESSAGE_LENGTH));
            statement.setString(8, report.version());
            statement.setString(9, report.userKey());
            statement.setString(10, report.logId());
            statement.setString(11, report.protocol());
            statement.setInt(12, payload.size());
            statement.setBytes(13, payload.compressed());
            statement.setString(14, installId(report));
            statement.addBatch();
        }
        statement.executeBatch();
        return null;
    }

    private static String installId(Report report) {
        return report.device() == null ? null : report.device().installId();
    }

    @Override
    public String toString() {
        return events.isEmpty()
                ? "InsertEvents[none]"
                : "InsertEvents[" + events.size() + " events, ids "
                        + events.getFirst().id() + ".." + events.getLast().id() + "]";
    }
}
