package dev.faultline.storage.sqlite;

import dev.faultline.core.notify.EventType;
import dev.faultline.core.notify.Webhook;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads and writes {@code webhooks} rows. */
final class WebhookRows {
    static final String COLUMNS = "id, app_id, url, enabled, events, secret, style, created_at";

    private WebhookRows() {}

    static Webhook webhook(ResultSet row) throws SQLException {
        return new Webhook(
                row.getLong("id"),
                row.getLong("app_id"),
                row.getString("url"),
                row.getBoolean("enabled"),
                events(row.getString("events")),
                row.getString("secret"),
                Webhook.Style.valueOf(row.getString("style").toUpperCase(Locale.ROOT)),
                Instant.ofEpochMilli(row.getLong("created_at")));
    }

    /** The column's comma-separated wire names, in the enum's order. */
    static String events(Collection<EventType> events) {
        return events.stream().sorted().map(EventType::wireName).collect(Collectors.joining(","));
    }

    static String style(Webhook.Style style) {
        return style.name().toLowerCase(Locale.ROOT);
    }

    /** Names no longer known (from a later version) are skipped. */
    private static Set<EventType> events(String column) {
        return Arrays.stream(column.split(","))
                .map(EventType::fromWireName)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
    }
}
