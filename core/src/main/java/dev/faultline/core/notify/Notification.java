package dev.faultline.core.notify;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a group, written to the outbox in the transaction that caused it.
 * The payload is built when it is delivered, from this and the group as it is then.
 *
 * @param eventId the report that caused it (occurrences), or null
 * @param details what the payload needs beyond the group: for activity, {@code user} (who),
 *     {@code status}, {@code assignedTo}, {@code comment}
 */
public record Notification(
        long id, long appId, long groupId, Long eventId, EventType type, Map<String, String> details, Instant at) {

    public Notification {
        details = Map.copyOf(details);
    }
}
