package dev.faultline.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/** Finds a group by app, algorithm and fingerprint. */
record SelectGroupId(GroupKey key) implements WriteStatement<OptionalLong> {
    private static final String SQL =
            "SELECT id FROM error_groups WHERE app_id = ? AND grouping_version = ? AND fingerprint = ?";

    @Override
    public OptionalLong execute(StatementCache statements) throws SQLException {
        PreparedStatement statement = statements.prepare(SQL);
        statement.setLong(1, key.appId());
        statement.setString(2, key.algorithm());
        statement.setString(3, key.hash());
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
        }
    }
}
