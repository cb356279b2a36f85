package dev.faultline.storage.sqlite;

import dev.faultline.core.model.Group;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.core.store.GroupQuery.Sort;
import dev.faultline.core.store.Page;
import dev.faultline.storage.internal.Cursors;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * One page of an app's groups, keyset-paged: the cursor holds the sort key and id of the last
 * group shown, and the next page starts strictly after it, so a page costs the same however deep
 * it is. Each sort walks its own index ({@code V1__init.sql}).
 */
record SelectGroupPage(GroupQuery query) {

    Page<Group> execute(Handle handle) {
        String column = query.sort() == Sort.COUNT ? "occurrences" : "last_seen";
        String cursorKind = query.sort() == Sort.COUNT ? "gc" : "gl";
        long[] after = query.cursor() == null ? null : Cursors.decode(query.cursor(), cursorKind, 2);
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(GroupRows.COLUMNS)
                .append(" FROM error_groups WHERE app_id = :appId");
        if (query.status() != null) {
            sql.append(" AND status = :status");
        }
        if (after != null) {
            sql.append(" AND (").append(column).append(", id) < (:afterKey, :afterId)");
        }
        sql.append(" ORDER BY ").append(column).append(" DESC, id DESC LIMIT :limit");

        Query select =
                handle.createQuery(sql.toString()).bind("appId", query.appId()).bind("limit", query.limit() + 1L);
        if (query.status() != null) {
            select.bind("status", query.status().code());
        }
        if (after != null) {
            select.bind("afterKey", after[0]).bind("afterId", after[1]);
        }
        List<Group> rows =
                select.map((row, context) -> GroupRows.group(row, List.of())).list();

        boolean more = rows.size() > query.limit();
        List<Group> groups = more ? rows.subList(0, query.limit()) : rows;
        Map<Long, List<String>> versions = new SelectRecentVersions(
                        groups.stream().map(Group::id).toList(), GroupRows.GROUP_VERSIONS)
                .execute(handle);
        List<Group> page = groups.stream()
                .map(group -> withVersions(group, versions.getOrDefault(group.id(), List.of())))
                .toList();
        if (!more) {
            return new Page<>(page, null);
        }
        Group last = page.getLast();
        long key = query.sort() == Sort.COUNT ? last.count() : last.lastSeen().toEpochMilli();
        return new Page<>(page, Cursors.encode(cursorKind, key, last.id()));
    }

    static Group withVersions(Group group, List<String> versions) {
        return new Group(
                group.id(),
                group.appId(),
                group.groupingVersion(),
                group.fingerprint(),
                group.title(),
                group.className(),
                group.message(),
                group.status(),
                group.firstSeen(),
                group.lastSeen(),
                group.count(),
                group.userCount(),
                versions);
    }
}
