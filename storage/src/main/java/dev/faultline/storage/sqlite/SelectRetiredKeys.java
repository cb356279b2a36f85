package dev.faultline.storage.sqlite;

import dev.faultline.core.store.Store.RetiredKey;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** An app's retired keys that still work at {@code now}, the soonest to stop first. */
record SelectRetiredKeys(long appId, Instant now) {
    private static final String SQL = "SELECT kind, key, expires_at FROM retired_keys"
            + " WHERE app_id = :appId AND expires_at > :now ORDER BY expires_at, kind, key";

    List<RetiredKey> execute(Handle handle) {
        return handle.createQuery(SQL)
                .bind("appId", appId)
                .bind("now", now.toEpochMilli())
                .map((row, context) ->
                        new RetiredKey(row.getString(1), row.getString(2), Instant.ofEpochMilli(row.getLong(3))))
                .list();
    }
}
