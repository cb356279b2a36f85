package dev.faultline.storage.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The id the next event gets; only meaningful inside the write transaction that uses it. */
record SelectNextEventId() implements WriteStatement<Long> {
    private static final String SQL = "SELECT coalesce(max(id), 0) + 1 FROM events";

    @Override
    public Long execute(StatementCache statements) throws SQLException {
        try (ResultSet rows = statements.prepare(SQL).executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
