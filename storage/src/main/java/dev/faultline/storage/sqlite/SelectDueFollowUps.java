package dev.faultline.storage.sqlite;

import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.notify.FollowUp;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Follow-up sequences due by {@code now}, earliest first, with their groups' counts and status. */
record SelectDueFollowUps(Instant now, int limit) {
    static final String SELECT = "SELECT f.group_id, f.app_id, f.started_at, f.step, f.next_at,"
            + " f.occurrences AS occurrences_before, g.occurrences, g.status"
            + " FROM follow_ups f JOIN error_groups g ON g.id = f.group_id"
            + " WHERE f.next_at <= :now ORDER BY f.next_at, f.group_id LIMIT :limit";

    List<FollowUp> execute(Handle handle) {
        return handle.createQuery(SELECT)
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map((row, context) -> new FollowUp(
                        row.getLong("group_id"),
                        row.getLong("app_id"),
                        Instant.ofEpochMilli(row.getLong("started_at")),
                        row.getInt("step"),
                        Instant.ofEpochMilli(row.getLong("next_at")),
                        row.getLong("occurrences_before"),
                        row.getLong("occurrences"),
                        GroupStatus.fromCode(row.getString("status"))))
                .list();
    }
}
