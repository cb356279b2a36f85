package dev.faultline.core.notify;

import java.time.Instant;

/**
 * One notification to one webhook, and how posting it went.
 *
 * @param dueAt when the next attempt may be made
 * @param attempts attempts made so far
 * @param lastStatus the HTTP status of the last attempt, or null (none, or no answer)
 * @param lastError why the last attempt failed, or null
 * @param lastDurationMillis how long the last attempt took, or null
 */
public record Delivery(
        long id,
        long webhookId,
        Notification notification,
        State state,
        Instant dueAt,
        int attempts,
        Integer lastStatus,
        String lastError,
        Long lastDurationMillis,
        Instant deliveredAt) {

    public enum State {
        PENDING,
        DELIVERED,
        /** Given up after the retry period. */
        FAILED
    }
}
