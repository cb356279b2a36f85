package dev.faultline.storage.sqlite;

import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.store.Activity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;

/** Reads {@code group_activity} rows. */
final class ActivityRows {
    static final String COLUMNS =
            "id, group_id, at, kind, actor_id, actor_name, status, resolved_in_version, assignee_id, text";

    private ActivityRows() {}

    static Activity activity(ResultSet row) throws SQLException {
        String status = row.getString("status");
        return new Activity(
                row.getLong("id"),
                row.getLong("group_id"),
                Instant.ofEpochMilli(row.getLong("at")),
                Activity.Kind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)),
                Columns.nullableLong(row, "actor_id"),
                row.getString("actor_name"),
                status == null ? null : GroupStatus.fromCode(status),
                row.getString("resolved_in_version"),
                Columns.nullableLong(row, "assignee_id"),
                row.getString("text"));
    }
}
