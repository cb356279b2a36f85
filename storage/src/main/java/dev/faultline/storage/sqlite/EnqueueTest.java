package dev.faultline.storage.sqlite;

import dev.faultline.core.notify.Delivery;
import dev.faultline.core.notify.Notification;
import org.jdbi.v3.core.Handle;

/**
 * Writes a notification for one webhook's app and a delivery of it to that webhook only (a test
 * message), due at the notification's time. The notification is marked as a test, which keeps it
 * out of email alerts.
 */
record EnqueueTest(long webhookId, Notification notification) {
    private static final String INSERT_NOTIFICATION =
            "INSERT INTO notifications (app_id, group_id, event_id, type, details, at, test)"
                    + " VALUES (:appId, :groupId, :eventId, :type, :details, :at, 1) RETURNING id";
    private static final String INSERT_DELIVERY =
            "INSERT INTO webhook_deliveries (webhook_id, notification_id, group_id, state, due_at, attempts)"
                    + " VALUES (:webhookId, :notificationId, :groupId, 'pending', :at, 0) RETURNING id";

    Delivery execute(Handle handle) {
        long appId = handle.createQuery("SELECT app_id FROM webhooks WHERE id = :id")
                .bind("id", webhookId)
                .mapTo(Long.class)
                .findOne()
                .orElseThrow(() -> new IllegalArgumentException("no webhook " + webhookId));
        long notificationId = handle.createQuery(INSERT_NOTIFICATION)
                .bind("appId", appId)
                .bind("groupId", notification.groupId())
                .bind("eventId", notification.eventId())
                .bind("type", notification.type().wireName())
                .bind("details", DetailsJson.encode(notification.details()))
                .bind("at", notification.at().toEpochMilli())
                .mapTo(Long.class)
                .one();
        long deliveryId = handle.createQuery(INSERT_DELIVERY)
                .bind("webhookId", webhookId)
                .bind("notificationId", notificationId)
                .bind("groupId", notification.groupId())
                .bind("at", notification.at().toEpochMilli())
                .mapTo(Long.class)
                .one();
        Notification stored = new Notification(
                notificationId,
                appId,
                notification.groupId(),
                notification.eventId(),
                notification.type(),
                notification.details(),
                notification.at());
        return new Delivery(
                deliveryId, webhookId, stored, Delivery.State.PENDING, notification.at(), 0, null, null, null, null);
    }
}
