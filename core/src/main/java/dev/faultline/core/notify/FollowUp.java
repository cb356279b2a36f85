package dev.faultline.core.notify;

import dev.faultline.core.model.GroupStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * A group's running follow-up sequence, as the outbox holds it, with the group as it is now. A
 * sequence starts with a {@link EventType#NEW_ERROR_OCCURRED} or {@link EventType#ERROR_REOCCURRED}
 * ({@code startedAt}); its follow-ups are due at fixed offsets from the start (1, 5, 10 and 30
 * minutes, then every hour), and each is sent only if the group received a report since the
 * previous message of the sequence and is still active. Otherwise the sequence ends.
 *
 * @param step the index of the next follow-up: 0 for the one-minute follow-up, 4 and on hourly
 * @param dueAt when the next follow-up is due: {@code startedAt} plus {@link #offset(int)}
 * @param occurrencesBefore the group's occurrence count when the previous message was written
 * @param occurrences the group's occurrence count now
 * @param status the group's status now
 */
public record FollowUp(
        long groupId,
        long appId,
        Instant startedAt,
        int step,
        Instant dueAt,
        long occurrencesBefore,
        long occurrences,
        GroupStatus status) {

    private static final int HOURLY = 4;

    /** Whether the next follow-up is sent: a report arrived since the previous message, still active. */
    public boolean continues() {
        return status == GroupStatus.ACTIVE && occurrences > occurrencesBefore;
    }

    /** The follow-up sent at {@code step}. */
    public static EventType type(int step) {
        return switch (step) {
            case 0 -> EventType.ONE_MINUTE_FOLLOW_UP;
            case 1 -> EventType.FIVE_MINUTE_FOLLOW_UP;
            case 2 -> EventType.TEN_MINUTE_FOLLOW_UP;
            case 3 -> EventType.THIRTY_MINUTE_FOLLOW_UP;
            default -> EventType.HOURLY_FOLLOW_UP;
        };
    }

    /** How long after the start of the sequence the follow-up of {@code step} is due. */
    public static Duration offset(int step) {
        return switch (step) {
            case 0 -> Duration.ofMinutes(1);
            case 1 -> Duration.ofMinutes(5);
            case 2 -> Duration.ofMinutes(10);
            case 3 -> Duration.ofMinutes(30);
            default -> Duration.ofHours(step - HOURLY + 1L);
        };
    }
}
