package dev.faultline.storage.sqlite;

import dev.faultline.storage.internal.BatchCounters.GroupDelta;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Adds a batch's occurrences, new users and seen times to its groups: one row update per group. */
record UpdateGroupCounters(List<GroupDelta> groups) implements WriteStatement<Void> {
    private static final String SQL = "UPDATE error_groups SET occurrences = occurrences + ?,"
            + " user_count = user_count + ?, first_seen = min(first_seen, ?), last_seen = max(last_seen, ?)"
            + " WHERE id = ?";

    @Override
    public Void execute(StatementCache statements) throws SQLException {
        if (groups.isEmpty()) {
            return null;
        }
        PreparedStatement statement = statements.prepare(SQL);
        for (GroupDelta group : groups) {
            statement.setLong(1, group.count());
            statement.setLong(2, group.newUsers());
            statement.setLong(3, group.firstSeen());
            statement.setLong(4, group.lastSeen());
            statement.setLong(5, group.groupId());
            statement.addBatch();
        }
        statement.executeBatch();
        return null;
    }

    @Override
    public String toString() {
        return "UpdateGroupCounters[" + groups.size() + " groups]";
    }
}
