package dev.faultline.storage.sqlite;

import dev.faultline.core.store.Store.RetiredKey;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * An app's two kinds of key, the Raygun API key and the App Center secret: where each is kept, and
 * whether a value is taken. A value is taken while it is an app's current key, or another app's
 * retired key that still works: otherwise one value could name two apps.
 */
enum KeyKind {
    API_KEY(RetiredKey.API_KEY, "api_key", "api key already in use"),
    APP_SECRET(RetiredKey.APP_SECRET, "app_secret", "app secret already in use");

    /** The kind in {@code retired_keys}. */
    final String code;
    /** The column of {@code apps}. */
    final String column;
    /** The message when a value is taken. */
    final String taken;

    KeyKind(String code, String column, String taken) {
        this.code = code;
        this.column = column;
        this.taken = taken;
    }

    /** Whether {@code value} is taken for an app other than {@code appId} (0 for a new app). */
    boolean isTaken(Handle handle, String value, long appId, Instant now) {
        return handle.createQuery("SELECT 1 FROM apps WHERE " + column + " = :value"
                        + " UNION ALL SELECT 1 FROM retired_keys WHERE kind = :kind AND key = :value"
                        + " AND app_id <> :appId AND expires_at > :now LIMIT 1")
                .bind("value", value)
                .bind("kind", code)
                .bind("appId", appId)
                .bind("now", now.toEpochMilli())
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
    }
}
