package dev.faultline.storage.sqlite;

import dev.faultline.core.model.App;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Gives an app a new key of one kind and keeps the old one working until {@code oldExpires}, in
 * {@code retired_keys}. The app's retired keys that no longer work are deleted on the way. Taking
 * back one of the app's own retired keys is allowed (it stops being retired); a value taken
 * otherwise, the current key included, fails with {@link IllegalArgumentException}.
 *
 * @param newValue the new key, lower-case when it is a secret
 */
record RotateKey(long appId, KeyKind kind, String newValue, Instant oldExpires, Instant now) {

    Optional<App> execute(Handle handle) {
        Optional<String> current = handle.createQuery("SELECT " + kind.column + " FROM apps WHERE id = :appId")
                .bind("appId", appId)
                .mapTo(String.class)
                .findOne();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        if (kind.isTaken(handle, newValue, appId, now)) {
            throw new IllegalArgumentException(kind.taken);
        }
        handle.createUpdate("DELETE FROM retired_keys WHERE app_id = :appId AND expires_at <= :now")
                .bind("appId", appId)
                .bind("now", now.toEpochMilli())
                .execute();
        handle.createUpdate("DELETE FROM retired_keys WHERE kind = :kind AND key = :key")
                .bind("kind", kind.code)
                .bind("key", newValue)
                .execute();
        if (oldExpires.isAfter(now)) {
            // another app's retired key that expired may still hold the row; it is replaced
            handle.createUpdate("INSERT INTO retired_keys (kind, key, app_id, expires_at)"
                            + " VALUES (:kind, :key, :appId, :expiresAt) ON CONFLICT (kind, key) DO UPDATE"
                            + " SET app_id = excluded.app_id, expires_at = excluded.expires_at")
                    .bind("kind", kind.code)
                    .bind("key", current.get())
                    .bind("appId", appId)
                    .bind("expiresAt", oldExpires.toEpochMilli())
                    .execute();
        }
        return handle.createQuery(
                        "UPDATE apps SET " + kind.column + " = :value WHERE id = :appId RETURNING " + AppRows.COLUMNS)
                .bind("value", newValue)
                .bind("appId", appId)
                .map((row, context) -> AppRows.app(row))
                .findOne();
    }
}
