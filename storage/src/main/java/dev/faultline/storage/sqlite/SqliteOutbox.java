package dev.faultline.storage.sqlite;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.notify.Delivery;
import dev.faultline.core.notify.FollowUp;
import dev.faultline.core.notify.Notification;
import dev.faultline.core.notify.Outbox;
import dev.faultline.core.notify.Outcome;
import dev.faultline.core.notify.Webhook;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link Outbox} in the store's SQLite file: webhooks and their deliveries, written through the
 * store's one writer, read on its read connections. Notifications themselves are written by the
 * transactions that cause them ({@link InsertNotifications}); {@link SqliteStore} implements {@link
 * Outbox} by handing every call here. Thread-safe.
 */
final class SqliteOutbox implements Outbox {
    private static final String UPDATE_WEBHOOK = "UPDATE webhooks SET url = :url, enabled = :enabled,"
            + " events = :events, secret = :secret, style = :style WHERE id = :id RETURNING "
            + WebhookRows.COLUMNS;

    private static final String DELIVERED = "UPDATE webhook_deliveries SET state = 'delivered',"
            + " attempts = attempts + 1, last_status = :status, last_error = NULL,"
            + " last_duration_ms = :duration, delivered_at = :at WHERE id = :id";
    private static final String FAILED = "UPDATE webhook_deliveries"
            + " SET state = CASE WHEN :retryAt IS NULL THEN 'failed' ELSE 'pending' END,"
            + " due_at = coalesce(:retryAt, due_at), attempts = attempts + 1,"
            + " last_status = :status, last_error = :error, last_duration_ms = :duration"
            + " WHERE id = :id";

    private final SqliteWriter writer;
    private final Reader reader;

    SqliteOutbox(SqliteWriter writer, Reader reader) {
        this.writer = writer;
        this.reader = reader;
    }

    // ---- webhooks

    @Override
    public Webhook createWebhook(Webhook webhook) {
        requireNonNull(webhook, "webhook");
        return writer.inTransaction(handle -> handle.createQuery(
                        "INSERT INTO webhooks (app_id, url, enabled, events, secret, style, created_at)"
                                + " VALUES (:appId, :url, :enabled, :events, :secret, :style, :createdAt)"
                                + " RETURNING " + WebhookRows.COLUMNS)
                .bind("appId", webhook.appId())
                .bind("createdAt", Instant.now().toEpochMilli())
                .bindMap(settings(webhook))
                .map((row, context) -> WebhookRows.webhook(row))
                .one());
    }

    /** The app and creation time of a webhook do not change. */
    @Override
    public Optional<Webhook> updateWebhook(Webhook webhook) {
        requireNonNull(webhook, "webhook");
        return writer.inTransaction(handle -> handle.createQuery(UPDATE_WEBHOOK)
                .bind("id", webhook.id())
                .bindMap(settings(webhook))
                .map((row, context) -> WebhookRows.webhook(row))
                .findOne());
    }

    private static Map<String, Object> settings(Webhook webhook) {
        requireNonNull(webhook.url(), "url");
        requireNonNull(webhook.secret(), "secret");
        requireNonNull(webhook.style(), "style");
        return Map.of(
                "url", webhook.url(),
                "enabled", webhook.enabled(),
                "events", WebhookRows.events(webhook.events()),
                "secret", webhook.secret(),
                "style", WebhookRows.style(webhook.style()));
    }

    /** Deletes the webhook with its deliveries; the notifications stay (other webhooks may have them). */
    @Override
    public boolean deleteWebhook(long webhookId) {
        return writer.inTransaction(handle -> {
            handle.createUpdate("DELETE FROM webhook_deliveries WHERE webhook_id = :id")
                    .bind("id", webhookId)
                    .execute();
            return handle.createUpdate("DELETE FROM webhooks WHERE id = :id")
                            .bind("id", webhookId)
                            .execute()
                    > 0;
        });
    }

    @Override
    public Optional<Webhook> webhook(long webhookId) {
        return reader.read(handle -> selectWebhook(handle, webhookId));
    }

    private static Optional<Webhook> selectWebhook(Handle handle, long webhookId) {
        return handle.createQuery("SELECT " + WebhookRows.COLUMNS + " FROM webhooks WHERE id = :id")
                .bind("id", webhookId)
                .map((row, context) -> WebhookRows.webhook(row))
                .findOne();
    }

    @Override
    public List<Webhook> webhooks(long appId) {
        return reader.read(handle -> handle.createQuery(
                        "SELECT " + WebhookRows.COLUMNS + " FROM webhooks WHERE app_id = :appId ORDER BY id")
                .bind("appId", appId)
                .map((row, context) -> WebhookRows.webhook(row))
                .list());
    }

    // ---- deliveries

    @Override
    public List<Delivery> due(Instant now, int limit) {
        requireNonNull(now, "now");
        return reader.read(new SelectDueDeliveries(now, limit)::execute);
    }

