package dev.faultline.storage.sqlite;

import dev.faultline.core.notify.Delivery;
import dev.faultline.core.notify.EventType;
import dev.faultline.core.notify.Notification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Reads deliveries with their notifications: a query picks the ids of {@code webhook_deliveries}
 * rows, and this joins their columns and notifications and unpacks the details with SQLite's
 * {@code json_each}, one row per detail.
 */
final class DeliveryRows {
    private static final String SELECT = "SELECT d.id, d.webhook_id, d.state, d.due_at, d.attempts,"
            + " d.last_status, d.last_error, d.last_duration_ms, d.delivered_at, n.id AS notification_id,"
            + " n.app_id, n.group_id, n.event_id, n.type, n.at, j.key AS detail_key, j.value AS detail_value"
            + " FROM (%s) p JOIN webhook_deliveries d ON d.id = p.id"
            + " JOIN notifications n ON n.id = d.notification_id"
            + " LEFT JOIN json_each(n.details) j"
            + " ORDER BY %s";

    private DeliveryRows() {}

    /**
     * The deliveries whose ids {@code picked} selects, sorted by {@code order} (over the columns of
     * {@code webhook_deliveries d}, ending with {@code d.id}).
     */
    static List<Delivery> list(Handle handle, String picked, String order, Map<String, ?> parameters) {
        return handle.createQuery(SELECT.formatted(picked, order))
                .bindMap(parameters)
                .scanResultSet((rows, context) -> collect(rows.get()));
    }

    private static List<Delivery> collect(ResultSet rows) throws SQLException {
        List<Delivery> deliveries = new ArrayList<>();
        long current = -1;
        Function<Map<String, String>, Delivery> delivery = null;
        Map<String, String> details = new HashMap<>();
        while (rows.next()) {
            long id = rows.getLong("id");
            if (id != current) {
                if (delivery != null) {
                    deliveries.add(delivery.apply(details));
                }
                current = id;
                delivery = delivery(rows);
                details = new HashMap<>();
            }
            String key = rows.getString("detail_key");
            if (key != null) {
                details.put(key, rows.getString("detail_value"));
            }
        }
        if (delivery != null) {
            deliveries.add(delivery.apply(details));
        }
        return deliveries;
    }

    /** The delivery of the current row, waiting for its notification's details. */
    private static Function<Map<String, String>, Delivery> delivery(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        long webhookId = row.getLong("webhook_id");
        long notificationId = row.getLong("notification_id");
        long appId = row.getLong("app_id");
        long groupId = row.getLong("group_id");
        Long eventId = Columns.nullableLong(row, "event_id");
        EventType type = EventType.fromWireName(row.getString("type")).orElseThrow();
        Instant at = Instant.ofEpochMilli(row.getLong("at"));
        Delivery.State state = Delivery.State.valueOf(row.getString("state").toUpperCase(Locale.ROOT));
        Instant dueAt = Instant.ofEpochMilli(row.getLong("due_at"));
        int attempts = row.getInt("attempts");
        Long lastStatus = Columns.nullableLong(row, "last_status");
        String lastError = row.getString("last_error");
        Long lastDuration = Columns.nullableLong(row, "last_duration_ms");
        Long deliveredAt = Columns.nullableLong(row, "delivered_at");
        return details -> new Delivery(
                id,
                webhookId,
                new Notification(notificationId, appId, groupId, eventId, type, details, at),
                state,
                dueAt,
                attempts,
                lastStatus == null ? null : lastStatus.intValue(),
                lastError,
                lastDuration,
                deliveredAt == null ? null : Instant.ofEpochMilli(deliveredAt));
    }
}
