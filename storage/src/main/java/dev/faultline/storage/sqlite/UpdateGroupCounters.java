package dev.faultline.storage.sqlite;

import dev.faultline.storage.internal.BatchCounters.GroupDelta;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Adds a batch's occurrences, new users and seen times to its groups. Every sort column is indexed,
 * and SQLite rewrites a row's entry in every index of a column the UPDATE assigns, changed or not.
 * So the user count is only assigned to groups that gained users, and the first seen time by a
 * separate UPDATE whose WHERE matches only the rare group that a report older than its first one
 * reached: checking costs a lookup, rewriting two index entries costs several.
 */
record UpdateGroupCounters(List<GroupDelta> groups) implements WriteStatement<Void> {
    private static final String COUNT =
            "UPDATE error_groups SET occurrences = occurrences + ?," + " last_seen = max(last_seen, ?) WHERE id = ?";
    private static final String COUNT_WITH_USERS = "UPDATE error_groups SET occurrences = occurrences + ?,"
            + " last_seen = max(last_seen, ?), user_count = user_count + ? WHERE id = ?";
    private static final String FIRST_SEEN = "UPDATE error_groups SET first_seen = ? WHERE id = ? AND first_seen > ?";

    @Override
    public Void execute(StatementCache statements) throws SQLException {
        if (groups.isEmpty()) {
            return null;
        }
        PreparedStatement count = statements.prepare(COUNT);
        PreparedStatement countWithUsers = statements.prepare(COUNT_WITH_USERS);
        PreparedStatement firstSeen = statements.prepare(FIRST_SEEN);
        boolean withUsers = false;
        for (GroupDelta group : groups) {
            if (group.newUsers() > 0) {
                countWithUsers.setLong(1, group.count());
                countWithUsers.setLong(2, group.lastSeen());
                countWithUsers.setLong(3, group.newUsers());
                countWithUsers.setLong(4, group.groupId());
                countWithUsers.addBatch();
                withUsers = true;
            } else {
                count.setLong(1, group.count());
                count.setLong(2, group.lastSeen());
                count.setLong(3, group.groupId());
                count.addBatch();
            }
            firstSeen.setLong(1, group.firstSeen());
            firstSeen.setLong(2, group.groupId());
            firstSeen.setLong(3, group.firstSeen());
            firstSeen.addBatch();
        }
        count.executeBatch();
        if (withUsers) {
            countWithUsers.executeBatch();
        }
        firstSeen.executeBatch();
        return null;
    }

    @Override
    public String toString() {
        return "UpdateGroupCounters[" + groups.size() + " groups]";
    }
}
