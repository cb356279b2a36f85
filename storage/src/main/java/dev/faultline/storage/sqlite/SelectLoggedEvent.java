package dev.faultline.storage.sqlite;

import dev.faultline.core.ingest.Stored;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Finds the event stored earlier under a report's log id: the report is then a duplicate. */
record SelectLoggedEvent(long appId, String logId) implements WriteStatement<Optional<Stored>> {
    private static final String SQL = "SELECT id, group_id FROM events WHERE app_id = ? AND log_id = ?";

    @Override
    public Optional<Stored> execute(StatementCache statements) throws SQLException {
        PreparedStatement statement = statements.prepare(SQL);
        statement.setLong(1, appId);
        statement.setString(2, logId);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next()
                    ? Optional.of(new Stored(rows.getLong(1), rows.getLong(2), false, true))
                    : Optional.empty();
        }
    }
}
