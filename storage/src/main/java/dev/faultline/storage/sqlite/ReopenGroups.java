package dev.faultline.storage.sqlite;

import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.store.Activity;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Sets groups that regressed active again, clearing the version they were resolved in, and
 * records each regression in the group's activity, by Faultline itself (no actor).
 */
record ReopenGroups(List<Regression> regressions, Instant at) implements WriteStatement<Void> {
    private static final String REOPEN =
            "UPDATE error_groups SET status = ?, resolved_in_version = NULL, discard_new = 0 WHERE id = ?";
    private static final String RECORD =
            "INSERT INTO group_activity (group_id, at, kind, status, text) VALUES (?, ?, ?, ?, ?)";

    /** @param version the version of the report that reopened the group, or null */
    record Regression(long groupId, String version) {}

    @Override
    public Void execute(StatementCache statements) throws SQLException {
        if (regressions.isEmpty()) {
            return null;
        }
        PreparedStatement reopen = statements.prepare(REOPEN);
        PreparedStatement record = statements.prepare(RECORD);
        for (Regression regression : regressions) {
            reopen.setString(1, GroupStatus.ACTIVE.code());
            reopen.setLong(2, regression.groupId());
            reopen.addBatch();
            record.setLong(1, regression.groupId());
            record.setLong(2, at.toEpochMilli());
            record.setString(3, Activity.Kind.REGRESSED.code());
            record.setString(4, GroupStatus.ACTIVE.code());
            record.setString(5, regression.version());
            record.addBatch();
        }
        reopen.executeBatch();
        record.executeBatch();
        return null;
    }

    @Override
    public String toString() {
        return "ReopenGroups" + regressions;
    }
}
