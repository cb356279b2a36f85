package dev.faultline.storage.sqlite;

import dev.faultline.core.model.App;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Creates an app, or fails with {@link IllegalArgumentException} naming what is wrong: its team
 * does not exist, or its API key or its app secret (already lower-case) is taken, also as another
 * app's retired key still in its grace period. Checks first, inside the writer's transaction, where
 * nobody can take them in between. Road not taken: inserting and reading the violated index's name
 * out of the driver's error message.
 *
 * @param teamId the owner, or null for the oldest team, made (named "Default") when there is none
 */
record InsertApp(Long teamId, String name, String apiKey, String appSecret, Instant createdAt) {
    private static final String SQL = "INSERT INTO apps (name, api_key, app_secret, created_at, team_id)"
            + " VALUES (:name, :apiKey, :appSecret, :createdAt, :teamId) RETURNING " + AppRows.COLUMNS;

    App execute(Handle handle) {
        long team = teamId == null ? oldestTeam(handle) : teamId;
        if (handle.createQuery("SELECT 1 FROM teams WHERE id = :id")
                .bind("id", team)
                .mapTo(Integer.class)
                .findOne()
                .isEmpty()) {
            throw new IllegalArgumentException("no team " + team);
        }
        if (KeyKind.API_KEY.isTaken(handle, apiKey, 0, createdAt)) {
            throw new IllegalArgumentException(KeyKind.API_KEY.taken);
        }
        if (KeyKind.APP_SECRET.isTaken(handle, appSecret, 0, createdAt)) {
            throw new IllegalArgumentException(KeyKind.APP_SECRET.taken);
        }
        return handle.createQuery(SQL)
                .bind("name", name)
                .bind("apiKey", apiKey)
                .bind("appSecret", appSecret)
                .bind("createdAt", createdAt.toEpochMilli())
                .bind("teamId", team)
                .map((row, context) -> AppRows.app(row))
                .one();
    }

    private long oldestTeam(Handle handle) {
        return handle.createQuery("SELECT id FROM teams ORDER BY id LIMIT 1")
                .mapTo(Long.class)
                .findOne()
                .orElseGet(() -> handle.createQuery(
                                "INSERT INTO teams (name, created_at) VALUES ('Default', :createdAt) RETURNING id")
                        .bind("createdAt", createdAt.toEpochMilli())
                        .mapTo(Long.class)
                        .one());
    }
}
