package dev.faultline.core.ingest;

/**
 * The outcome of writing one {@link IngestItem}. For an attachment or a session, {@code eventId}
 * and {@code groupId} are 0 and {@code newGroup} is false; {@code duplicate} says whether an
 * attachment with the same id was stored before.
 *
 * @param eventId the stored event, or the one stored earlier when this was a duplicate; 0 when
 *     discarded
 * @param groupId the group the event belongs to
 * @param newGroup whether this report created its group
 * @param duplicate whether an event with the same log id was already stored (nothing new was
 *     written)
 * @param regressed whether this report reopened its resolved group
 * @param discarded whether the report was discarded because its group is permanently ignored with
 *     discarding (counted as dropped, reason {@link DropReason#DISCARDED})
 */
public record Stored(
        long eventId, long groupId, boolean newGroup, boolean duplicate, boolean regressed, boolean discarded) {

    public Stored(long eventId, long groupId, boolean newGroup, boolean duplicate) {
        this(eventId, groupId, newGroup, duplicate, false, false);
    }
}
