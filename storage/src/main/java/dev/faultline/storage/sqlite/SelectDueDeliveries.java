package dev.faultline.storage.sqlite;

import dev.faultline.core.notify.Delivery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Pending deliveries due by {@code now}, oldest first, each the oldest pending one of its webhook
 * and group: a later notification of a group waits while an earlier one is retried, so that a
 * receiver sees a group's notifications in order. Both conditions walk partial indexes holding
 * only pending rows. Deliveries of a disabled webhook are left out but stay pending, so that they go
 * out when it is enabled again (one probe of the webhook's primary key per pending row walked).
 */
record SelectDueDeliveries(Instant now, int limit) {
    static final String PICKED = "SELECT d.id FROM webhook_deliveries d"
            + " WHERE d.state = 'pending' AND d.due_at <= :now"
            + " AND EXISTS (SELECT 1 FROM webhooks w WHERE w.id = d.webhook_id AND w.enabled = 1)"
            + " AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.state = 'pending'"
            + " AND e.webhook_id = d.webhook_id AND e.group_id = d.group_id AND e.id < d.id)"
            + " ORDER BY d.due_at, d.id LIMIT :limit";

    List<Delivery> execute(Handle handle) {
        return DeliveryRows.list(handle, PICKED, "d.due_at, d.id", Map.of("now", now.toEpochMilli(), "limit", limit));
    }
}
