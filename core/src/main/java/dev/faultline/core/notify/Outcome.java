package dev.faultline.core.notify;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The outcome of one delivery attempt, for {@link Outbox#record}.
 *
 * @param status the receiver's HTTP status; null when there was no response
 * @param error why the attempt failed; null when delivered
 * @param at when a delivered attempt completed; null for a failed one
 * @param retryAt when to try a failed delivery again; null to mark it failed, or when delivered
 */
public record Outcome(
        long deliveryId,
        boolean delivered,
        Integer status,
        String error,
        long durationMillis,
        Instant at,
        Instant retryAt) {

    public static Outcome delivered(long deliveryId, int status, long durationMillis, Instant at) {
        return new Outcome(deliveryId, true, status, null, durationMillis, requireNonNull(at, "at"), null);
    }

    public static Outcome failed(long deliveryId, Integer status, String error, long durationMillis, Instant retryAt) {
        return new Outcome(deliveryId, false, status, error, durationMillis, null, retryAt);
    }
}