    /** Two batched updates, delivered and failed, in one transaction of the writer. */
    @Override
    public void record(List<Outcome> outcomes) {
        requireNonNull(outcomes, "outcomes");
        if (outcomes.isEmpty()) {
            return;
        }
        writer.inTransaction(handle -> {
            // closed here: the writer's handle lives as long as the store
            try (PreparedBatch delivered = handle.prepareBatch(DELIVERED);
                    PreparedBatch failed = handle.prepareBatch(FAILED)) {
                for (Outcome outcome : outcomes) {
                    if (outcome.delivered()) {
                        delivered
                                .bind("status", outcome.status())
                                .bind("duration", outcome.durationMillis())
                                .bind("at", outcome.at().toEpochMilli())
                                .bind("id", outcome.deliveryId())
                                .add();
                    } else {
                        Instant retryAt = outcome.retryAt();
                        failed.bind("retryAt", retryAt == null ? null : retryAt.toEpochMilli())
                                .bind("status", outcome.status())
                                .bind("error", outcome.error())
                                .bind("duration", outcome.durationMillis())
                                .bind("id", outcome.deliveryId())
                                .add();
                    }
                }
                if (delivered.size() > 0) {
                    delivered.execute();
                }
                if (failed.size() > 0) {
                    failed.execute();
                }
            }
            return null;
        });
    }

    @Override
    public List<Delivery> deliveries(long webhookId, int limit) {
        return reader.read(handle -> DeliveryRows.list(
                handle,
                "SELECT id FROM webhook_deliveries WHERE webhook_id = :webhookId ORDER BY id DESC LIMIT :limit",
                "d.id DESC",
                Map.of("webhookId", webhookId, "limit", limit)));
    }

    @Override
    public Optional<Delivery> delivery(long deliveryId) {
        return reader.read(
                handle -> DeliveryRows.list(handle, "SELECT :id AS id", "d.id", Map.of("id", deliveryId)).stream()
                        .findFirst());
    }

    /** Keeps the attempts made so far and the last attempt's outcome, for the dashboard. */
    @Override
    public boolean resend(long deliveryId, Instant now) {
        requireNonNull(now, "now");
        return writer.inTransaction(handle ->
                handle.createUpdate("UPDATE webhook_deliveries SET state = 'pending', due_at = :now WHERE id = :id")
                                .bind("now", now.toEpochMilli())
                                .bind("id", deliveryId)
                                .execute()
                        > 0);
    }

    // ---- follow-ups

    @Override
    public List<FollowUp> dueFollowUps(Instant now, int limit) {
        requireNonNull(now, "now");
        return reader.read(new SelectDueFollowUps(now, limit)::execute);
    }

    @Override
    public boolean sendFollowUp(FollowUp followUp, Notification notification, Instant nextAt) {
        requireNonNull(followUp, "followUp");
        requireNonNull(notification, "notification");
        requireNonNull(nextAt, "nextAt");
        return writer.inTransactionWithStatements((handle, statements) -> {
            boolean moved = handle.createUpdate("UPDATE follow_ups SET step = step + 1, next_at = :nextAt,"
                                    + " occurrences = (SELECT g.occurrences FROM error_groups g"
                                    + " WHERE g.id = follow_ups.group_id)"
                                    + " WHERE group_id = :groupId AND started_at = :startedAt AND step = :step")
                            .bind("nextAt", nextAt.toEpochMilli())
                            .bindMap(sequence(followUp))
                            .execute()
                    > 0;
            if (moved) {
                new InsertNotifications(List.of(new NewNotification(
                                followUp.appId(),
                                followUp.groupId(),
                                notification.eventId(),
                                notification.type(),
                                notification.details(),
                                notification.at())))
                        .run(statements);
            }
            return moved;
        });
    }

    /** One batched delete in one transaction of the writer. */
    @Override
    public void endFollowUps(List<FollowUp> followUps) {
        requireNonNull(followUps, "followUps");
        if (followUps.isEmpty()) {
            return;
        }
        writer.inTransaction(handle -> {
            try (PreparedBatch ended = handle.prepareBatch("DELETE FROM follow_ups"
                    + " WHERE group_id = :groupId AND started_at = :startedAt AND step = :step")) {
                followUps.forEach(followUp -> ended.bindMap(sequence(followUp)).add());
                return ended.execute();
            }
        });
    }

    /** What identifies a sequence at one step: a restarted one has another start. */
    private static Map<String, Object> sequence(FollowUp followUp) {
        return Map.of(
                "groupId", followUp.groupId(),
                "startedAt", followUp.startedAt().toEpochMilli(),
                "step", followUp.step());
    }

    /**
     * The notification goes to the webhook's app whatever its {@code appId}, and is due at its
     * {@code at}.
     *
     * @throws IllegalArgumentException when there is no such webhook
     */
    @Override
    public Delivery enqueueTest(long webhookId, Notification notification) {
        requireNonNull(notification, "notification");
        return writer.inTransaction(new EnqueueTest(webhookId, notification)::execute);
    }
}
