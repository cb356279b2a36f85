package dev.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.ingest.Ingest;
import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.storage.sqlite.SqliteStore;
import dev.faultline.storage.testkit.TestReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retention job on a real SQLite store: each app's old events go, in batches; others stay. */
class RetentionJobTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void deletesEventsOlderThanEachAppsRetentionInBatches() {
        try (SqliteStore store = SqliteStore.open(dataDir.resolve("faultline.db"))) {
            App kept = store.createApp(store.createTeam("Team").id(), "forever", "KEPT_KEY", "kept-secret");
            App trimmed = store.createApp(kept.teamId(), "thirty days", "TRIMMED_KEY", "trimmed-secret");
            store.setRetention(trimmed.id(), 30);
            Instant old = NOW.minus(Duration.ofDays(31));
            List<Ingest> batch = new ArrayList<>();
            for (int index = 0; index < RetentionJob.BATCH + 5; index++) {
                batch.add(report(trimmed, old, "old"));
            }
            batch.add(report(kept, old, "kept"));
            store.write(batch);
            Stored recent = store.write(List.of(report(trimmed, NOW.minus(Duration.ofDays(29)), "old")))
                    .getFirst();

            long deleted = new RetentionJob(store, Clock.fixed(NOW, ZoneOffset.UTC)).deleteOldEvents();

            assertThat(deleted).isEqualTo(RetentionJob.BATCH + 5);
            assertThat(store.events(recent.groupId(), null, 10).items()).hasSize(1);
            assertThat(store.latestEvent(recent.groupId())).hasValue(recent.eventId());
            assertThat(store.group(recent.groupId()).orElseThrow().group().count())
                    .as("counters stay")
                    .isEqualTo(RetentionJob.BATCH + 6);
            long keptGroup = store.groups(new GroupQuery(kept.id(), null, null, null, 10))
                    .items()
                    .getFirst()
                    .id();
            assertThat(store.latestEvent(keptGroup)).isPresent();
            assertThat(new RetentionJob(store, Clock.fixed(NOW, ZoneOffset.UTC)).deleteOldEvents())
                    .isZero();
        }
    }

    private static Ingest report(App app, Instant at, String fingerprint) {
        return TestReport.report()
                .at(at)
                .fingerprint(fingerprint)
                .version("1.0")
                .ingest(app);
    }
}
