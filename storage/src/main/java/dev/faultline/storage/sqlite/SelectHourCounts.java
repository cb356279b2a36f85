package dev.faultline.storage.sqlite;

import dev.faultline.core.store.GroupDetail.HourCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Occurrences per hour of some groups, for sparklines and charts, in one query over the primary
 * key of {@code group_hours}: the hours that start at or after {@code since} and, when {@code
 * until} is set, before it; by group, oldest hour first, only hours with reports. Every group
 * asked for is a key, with an empty list when it had no reports then.
 */
record SelectHourCounts(Collection<Long> groupIds, Instant since, Instant until) {
    private static final String SQL = "SELECT group_id, hour, occurrences FROM group_hours"
            + " WHERE group_id IN (<groupIds>) AND hour >= :since%s ORDER BY group_id, hour";
    private static final String SINCE = SQL.formatted("");
    private static final String BETWEEN = SQL.formatted(" AND hour < :until");

    Map<Long, List<HourCount>> execute(Handle handle) {
        Map<Long, List<HourCount>> hours = new LinkedHashMap<>();
        groupIds.forEach(groupId -> hours.put(groupId, new ArrayList<>()));
        if (hours.isEmpty()) {
            return hours;
        }
        Query select = handle.createQuery(until == null ? SINCE : BETWEEN)
                .bindList("groupIds", List.copyOf(hours.keySet()))
                .bind("since", since.toEpochMilli());
        if (until != null) {
            select.bind("until", until.toEpochMilli());
        }
        select.map((row, context) ->
                        Map.entry(row.getLong(1), new HourCount(Instant.ofEpochMilli(row.getLong(2)), row.getLong(3))))
                .forEach(hour -> hours.get(hour.getKey()).add(hour.getValue()));
        return hours;
    }
}
