package dev.faultline.core.notify;

import java.time.Instant;
import java.util.Set;

/**
 * Where an app's notifications are posted.
 *
 * @param events the event types it receives
 * @param secret the key of the HMAC-SHA256 signature of every delivery
 * @param style the payload's shape: Raygun's JSON, or a Slack or Microsoft Teams message
 */
public record Webhook(
        long id,
        long appId,
        String url,
        boolean enabled,
        Set<EventType> events,
        String secret,
        Style style,
        Instant createdAt) {

    public Webhook {
        events = Set.copyOf(events);
    }

    public enum Style {
        RAYGUN,
        SLACK,
        TEAMS
    }
}
