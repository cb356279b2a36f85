package dev.faultline.storage.sqlite;

import dev.faultline.core.model.Group;
import dev.faultline.core.model.GroupStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Reads {@code error_groups} rows. */
final class GroupRows {
    static final String COLUMNS = "id, app_id, grouping_version, fingerprint, title, class_name, message, status,"
            + " first_seen, last_seen, occurrences, user_count, resolved_in_version, assignee_id, discard_new";

    /** How many versions {@link Group#versions()} lists. */
    static final int GROUP_VERSIONS = 20;

    private GroupRows() {}

    static Group group(ResultSet row) throws SQLException {
        long assigneeId = row.getLong("assignee_id");
        boolean unassigned = row.wasNull();
        return new Group(
                row.getLong("id"),
                row.getLong("app_id"),
                row.getString("grouping_version"),
                row.getString("fingerprint"),
                row.getString("title"),
                row.getString("class_name"),
                row.getString("message"),
                GroupStatus.fromCode(row.getString("status")),
                Instant.ofEpochMilli(row.getLong("first_seen")),
                Instant.ofEpochMilli(row.getLong("last_seen")),
                row.getLong("occurrences"),
                row.getLong("user_count"),
                List.of(),
                row.getString("resolved_in_version"),
                unassigned ? null : assigneeId,
                row.getBoolean("discard_new"));
    }
}
