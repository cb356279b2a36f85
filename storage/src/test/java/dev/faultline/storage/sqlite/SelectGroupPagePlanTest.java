package dev.faultline.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.core.store.GroupQuery.Sort;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How SQLite runs the group listing (EXPLAIN QUERY PLAN): every sort walks its index of one app,
 * with and without a status, on the first page and the next, for one app or several; the filters
 * look their groups up by index.
 */
class SelectGroupPagePlanTest {
    private static final String CURSOR = "any";

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void createSchema() {
        file = dir.resolve("faultline.db");
        SqliteStore.open(file).close();
    }

    @Test
    void everySort_walksItsIndex() throws Exception {
        for (Sort sort : Sort.values()) {
            for (GroupStatus status : Arrays.asList(null, GroupStatus.RESOLVED)) {
                for (String cursor : Arrays.asList(null, CURSOR)) {
                    for (Set<Long> apps : List.of(Set.of(1L), Set.of(1L, 2L, 3L))) {
                        GroupQuery query = new GroupQuery(
                                apps, status, null, null, null, null, null, null, null, null, sort, cursor, 25);
                        String index = "error_groups_by_" + (status == null ? "" : "status_") + column(sort);

                        List<String> plan = plan(query);

                        assertThat(plan)
                                .as(query + ": " + plan)
                                .filteredOn(line -> line.contains(" error_groups "))
                                .hasSize(apps.size())
                                .allMatch(line -> line.matches(
                                        "SEARCH error_groups USING (COVERING )?INDEX " + index + " \\(app_id=\\?.*"));
                        if (apps.size() == 1) {
                            assertThat(plan).as(query + ": " + plan).noneMatch(line -> line.contains("TEMP B-TREE"));
                        }
                    }
                }
            }
        }
    }

    @Test
    void filters_lookUpTheirGroupsByIndex() throws Exception {
        GroupQuery query = new GroupQuery(
                Set.of(1L),
                null,
                null,
                null,
                "1.0",
                "beta",
                "alice",
                "Android",
                "Pixel 8",
                "boom",
                Sort.LAST_SEEN,
                null,
                25);

        List<String> plan = plan(query);

        assertThat(plan.getFirst()).startsWith("SEARCH error_groups USING INDEX error_groups_by_last_seen (app_id=?)");
        assertThat(plan)
                .as(String.join("\n", plan))
                .contains(
                        "SEARCH group_versions USING COVERING INDEX group_versions_by_version (version=?)",
                        "SEARCH group_facets USING COVERING INDEX group_facets_by_value (facet=? AND value=?)",
                        "SEARCH group_users USING COVERING INDEX group_users_by_user (user_key=?)")
                .noneMatch(line -> line.startsWith("SCAN"));
    }

    private List<String> plan(GroupQuery query) throws Exception {
        List<String> plan = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + new SelectGroupPage(query).sql())) {
            while (rows.next()) {
                plan.add(rows.getString("detail"));
            }
        }
        return plan;
    }

    private static String column(Sort sort) {
        return switch (sort) {
            case LAST_SEEN -> "last_seen";
            case FIRST_SEEN -> "first_seen";
            case COUNT -> "occurrences";
            case USERS -> "user_count";
        };
    }
}
