package dev.faultline.core.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Webhooks and their deliveries. Notifications are written by the store in the same transaction
 * as what caused them: a report that creates a group ({@link EventType#NEW_ERROR_OCCURRED}) or
 * reopens one ({@link EventType#ERROR_REOCCURRED}), a status change, an assignment, a comment. Each
 * becomes one pending delivery per enabled webhook of the app that takes its type. Thread-safe.
 */
public interface Outbox {

    Webhook createWebhook(Webhook webhook);

    /** Replaces a webhook's settings; empty when no such webhook. */
    Optional<Webhook> updateWebhook(Webhook webhook);

    boolean deleteWebhook(long webhookId);

    Optional<Webhook> webhook(long webhookId);

    List<Webhook> webhooks(long appId);

    /**
     * Up to {@code limit} deliveries due by {@code now}, oldest first, at most one per webhook and
     * group (the oldest pending one), so that a group's notifications arrive in order.
     */
    List<Delivery> due(Instant now, int limit);

    /** Records a successful attempt. */
    void delivered(long deliveryId, int status, long durationMillis, Instant at);

    /**
     * Records a failed attempt; the delivery is retried at {@code retryAt}, or marked failed when
     * {@code retryAt} is null.
     */
    void failed(long deliveryId, Integer status, String error, long durationMillis, Instant retryAt);

    /** A webhook's deliveries, newest first. */
    List<Delivery> deliveries(long webhookId, int limit);

    /** Makes a delivery due again now (a resend), whatever its state. */
    boolean resend(long deliveryId, Instant now);

    /** Adds a notification for one webhook only (a test delivery), due now. */
    Delivery enqueueTest(long webhookId, Notification notification);
}
