package dev.faultline.storage.sqlite;

import dev.faultline.core.store.Store.Neighbours;
import org.jdbi.v3.core.Handle;

/**
 * The events just before and after one in its group, by id (the order of the event listing): two
 * steps along {@code events_by_group}, whose entries are (group_id, id).
 */
record SelectNeighbours(long eventId) {
    private static final String SQL = "SELECT"
            + " (SELECT max(id) FROM events WHERE group_id = e.group_id AND id < e.id),"
            + " (SELECT min(id) FROM events WHERE group_id = e.group_id AND id > e.id)"
            + " FROM events e WHERE e.id = :eventId";

    Neighbours execute(Handle handle) {
        return handle.createQuery(SQL)
                .bind("eventId", eventId)
                .map((row, context) -> new Neighbours(
                        row.getObject(1) == null ? null : row.getLong(1),
                        row.getObject(2) == null ? null : row.getLong(2)))
                .findOne()
                .orElse(new Neighbours(null, null));
    }
}
