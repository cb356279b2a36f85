package dev.faultline.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.core.model.App;
import dev.faultline.core.notify.Delivery;
import dev.faultline.core.notify.EventType;
import dev.faultline.core.notify.Webhook;
import dev.faultline.storage.sqlite.SqliteStore;
import dev.faultline.storage.testkit.TestReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery's pace on a real SQLite outbox and a real receiver on loopback: a poll posts the full batch
 * while the machine is quiet and the small one while it is busy; the rest waits for later polls.
 */
class DeliveryPacingTest {
    /** Longer than any test: the only polls are the ones a test makes. */
    private static final DeliveryPacing PACING = new DeliveryPacing(Duration.ofHours(1), 8, 3, 80);

    private static final int NEW_GROUPS = 10;

    @TempDir
    Path dataDir;

    private SqliteStore store;
    private HttpServer receiver;
    private final AtomicInteger posts = new AtomicInteger();
    private Webhook webhook;

    @BeforeEach
    void setUp() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (exchange;
                    InputStream body = exchange.getRequestBody()) {
                body.transferTo(OutputStream.nullOutputStream());
                posts.incrementAndGet();
                exchange.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
        store = SqliteStore.open(dataDir.resolve("faultline.db"));
        App app = store.createApp(store.createTeam("Team").id(), "app", "KEY", "secret");
        webhook = store.createWebhook(new Webhook(
                0,
                app.id(),
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                true,
                Set.of(EventType.NEW_ERROR_OCCURRED),
                "s3cret",
                Webhook.Style.RAYGUN,
                Instant.EPOCH));
        for (int index = 0; index < NEW_GROUPS; index++) {
            store.write(List.of(TestReport.report()
                    .fingerprint("group " + index)
                    .version("1.0")
                    .ingest(app)));
        }
    }

    @AfterEach
    void tearDown() {
        store.close();
        receiver.stop(0);
    }

    @Test
    void aBusyMachineGetsTheSmallBatch() {
        pollOnce(0.95);

        assertThat(posts).hasValue(3);
        assertThat(states(Delivery.State.DELIVERED)).isEqualTo(3);
        assertThat(states(Delivery.State.PENDING)).isEqualTo(NEW_GROUPS - 3);
    }

    @Test
    void aQuietMachineGetsTheFullBatch() {
        pollOnce(0.30);

        assertThat(posts).hasValue(8);
        assertThat(states(Delivery.State.DELIVERED)).isEqualTo(8);
        assertThat(states(Delivery.State.PENDING)).isEqualTo(NEW_GROUPS - 8);
    }

    @Test
    void anUnknownLoadCountsAsQuiet() {
        pollOnce(-1);

        assertThat(posts).hasValue(8);
    }

    @Test
    void theThresholdIsExclusiveAndHundredMeansNever() {
        assertThat(PACING.batchAt(0.80)).isEqualTo(8);
        assertThat(PACING.batchAt(0.81)).isEqualTo(3);
        DeliveryPacing never = new DeliveryPacing(Duration.ofSeconds(1), 50, 10, 100);
        assertThat(never.batchAt(1.0)).isEqualTo(50);
    }

    private void pollOnce(double cpuLoad) {
        OutboundHttp http = new OutboundHttp(Duration.ofSeconds(5), 1024, false);
        try (DeliveryWorker worker = DeliveryWorker.start(
                store,
                store,
                http,
                Clock.systemUTC(),
                "http://localhost",
                Duration.ofSeconds(30),
                Duration.ofHours(24),
                PACING,
                () -> cpuLoad)) {
            worker.poll();
        }
    }

    private long states(Delivery.State state) {
        return store.deliveries(webhook.id(), 100).stream()
                .filter(delivery -> delivery.state() == state)
                .count();
    }
}
