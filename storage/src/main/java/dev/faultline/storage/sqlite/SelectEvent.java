package dev.faultline.storage.sqlite;

import dev.faultline.core.ingest.Payload;
import dev.faultline.core.store.StoredEvent;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** One event in full, its report decoded. */
record SelectEvent(long eventId) {
    private static final String SQL = "SELECT id, app_id, group_id, protocol, received_at, install_id, log_id,"
            + " payload_size, payload FROM events WHERE id = :eventId";

    Optional<StoredEvent> execute(Handle handle) {
        return handle.createQuery(SQL)
                .bind("eventId", eventId)
                .map((row, context) -> new StoredEvent(
                        row.getLong(1),
                        row.getLong(2),
                        row.getLong(3),
                        row.getString(4),
                        Instant.ofEpochMilli(row.getLong(5)),
                        row.getString(6),
                        row.getString(7),
                        Payload.ofCompressed(row.getBytes(9), row.getInt(8))))
                .findOne();
    }
}
