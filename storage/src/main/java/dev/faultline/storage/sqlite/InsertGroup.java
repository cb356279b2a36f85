package dev.faultline.storage.sqlite;

import dev.faultline.core.model.ErrorInfo;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.storage.internal.Texts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Creates a group from its first report, with no occurrences yet: {@link UpdateGroupCounters}
 * counts the batch's reports, the first one included.
 *
 * @param seen when the first report was seen, epoch milliseconds
 */
record InsertGroup(GroupKey key, ErrorInfo error, long seen) implements WriteStatement<Long> {
    private static final String SQL = "INSERT INTO error_groups (app_id, grouping_version, fingerprint, title,"
            + " class_name, message, status, first_seen, last_seen, occurrences, user_count)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0) RETURNING id";

    @Override
    public Long execute(StatementCache statements) throws SQLException {
        PreparedStatement statement = statements.prepare(SQL);
        statement.setLong(1, key.appId());
        statement.setString(2, key.algorithm());
        statement.setString(3, key.hash());
        statement.setString(4, Texts.title(error));
        statement.setString(5, Texts.cut(error.type(), Texts.CLASS_NAME_LENGTH));
        statement.setString(6, Texts.cut(error.message(), Texts.MESSAGE_LENGTH));
        statement.setString(7, GroupStatus.ACTIVE.code());
        statement.setLong(8, seen);
        statement.setLong(9, seen);
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public String toString() {
        return "InsertGroup[" + key + ", title=" + Texts.title(error) + ", seen=" + seen + "]";
    }
}
