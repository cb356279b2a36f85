package dev.faultline.core.store;

import dev.faultline.core.model.GroupStatus;
import java.time.Instant;

/**
 * One entry of a group's history.
 *
 * @param actorId the user who acted, or null for Faultline itself (a regression) or an API token
 *     without a user
 * @param actorName the actor's email when it was a user, the token's name for a token, or null
 *     for Faultline itself
 * @param status with {@link Kind#STATUS_CHANGED} and {@link Kind#REGRESSED}: the new status
 * @param resolvedInVersion with {@link Kind#STATUS_CHANGED}: the version it was resolved in, or null
 * @param assigneeId with {@link Kind#ASSIGNED}: the new assignee, or null when unassigned
 * @param text with {@link Kind#COMMENTED}: the comment; with {@link Kind#REGRESSED}: the version of
 *     the report that reopened the group (null when it named none)
 */
public record Activity(
        long id,
        long groupId,
        Instant at,
        Kind kind,
        Long actorId,
        String actorName,
        GroupStatus status,
        String resolvedInVersion,
        Long assigneeId,
        String text) {

    public enum Kind {
        STATUS_CHANGED,
        ASSIGNED,
        COMMENTED,
        REGRESSED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
