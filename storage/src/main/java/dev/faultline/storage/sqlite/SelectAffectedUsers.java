package dev.faultline.storage.sqlite;

import dev.faultline.core.store.Page;
import dev.faultline.storage.internal.Cursors;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * One page of the users a group affected, keyset-paged along the primary key of {@code
 * group_users} (group, user key): by user key, which the SPI does not promise.
 */
record SelectAffectedUsers(long groupId, String cursor, int limit) {
    private static final String CURSOR_KIND = "u";

    SelectAffectedUsers {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    Page<String> execute(Handle handle) {
        String after = cursor == null ? null : Cursors.decodeText(cursor, CURSOR_KIND);
        Query select = handle.createQuery("SELECT user_key FROM group_users WHERE group_id = :groupId"
                        + (after == null ? "" : " AND user_key > :after")
                        + " ORDER BY user_key LIMIT :limit")
                .bind("groupId", groupId)
                .bind("limit", limit + 1L);
        if (after != null) {
            select.bind("after", after);
        }
        List<String> rows = select.mapTo(String.class).list();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<String> page = rows.subList(0, limit);
        return new Page<>(page, Cursors.encodeText(CURSOR_KIND, page.getLast()));
    }
}
