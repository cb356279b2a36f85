package dev.faultline.core.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Webhooks and their deliveries. Notifications are written by the store in the same transaction
 * as what caused them: a report that creates a group ({@link EventType#NEW_ERROR_OCCURRED}) or
 * reopens one ({@link EventType#ERROR_REOCCURRED}), a status change, an assignment, a comment. Each
 * becomes one pending delivery per enabled webhook of the app that takes its type. A new-error or
 * reoccurred notification also starts its group's follow-up sequence ({@link FollowUp}), replacing a
 * running one, when the app has an enabled webhook taking a follow-up type. Thread-safe.
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
     * group (the oldest pending one), so that a group's notifications arrive in order. Deliveries of
     * a disabled webhook are not due; they stay pending and are due again once it is enabled.
     */
    List<Delivery> due(Instant now, int limit);

    /**
     * Records the outcomes of attempts, all in one transaction: a delivered one is done; a failed one
     * is retried at its {@code retryAt}, or marked failed when that is null. At most one outcome per
     * delivery; their order does not matter. An empty list writes nothing.
     */
    void record(List<Outcome> outcomes);

    /** Records a successful attempt; see {@link #record}. */
    default void delivered(long deliveryId, int status, long durationMillis, Instant at) {
        record(List.of(Outcome.delivered(deliveryId, status, durationMillis, at)));
    }

    /**
     * Records a failed attempt; the delivery is retried at {@code retryAt}, or marked failed when
     * {@code retryAt} is null. See {@link #record}.
     */
    default void failed(long deliveryId, Integer status, String error, long durationMillis, Instant retryAt) {
        record(List.of(Outcome.failed(deliveryId, status, error, durationMillis, retryAt)));
    }

    /** A webhook's deliveries, newest first. */
    List<Delivery> deliveries(long webhookId, int limit);

    /** One delivery with its notification; empty when no such delivery. */
    Optional<Delivery> delivery(long deliveryId);

    /** Makes a delivery due again now (a resend), whatever its state. */
    boolean resend(long deliveryId, Instant now);

    /**
     * Up to {@code limit} follow-up sequences whose next follow-up is due by {@code now}, earliest
     * first, with their groups' counts and status as they are now.
     */
    List<FollowUp> dueFollowUps(Instant now, int limit);

    /**
     * Sends a sequence's due follow-up, in one transaction: writes {@code notification}, fanned out
     * like the store's own to the app's enabled webhooks that take its type, and moves the sequence
     * to its next step, due at {@code nextAt}, counting the group's occurrences as of this message.
     * Writes nothing and answers false when the sequence is no longer at {@code followUp}'s step (it
     * ended or restarted meanwhile).
     */
    boolean sendFollowUp(FollowUp followUp, Notification notification, Instant nextAt);

    /**
     * Ends follow-up sequences, all in one transaction: each unless it moved on or restarted since
     * it was read. An empty list writes nothing.
     */
    void endFollowUps(List<FollowUp> followUps);

    /** Adds a notification for one webhook only (a test delivery), due now. */
    Delivery enqueueTest(long webhookId, Notification notification);
}
