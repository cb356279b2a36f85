package dev.faultline.storage.sqlite;

import dev.faultline.core.store.Store.DropKey;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/** Adds to the per-app drop counters. */
record UpsertDrops(Map<DropKey, Long> counts) implements WriteStatement<Void> {
    private static final String SQL = "INSERT INTO drops (app_id, reason, dropped) VALUES (?, ?, ?)"
            + " ON CONFLICT (app_id, reason) DO UPDATE SET dropped = dropped + excluded.dropped";

    @Override
    public Void execute(StatementCache statements) throws SQLException {
        PreparedStatement statement = statements.prepare(SQL);
        for (Map.Entry<DropKey, Long> count : counts.entrySet()) {
            statement.setLong(1, count.getKey().appId());
            statement.setString(2, count.getKey().reason().code());
            statement.setLong(3, count.getValue());
            statement.addBatch();
        }
        statement.executeBatch();
        return null;
    }
}
