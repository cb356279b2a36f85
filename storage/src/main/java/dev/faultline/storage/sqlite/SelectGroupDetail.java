package dev.faultline.storage.sqlite;

import dev.faultline.core.model.Group;
import dev.faultline.core.store.GroupDetail;
import dev.faultline.core.store.GroupDetail.Count;
import dev.faultline.core.store.GroupDetail.HourCount;
import dev.faultline.core.store.GroupDetail.VersionCount;
import dev.faultline.storage.internal.BatchCounters;
import dev.faultline.storage.internal.Facet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A group with its versions (the {@value #MAX_VERSIONS} most recently seen), its hourly counts
 * (the hours within {@value #HOURS} hours up to the group's latest hour, so at most two weeks'
 * worth) and its operating systems, device models and tags (the {@value #MAX_FACET_VALUES} most
 * frequent of each). Run inside one read transaction, so that the queries agree.
 */
record SelectGroupDetail(long groupId) {
    static final int MAX_VERSIONS = 100;
    static final int HOURS = 336;
    static final int MAX_FACET_VALUES = 20;

    private static final String GROUP = "SELECT " + GroupRows.COLUMNS + " FROM error_groups WHERE id = :groupId";
    private static final String VERSIONS = "SELECT version, occurrences, first_seen, last_seen FROM group_versions"
            + " WHERE group_id = :groupId ORDER BY last_seen DESC, version LIMIT :limit";
    private static final String HOURLY = "SELECT hour, occurrences FROM group_hours WHERE group_id = :groupId"
            + " AND hour > (SELECT max(hour) FROM group_hours WHERE group_id = :groupId) - :window"
            + " ORDER BY hour";
    private static final String FACET = "SELECT value, occurrences FROM group_facets"
            + " WHERE group_id = :groupId AND facet = :facet ORDER BY occurrences DESC, value LIMIT :limit";

    Optional<GroupDetail> execute(Handle handle) {
        Optional<Group> group = handle.createQuery(GROUP)
                .bind("groupId", groupId)
                .map((row, context) -> GroupRows.group(row))
                .findOne();
        if (group.isEmpty()) {
            return Optional.empty();
        }
        List<VersionCount> versions = handle.createQuery(VERSIONS)
                .bind("groupId", groupId)
                .bind("limit", MAX_VERSIONS)
                .map((row, context) -> new VersionCount(
                        row.getString(1),
                        row.getLong(2),
                        Instant.ofEpochMilli(row.getLong(3)),
                        Instant.ofEpochMilli(row.getLong(4))))
                .list();
        List<HourCount> hourly = handle.createQuery(HOURLY)
                .bind("groupId", groupId)
                .bind("window", HOURS * BatchCounters.HOUR_MILLIS)
                .map((row, context) -> new HourCount(Instant.ofEpochMilli(row.getLong(1)), row.getLong(2)))
                .list();
        List<String> recent = versions.stream()
                .limit(GroupRows.GROUP_VERSIONS)
                .map(VersionCount::version)
                .toList();
        return Optional.of(new GroupDetail(
                group.get().withVersions(recent),
                versions,
                hourly,
                facet(handle, Facet.OS),
                facet(handle, Facet.DEVICE),
                facet(handle, Facet.TAG)));
    }

    private List<Count> facet(Handle handle, Facet facet) {
        return handle.createQuery(FACET)
                .bind("groupId", groupId)
                .bind("facet", facet.code())
                .bind("limit", MAX_FACET_VALUES)
                .map((row, context) -> new Count(row.getString(1), row.getLong(2)))
                .list();
    }
}
