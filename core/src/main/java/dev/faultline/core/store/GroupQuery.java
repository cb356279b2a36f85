package dev.faultline.core.store;

import dev.faultline.core.model.GroupStatus;
import java.time.Instant;
import java.util.Set;

/**
 * A request for a page of groups from one or more apps. Every filter is optional (null); the
 * filters that are set must all match.
 *
 * @param appIds the apps whose groups to list, at least one; callers pass only apps the viewer may
 *     see
 * @param status only groups in this status
 * @param seenSince only groups last seen at or after this instant
 * @param seenUntil only groups first seen before this instant
 * @param version only groups with a report from this application version
 * @param tag only groups with a report carrying this tag
 * @param user only groups that affected this user (the report's user key)
 * @param os only groups with a report from this operating system name
 * @param device only groups with a report from this device model
 * @param text only groups whose error type or message contains this text, ignoring case
 * @param cursor the previous page's {@link Page#next()}, or null for the first page
 * @param limit the most groups on the page, at least 1
 */
public record GroupQuery(
        Set<Long> appIds,
        GroupStatus status,
        Instant seenSince,
        Instant seenUntil,
        String version,
        String tag,
        String user,
        String os,
        String device,
        String text,
        Sort sort,
        String cursor,
        int limit) {

    public GroupQuery {
        appIds = Set.copyOf(appIds);
        if (appIds.isEmpty()) {
            throw new IllegalArgumentException("appIds must not be empty");
        }
        sort = sort == null ? Sort.LAST_SEEN : sort;
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    /** One app's groups, filtered by status only. */
    public GroupQuery(long appId, GroupStatus status, Sort sort, String cursor, int limit) {
        this(Set.of(appId), status, null, null, null, null, null, null, null, null, sort, cursor, limit);
    }

    /** The first page of one app's groups seen since an instant, filtered by status only. */
    public static GroupQuery seenSince(long appId, GroupStatus status, Instant seenSince, Sort sort, int limit) {
        return new GroupQuery(
                Set.of(appId), status, seenSince, null, null, null, null, null, null, null, sort, null, limit);
    }

    /** Orders a group listing, largest first; ties break on the group id, newest first. */
    public enum Sort {
        /** Most recently seen first. */
        LAST_SEEN,
        /** Most recently first seen (newest groups) first. */
        FIRST_SEEN,
        /** Most occurrences first. */
        COUNT,
        /** Most affected users first. */
        USERS
    }
}
