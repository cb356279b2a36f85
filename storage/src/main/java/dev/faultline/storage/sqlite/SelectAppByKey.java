package dev.faultline.storage.sqlite;

import dev.faultline.core.model.App;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The app whose current key of one kind is {@code value}, else the app that retired it, while it
 * still works at {@code now}: two index lookups, then one by id.
 */
record SelectAppByKey(KeyKind kind, String value, Instant now) {

    Optional<App> execute(Handle handle) {
        return handle.createQuery("SELECT " + AppRows.COLUMNS + " FROM apps WHERE id = coalesce("
                        + "(SELECT id FROM apps WHERE " + kind.column + " = :value),"
                        + " (SELECT app_id FROM retired_keys WHERE kind = :kind AND key = :value"
                        + " AND expires_at > :now))")
                .bind("value", value)
                .bind("kind", kind.code)
                .bind("now", now.toEpochMilli())
                .map((row, context) -> AppRows.app(row))
                .findOne();
    }
}
