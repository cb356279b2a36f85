package dev.faultline.storage.sqlite;

import dev.faultline.storage.internal.BatchCounters.VersionDelta;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Adds a batch's occurrences and seen times to each group's application versions. */
record UpsertGroupVersions(List<VersionDelta> versions) implements WriteStatement<Void> {
    private static final String SQL =
            "INSERT INTO group_versions (group_id, version, occurrences, first_seen, last_seen)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (group_id, version) DO UPDATE SET"
                    + " occurrences = occurrences + excluded.occurrences,"
                    + " first_seen = min(first_seen, excluded.first_seen),"
                    + " last_seen = max(last_seen, excluded.last_seen)";

    @Override
    public Void execute(StatementCache statements) throws SQLException {
        if (versions.isEmpty()) {
            return null;
        }
        PreparedStatement statement = statements.prepare(SQL);
        for (VersionDelta version : versions) {
            statement.setLong(1, version.groupId());
            statement.setString(2, version.version());
            statement.setLong(3, version.count());
            statement.setLong(4, version.firstSeen());
            statement.setLong(5, version.lastSeen());
            statement.addBatch();
        }
        statement.executeBatch();
        return null;
    }

    @Override
    public String toString() {
        return "UpsertGroupVersions[" + versions.size() + " versions]";
    }
}
