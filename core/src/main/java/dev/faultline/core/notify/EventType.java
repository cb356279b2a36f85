package dev.faultline.core.notify;

import java.util.Arrays;
import java.util.Optional;

/** The event types of Raygun's webhooks, with their names on the wire ({@code eventType}). */
public enum EventType {
    NEW_ERROR_OCCURRED("NewErrorOccurred", true),
    ERROR_REOCCURRED("ErrorReoccurred", true),
    ONE_MINUTE_FOLLOW_UP("OneMinuteFollowUp", true),
    FIVE_MINUTE_FOLLOW_UP("FiveMinuteFollowUp", true),
    TEN_MINUTE_FOLLOW_UP("TenMinuteFollowUp", true),
    THIRTY_MINUTE_FOLLOW_UP("ThirtyMinuteFollowUp", true),
    HOURLY_FOLLOW_UP("HourlyFollowUp", true),
    STATUS_CHANGED("StatusChanged", false),
    ASSIGNED_TO_USER("AssignedToUser", false),
    COMMENT_ADDED("CommentAdded", false);

    private final String wireName;
    private final boolean notification;

    EventType(String wireName, boolean notification) {
        this.wireName = wireName;
        this.notification = notification;
    }

    /** The name in payloads and settings, e.g. {@code NewErrorOccurred}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The payload's {@code event}: {@code error_notification} for occurrences and follow-ups,
     * {@code error_activity} for what people did.
     */
    public String event() {
        return notification ? "error_notification" : "error_activity";
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(name))
                .findFirst();
    }
}
