package dev.faultline.storage.sqlite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The most recently seen versions of each of some groups, most recent first. */
record SelectRecentVersions(List<Long> groupIds, int perGroup) {
    private static final String SQL = "SELECT group_id, version FROM (SELECT group_id, version,"
            + " row_number() OVER (PARTITION BY group_id ORDER BY last_seen DESC, version) AS position"
            + " FROM group_versions WHERE group_id IN (<groupIds>))"
            + " WHERE position <= :perGroup ORDER BY group_id, position";

    Map<Long, List<String>> execute(Handle handle) {
        Map<Long, List<String>> versions = new HashMap<>();
        if (groupIds.isEmpty()) {
            return versions;
        }
        handle.createQuery(SQL)
                .bindList("groupIds", groupIds)
                .bind("perGroup", perGroup)
                .map((row, context) -> Map.entry(row.getLong(1), row.getString(2)))
                .forEach(version -> versions.computeIfAbsent(version.getKey(), id -> new ArrayList<>())
                        .add(version.getValue()));
        return versions;
    }
}
