package dev.faultline.storage.sqlite;

import dev.faultline.core.store.EventSummary;
import dev.faultline.core.store.Page;
import dev.faultline.storage.internal.Cursors;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** One page of a group's events, newest (highest id) first, keyset-paged by id. */
record SelectEventPage(long groupId, String cursor, int limit) {
    private static final String CURSOR_KIND = "e";

    SelectEventPage {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    Page<EventSummary> execute(Handle handle) {
        Long before = cursor == null ? null : Cursors.decode(cursor, CURSOR_KIND, 1)[0];
        Query select = handle.createQuery("SELECT id, group_id, occurred_at, received_at, class_name, message,"
                        + " version, user_key FROM events WHERE group_id = :groupId"
                        + (before == null ? "" : " AND id < :before")
                        + " ORDER BY id DESC LIMIT :limit")
                .bind("groupId", groupId)
                .bind("limit", limit + 1L);
        if (before != null) {
            select.bind("before", before.longValue());
        }
        List<EventSummary> rows = select.map((row, context) -> new EventSummary(
                        row.getLong(1),
                        row.getLong(2),
                        Instant.ofEpochMilli(row.getLong(3)),
                        Instant.ofEpochMilli(row.getLong(4)),
                        row.getString(5),
                        row.getString(6),
                        row.getString(7),
                        row.getString(8)))
                .list();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<EventSummary> page = rows.subList(0, limit);
        return new Page<>(page, Cursors.encode(CURSOR_KIND, page.getLast().id()));
    }
}
