package dev.faultline.storage.sqlite;

import static dev.faultline.storage.testkit.TestReport.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.store.BatchingReportLog;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.core.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The single-node write path end to end: many request threads, one batching writer, SQLite. */
class SqliteReportLogTest {
    private static final int THREADS = 16;
    private static final int REPORTS_PER_THREAD = 500;
    private static final int FINGERPRINTS = 10;

    @TempDir
    Path dir;

    @Test
    void concurrentAppends_areEachStoredOnce() throws Exception {
        try (Store store = SqliteStore.open(dir.resolve("faultline.db"))) {
            App app = store.createApp("a", "key");
            List<CompletableFuture<Stored>> results = new ArrayList<>();
            try (BatchingReportLog log = new BatchingReportLog(store, THREADS * REPORTS_PER_THREAD, 200);
                    ExecutorService appenders = Executors.newFixedThreadPool(THREADS)) {
                List<Future<List<CompletableFuture<Stored>>>> appended = new ArrayList<>();
                for (int thread = 0; thread < THREADS; thread++) {
                    int threadNumber = thread;
                    appended.add(appenders.submit(() -> {
                        List<CompletableFuture<Stored>> mine = new ArrayList<>();
                        for (int i = 0; i < REPORTS_PER_THREAD; i++) {
                            mine.add(log.append(report().fingerprint("f" + (i % FINGERPRINTS))
                                    .logId(threadNumber + "-" + i)
                                    .ingest(app)));
                        }
                        return mine;
                    }));
                }
                for (Future<List<CompletableFuture<Stored>>> thread : appended) {
                    results.addAll(thread.get());
                }
                CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                        .join();
            }

            List<Stored> stored = results.stream().map(CompletableFuture::join).toList();
            assertThat(stored).hasSize(THREADS * REPORTS_PER_THREAD);
            assertThat(stored).noneMatch(Stored::duplicate);
            assertThat(stored).extracting(Stored::eventId).doesNotHaveDuplicates();
            assertThat(stored).filteredOn(Stored::newGroup).hasSize(FINGERPRINTS);
            List<Group> groups = store.groups(new GroupQuery(app.id(), null, null, null, 100))
                    .items();
            assertThat(groups).hasSize(FINGERPRINTS);
            assertThat(groups.stream().mapToLong(Group::count).sum()).isEqualTo(THREADS * REPORTS_PER_THREAD);
        }
    }
}
