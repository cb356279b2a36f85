package dev.faultline.core.ingest;

/**
 * The outcome of writing one {@link Ingest}.
 *
 * @param eventId the stored event, or the one stored earlier when this was a duplicate
 * @param groupId the group the event belongs to
 * @param newGroup whether this report created its group
 * @param duplicate whether an event with the same log id was already stored (nothing new was
 *     written)
 */
public record Stored(long eventId, long groupId, boolean newGroup, boolean duplicate) {}
