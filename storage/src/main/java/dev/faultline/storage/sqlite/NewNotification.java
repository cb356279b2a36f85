package dev.faultline.storage.sqlite;

import dev.faultline.core.notify.EventType;
import java.time.Instant;
import java.util.Map;

/** A notification to be written to the outbox; its id is chosen by the insert. */
record NewNotification(
        long appId, long groupId, Long eventId, EventType type, Map<String, String> details, Instant at) {

    NewNotification {
        details = Map.copyOf(details);
    }
}
