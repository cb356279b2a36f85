package dev.faultline.core.store;

import dev.faultline.core.model.GroupStatus;

/**
 * A request for a page of an app's groups.
 *
 * @param status only groups in this status, or null for all
 * @param cursor the previous page's {@link Page#next()}, or null for the first page
 * @param limit the most groups on the page, at least 1
 */
public record GroupQuery(long appId, GroupStatus status, Sort sort, String cursor, int limit) {

    public GroupQuery {
        sort = sort == null ? Sort.LAST_SEEN : sort;
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    /** Orders a group listing; ties break on the group id, newest first. */
    public enum Sort {
        /** Most recently seen first. */
        LAST_SEEN,
        /** Most occurrences first. */
        COUNT
    }
}
