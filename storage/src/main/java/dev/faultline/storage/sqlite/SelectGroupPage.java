package dev.faultline.storage.sqlite;

import dev.faultline.core.model.Group;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.core.store.GroupQuery.Sort;
import dev.faultline.core.store.Page;
import dev.faultline.storage.internal.Cursors;
import dev.faultline.storage.internal.Facet;
import dev.faultline.storage.internal.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * One page of the groups of one or more apps, filtered and keyset-paged: the cursor holds the sort
 * key and id of the last group shown, and the next page starts strictly after it, so a page costs
 * the same however deep it is.
 *
 * <p>Each sort walks an index of one app, (app_id, key) or (app_id, status, key), backwards
 * ({@code V1__init.sql}, {@code V3__dashboard.sql}), and stops after a page. Several apps are one
 * such walk each, merged by a {@code UNION ALL} whose arms are already in order, so that a page
 * still reads at most a page per app. The version, facet and user filters are {@code id IN
 * (SELECT group_id ...)}: SQLite builds each list once from its index and probes it as it walks
 * (or, when it judges the list short, starts from the list and sorts it). The text filter is a
 * {@code LIKE} on each row walked; SQLite's {@code LIKE} ignores the case of ASCII letters only.
 * Road not taken: a full-text index, which would cost the write path for a filter on a few
 * thousand short rows.
 */
record SelectGroupPage(GroupQuery query) {
    /**
     * Past this many apps one statement reads them all with {@code app_id IN (...)} and sorts:
     * SQLite allows 500 arms, and so many arms cost more to plan than they save.
     */
    static final int MAX_ARMS = 50;

    Page<Group> execute(Handle handle) {
        Order order = Order.of(query.sort());
        long[] after = query.cursor() == null ? null : Cursors.decode(query.cursor(), order.cursorKind, 2);
        List<Long> appIds = appIds();
        Query select = handle.createQuery(sql()).bind("limit", query.limit() + 1L);
        if (appIds.size() > MAX_ARMS) {
            select.bindList("appIds", appIds);
        } else {
            for (int i = 0; i < appIds.size(); i++) {
                select.bind("app" + i, appIds.get(i).longValue());
            }
        }
        bindFilters(select);
        if (after != null) {
            select.bind("afterKey", after[0]).bind("afterId", after[1]);
        }
        List<Group> rows = select.map((row, context) -> GroupRows.group(row)).list();

        boolean more = rows.size() > query.limit();
        List<Group> groups = more ? rows.subList(0, query.limit()) : rows;
        Map<Long, List<String>> versions = new SelectRecentVersions(
                        groups.stream().map(Group::id).toList(), GroupRows.GROUP_VERSIONS)
                .execute(handle);
        List<Group> page = groups.stream()
                .map(group -> group.withVersions(versions.getOrDefault(group.id(), List.of())))
                .toList();
        if (!more) {
            return new Page<>(page, null);
        }
        Group last = page.getLast();
        return new Page<>(page, Cursors.encode(order.cursorKind, order.key.applyAsLong(last), last.id()));
    }

    /** The statement, with named parameters (and {@code <appIds>} past {@value #MAX_ARMS} apps). */
    String sql() {
        Order order = Order.of(query.sort());
        List<Long> appIds = appIds();
        String filters = filters(order, query.cursor() != null);
        if (appIds.size() == 1) {
            return arm("app_id = :app0", filters, order);
        }
        if (appIds.size() > MAX_ARMS) {
            return arm("app_id IN (<appIds>)", filters, order);
        }
        List<String> arms = new ArrayList<>();
        for (int i = 0; i < appIds.size(); i++) {
            arms.add("SELECT * FROM (" + arm("app_id = :app" + i, filters, order) + ")");
        }
        return String.join(" UNION ALL ", arms) + order.orderBy();
    }

    /** In a fixed order, so that the same query is the same statement. */
    private List<Long> appIds() {
        return query.appIds().stream().sorted().toList();
    }

