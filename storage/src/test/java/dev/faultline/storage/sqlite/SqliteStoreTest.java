package dev.faultline.storage.sqlite;

import static dev.faultline.storage.testkit.TestReport.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.model.App;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.core.store.Store;
import dev.faultline.storage.testkit.AccountsContract;
import dev.faultline.storage.testkit.AppsContract;
import dev.faultline.storage.testkit.AttachmentsContract;
import dev.faultline.storage.testkit.GroupQueryContract;
import dev.faultline.storage.testkit.GroupReadsContract;
import dev.faultline.storage.testkit.KeysContract;
import dev.faultline.storage.testkit.MailboxContract;
import dev.faultline.storage.testkit.OutboxContract;
import dev.faultline.storage.testkit.ReadContract;
import dev.faultline.storage.testkit.RetentionContract;
import dev.faultline.storage.testkit.SessionsContract;
import dev.faultline.storage.testkit.TriageContract;
import dev.faultline.storage.testkit.WriteContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {

    static Store open(Path dir) {
        return SqliteStore.open(dir.resolve("data").resolve("faultline.db"));
    }

    @Nested
    class Apps extends AppsContract {
        @Override
        protected Store newStore(Path dir) {
            return open(dir);
        }
    }

    @Nested
    class Writes extends WriteContract {
        @Override
        protected Store newStore(Path dir) {
            return open(dir);
        }
    }

    @Nested
    class Reads extends ReadContract {
        @Override
        protected Store newStore(Path dir) {
            return open(dir);
        }
    }

    @Nested
    class Attachments extends AttachmentsContract {
        @Override
        protected Store newStore(Path dir) {
            return open(dir);
        }
    }

    @Nested
    class Sessions extends SessionsContract {
        @Override
        protected Store newStore(Path dir) {
            return open(dir);
        }
    }

    @Nested
    class Keys extends KeysContract {
        @Override
        protected Store newStore(Path dir) {
            return open(dir);
        }
    }

    @Nested
    class GroupQueries extends GroupQueryContract {
        @Override
        protected Store newStore(Path dir) {
            return open(dir);
        }
    }

    @Nested
    class GroupReads extends GroupReadsContract {
        @Override
        protected Store newStore(Path dir) {
            return open(dir);
        }
    }

    @Nested
    class Triage extends TriageContract {
        @Override
        protected Store newStore(Path dir) {
            return open(dir);
        }
    }

    @Nested
    class Retention extends RetentionContract {
        @Override
        protected Store newStore(Path dir) {
            return open(dir);
        }
    }

    @Nested
    class Accounts extends AccountsContract {
        @Override
        protected Store newStore(Path dir) {
            return open(dir);
        }
    }

    @Nested
    class Outbox extends OutboxContract {
        @Override
        protected Store newStore(Path dir) {
            return open(dir);
        }
    }

    @Nested
    class Mailbox extends MailboxContract {
        @Override
        protected Store newStore(Path dir) {
            return open(dir);
        }
    }

    @Test
    void open_createsTheFolders(@TempDir Path dir) {
        try (Store store = open(dir)) {
            store.createApp("a", "key");
        }
        assertThat(dir.resolve("data").resolve("faultline.db")).isRegularFile();
    }

    @Test
    void open_setsUpTheFile(@TempDir Path dir) throws Exception {
        try (Store store = open(dir);
                Connection connection = DriverManager.getConnection(
                        "jdbc:sqlite:" + dir.resolve("data").resolve("faultline.db"));
                Statement statement = connection.createStatement()) {
            assertThat(pragma(statement, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(statement, "page_size")).isEqualTo(String.valueOf(SqliteConnections.PAGE_SIZE));
        }
    }

    private static String pragma(Statement statement, String name) throws Exception {
        try (ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void open_byManyAtOnce_migratesOnce(@TempDir Path dir) throws Exception {
        List<CompletableFuture<Store>> opening = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                opening.add(CompletableFuture.supplyAsync(() -> open(dir), executor));
            }
        }
        List<Store> stores = new ArrayList<>();
        for (CompletableFuture<Store> store : opening) {
            stores.add(store.get());
        }
        stores.getFirst().createApp("a", "key");
        for (Store store : stores) {
            assertThat(store.apps()).hasSize(1);
            store.close();
        }
    }

    @Test
    void reads_doNotWaitForAnotherWriter(@TempDir Path dir) throws Exception {
        try (Store store = open(dir);
                Connection other = DriverManager.getConnection(
                        "jdbc:sqlite:" + dir.resolve("data").resolve("faultline.db"))) {
            App app = store.createApp("a", "key");
            try (Statement statement = other.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                statement.execute("UPDATE apps SET name = 'renamed'");

                // The reads complete while the other connection holds the write lock.
                assertThat(store.apps()).containsExactly(app);
                assertThat(store.groups(new GroupQuery(app.id(), null, null, null, 10))
                                .items())
                        .isEmpty();

                statement.execute("COMMIT");
            }
            assertThat(store.app(app.id()).orElseThrow().name()).isEqualTo("renamed");
        }
    }

    @Test
    void write_waitsForAnotherProcesssTransaction(@TempDir Path dir) throws Exception {
        try (Store store = open(dir);
                Connection other = DriverManager.getConnection(
                        "jdbc:sqlite:" + dir.resolve("data").resolve("faultline.db"))) {
            App app = store.createApp("a", "key");
            Statement statement = other.createStatement();
            statement.execute("BEGIN IMMEDIATE");

            CompletableFuture<?> write = CompletableFuture.runAsync(() -> store.write(List.of(report().ingest(app))));
            Thread.sleep(300);
            assertThat(write).isNotDone();
            statement.execute("COMMIT");

            write.get(10, TimeUnit.SECONDS);
            assertThat(store.groups(new GroupQuery(app.id(), null, null, null, 10))
                            .items())
                    .hasSize(1);
        }
    }

    @Test
    void close_endsTheStore(@TempDir Path dir) {
        Store store = open(dir);
        App app = store.createApp("a", "key");
        store.close();

        assertThatThrownBy(() -> store.write(List.of(report().ingest(app)))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(store::apps).isInstanceOf(IllegalStateException.class);
        assertThat(Files.exists(dir.resolve("data").resolve("faultline.db-wal")))
                .as("the last connection's close checkpoints and removes the WAL")
                .isFalse();
    }
}
