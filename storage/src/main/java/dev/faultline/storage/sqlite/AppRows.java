package dev.faultline.storage.sqlite;

import dev.faultline.core.model.App;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Reads {@code apps} rows. */
final class AppRows {
    static final String COLUMNS =
            "id, name, api_key, app_secret, created_at, rate_limit_per_minute, team_id, retention_days";

    private AppRows() {}

    static App app(ResultSet row) throws SQLException {
        int rateLimit = row.getInt("rate_limit_per_minute");
        boolean unlimited = row.wasNull();
        int retentionDays = row.getInt("retention_days");
        boolean keptForever = row.wasNull();
        return new App(
                row.getLong("id"),
                row.getString("name"),
                row.getString("api_key"),
                row.getString("app_secret"),
                Instant.ofEpochMilli(row.getLong("created_at")),
                unlimited ? null : rateLimit,
                row.getLong("team_id"),
                keptForever ? null : retentionDays);
    }
}