    private static String arm(String apps, String filters, Order order) {
        return "SELECT " + GroupRows.COLUMNS + " FROM error_groups WHERE " + apps + filters + order.orderBy();
    }

    private String filters(Order order, boolean paged) {
        StringBuilder sql = new StringBuilder();
        if (query.status() != null) {
            sql.append(" AND status = :status");
        }
        if (query.seenSince() != null) {
            sql.append(" AND last_seen >= :seenSince");
        }
        if (query.seenUntil() != null) {
            sql.append(" AND first_seen < :seenUntil");
        }
        if (query.version() != null) {
            sql.append(" AND id IN (SELECT group_id FROM group_versions WHERE version = :version)");
        }
        facet(sql, Facet.OS, query.os());
        facet(sql, Facet.DEVICE, query.device());
        facet(sql, Facet.TAG, query.tag());
        if (query.user() != null) {
            sql.append(" AND id IN (SELECT group_id FROM group_users WHERE user_key = :user)");
        }
        if (query.text() != null) {
            sql.append(" AND (class_name LIKE :text ESCAPE '!' OR message LIKE :text ESCAPE '!')");
        }
        if (paged) {
            sql.append(" AND (").append(order.column).append(", id) < (:afterKey, :afterId)");
        }
        return sql.toString();
    }

    private static void facet(StringBuilder sql, Facet facet, String value) {
        if (value != null) {
            sql.append(" AND id IN (SELECT group_id FROM group_facets WHERE facet = '")
                    .append(facet.code())
                    .append("' AND value = :")
                    .append(facet.code())
                    .append(')');
        }
    }

    private void bindFilters(Query select) {
        if (query.status() != null) {
            select.bind("status", query.status().code());
        }
        if (query.seenSince() != null) {
            select.bind("seenSince", query.seenSince().toEpochMilli());
        }
        if (query.seenUntil() != null) {
            select.bind("seenUntil", query.seenUntil().toEpochMilli());
        }
        if (query.version() != null) {
            select.bind("version", query.version());
        }
        bindFacet(select, Facet.OS, query.os());
        bindFacet(select, Facet.DEVICE, query.device());
        bindFacet(select, Facet.TAG, query.tag());
        if (query.user() != null) {
            select.bind("user", query.user());
        }
        if (query.text() != null) {
            select.bind("text", "%" + escapeLike(query.text()) + "%");
        }
    }

    private static void bindFacet(Query select, Facet facet, String value) {
        if (value != null) {
            // stored values are cut to this length, so a longer one is looked for cut too
            select.bind(facet.code(), Texts.cut(value, Facet.VALUE_LENGTH));
        }
    }

    /**
     * The text with LIKE's wildcards and the escape character itself escaped. The escape is {@code
     * !} rather than a backslash, which Jdbi's parser reads as escaping the closing quote.
     */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** A sort: the column it walks, its cursor kind and the group's key. */
    private enum Order {
        LAST_SEEN("last_seen", "gl", group -> group.lastSeen().toEpochMilli()),
        FIRST_SEEN("first_seen", "gf", group -> group.firstSeen().toEpochMilli()),
        COUNT("occurrences", "gc", Group::count),
        USERS("user_count", "gu", Group::userCount);

        final String column;
        final String cursorKind;
        final ToLongFunction<Group> key;

        Order(String column, String cursorKind, ToLongFunction<Group> key) {
            this.column = column;
            this.cursorKind = cursorKind;
            this.key = key;
        }

        static Order of(Sort sort) {
            return switch (sort) {
                case LAST_SEEN -> LAST_SEEN;
                case FIRST_SEEN -> FIRST_SEEN;
                case COUNT -> COUNT;
                case USERS -> USERS;
            };
        }

        String orderBy() {
            return " ORDER BY " + column + " DESC, id DESC LIMIT :limit";
        }
    }
}
