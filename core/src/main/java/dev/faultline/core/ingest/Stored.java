package dev.faultline.core.ingest;

/**
 * The outcome of writing one {@link IngestItem}. For an attachment or a session, {@code eventId}
 * and {@code groupId} are 0 and {@code newGroup} is false; {@code duplicate} says whether an
 * attachment with the same id was stored before.
 *
 * @param eventId the stored event, or the one stored earlier when this was a duplicate
 * @param groupId the group the event belongs to
 * @param newGroup whether this report created its group
 * @param duplicate whether an event with the same log id was already stored (nothing new was
 *     written)
 */
public record Stored(long eventId, long groupId, boolean newGroup, boolean duplicate) {}
