package dev.faultline.storage.sqlite;

import dev.faultline.core.model.GroupStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Finds a group by app, algorithm and fingerprint, with its triage state. */
record SelectGroupState(GroupKey key) implements WriteStatement<Optional<GroupState>> {
    private static final String SQL = "SELECT id, status, resolved_in_version, discard_new FROM error_groups"
            + " WHERE app_id = ? AND grouping_version = ? AND fingerprint = ?";

    @Override
    public Optional<GroupState> execute(StatementCache statements) throws SQLException {
        PreparedStatement statement = statements.prepare(SQL);
        statement.setLong(1, key.appId());
        statement.setString(2, key.algorithm());
        statement.setString(3, key.hash());
        try (ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new GroupState(
                    rows.getLong(1), GroupStatus.fromCode(rows.getString(2)), rows.getString(3), rows.getBoolean(4)));
        }
    }
}
