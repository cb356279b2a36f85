package dev.faultline.storage.sqlite;

import dev.faultline.core.model.App;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Creates an app, or fails with {@link IllegalArgumentException} naming what is taken: its API key
 * or its app secret (already lower-case). Checks both first, inside the writer's transaction, where
 * nobody can take them in between. Road not taken: inserting and reading the violated index's name
 * out of the driver's error message.
 */
record InsertApp(String name, String apiKey, String appSecret, Instant createdAt) {
    private static final String KEY_TAKEN = "SELECT 1 FROM apps WHERE api_key = :value";
    private static final String SECRET_TAKEN = "SELECT 1 FROM apps WHERE app_secret = :value";
    private static final String SQL = "INSERT INTO apps (name, api_key, app_secret, created_at)"
            + " VALUES (:name, :apiKey, :appSecret, :createdAt) RETURNING " + AppRows.COLUMNS;

    App execute(Handle handle) {
        if (exists(handle, KEY_TAKEN, apiKey)) {
            throw new IllegalArgumentException("api key already in use");
        }
        if (exists(handle, SECRET_TAKEN, appSecret)) {
            throw new IllegalArgumentException("app secret already in use");
        }
        return handle.createQuery(SQL)
                .bind("name", name)
                .bind("apiKey", apiKey)
                .bind("appSecret", appSecret)
                .bind("createdAt", createdAt.toEpochMilli())
                .map((row, context) -> AppRows.app(row))
                .one();
    }

    private static boolean exists(Handle handle, String sql, String value) {
        return handle.createQuery(sql)
                .bind("value", value)
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
    }
}
