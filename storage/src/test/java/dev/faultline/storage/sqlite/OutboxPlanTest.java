package dev.faultline.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How SQLite runs the outbox's two frequent statements (EXPLAIN QUERY PLAN): the fan-out, on the
 * write path, reads only the new notifications and the app's webhooks; the worker's poll reads
 * only pending rows, and each one's webhook by its key.
 */
class OutboxPlanTest {
    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void createSchema() {
        file = dir.resolve("faultline.db");
        SqliteStore.open(file).close();
    }

    @Test
    void fanOut_readsTheNewNotificationsAndTheirAppsWebhooks() throws Exception {
        assertThat(plan(InsertNotifications.FAN_OUT))
                .containsExactly(
                        "SEARCH n USING INTEGER PRIMARY KEY (rowid>?)",
                        "SEARCH w USING INDEX webhooks_by_app (app_id=?)");
    }

    @Test
    void due_walksThePendingIndexesAndProbesEachWebhookByItsKey() throws Exception {
        List<String> plan = plan(SelectDueDeliveries.PICKED);

        assertThat(plan).as(plan.toString()).hasSize(4);
        assertThat(plan.getFirst()).isEqualTo("SEARCH d USING INDEX webhook_deliveries_due (due_at<?)");
        assertThat(plan.get(1)).startsWith("CORRELATED SCALAR SUBQUERY");
        assertThat(plan.get(2))
                .matches("SEARCH e USING (COVERING )?INDEX webhook_deliveries_pending_by_group"
                        + " \\(webhook_id=\\? AND group_id=\\? AND id<\\?\\)");
        assertThat(plan.getLast()).isEqualTo("SEARCH w EXISTS USING INTEGER PRIMARY KEY (rowid=?)");
    }

    private List<String> plan(String sql) throws Exception {
        List<String> plan = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (rows.next()) {
                plan.add(rows.getString("detail"));
            }
        }
        return plan;
    }
}
