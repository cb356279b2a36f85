package dev.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.model.Group;
import dev.faultline.core.store.EventSummary;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.core.store.Page;
import dev.faultline.core.store.Store;
import dev.faultline.storage.sqlite.SqliteStore;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 202 means durable: a server under steady load is killed with SIGKILL and restarted; every report
 * it had answered 202 is there, and none is there twice.
 */
class DurabilityIT {
    private static final int CLIENTS = 16;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedReportSurvivesSigkillAndNoneIsStoredTwice() throws Exception {
        ServerProcess.Result created =
                ServerProcess.run(dataDir, "apps", "create", "--name", "durable", "--api-key", "DURABLE_KEY");
        assertThat(created.exitCode()).as(created.err()).isZero();

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sequence = new AtomicInteger();
        ServerProcess server = ServerProcess.serve(dataDir);
        try {
            AtomicBoolean running = new AtomicBoolean(true);
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(Thread.ofPlatform().start(() -> {
                    while (running.get()) {
                        String marker = "seq-" + sequence.incrementAndGet();
                        try {
                            HttpResponse<Void> response = http.send(
                                    HttpRequest.newBuilder(server.uri("/entries"))
                                            .header("X-ApiKey", "DURABLE_KEY")
                                            .timeout(Duration.ofSeconds(10))
                                            .POST(HttpRequest.BodyPublishers.ofString(report(marker)))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() == 202) {
                                acknowledged.add(marker);
                            }
                        } catch (IOException e) {
                            return; // the server is gone
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (acknowledged.size() < 2000 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            server.kill();
            running.set(false);
            for (Thread client : clients) {
                client.join(Duration.ofSeconds(30));
            }
        } finally {
            server.kill();
        }
        assertThat(acknowledged).hasSizeGreaterThan(100);

        try (ServerProcess restarted = ServerProcess.serve(dataDir)) {
            HttpResponse<Void> after = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(restarted.uri("/entries"))
                                    .header("X-ApiKey", "DURABLE_KEY")
                                    .POST(HttpRequest.BodyPublishers.ofString(report("after-restart")))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            assertThat(after.statusCode()).isEqualTo(202);
        }

        Map<String, Integer> stored = storedMarkers();
        assertThat(stored.keySet()).containsAll(acknowledged).contains("after-restart");
        assertThat(stored.values()).allSatisfy(copies -> assertThat(copies).isEqualTo(1));
        System.out.printf(
                "durability: %d acknowledged before SIGKILL, %d stored (the rest were in flight)%n",
                acknowledged.size(), stored.size() - 1);
    }

    private Map<String, Integer> storedMarkers() {
        Map<String, Integer> copies = new HashMap<>();
        try (Store store = SqliteStore.open(dataDir.resolve("faultline.db"))) {
            long appId = store.appByApiKey("DURABLE_KEY").orElseThrow().id();
            String groupCursor = null;
            do {
                Page<Group> groups = store.groups(new GroupQuery(appId, null, null, groupCursor, 100));
                for (Group group : groups.items()) {
                    String eventCursor = null;
                    do {
                        Page<EventSummary> events = store.events(group.id(), eventCursor, 500);
                        for (EventSummary event : events.items()) {
                            byte[] payload = store.event(event.id())
                                    .orElseThrow()
                                    .payload()
                                    .decompress();
                            for (JsonNode tag : TestServer.parse(new String(payload, StandardCharsets.UTF_8))
                                    .at("/details/tags")) {
                                copies.merge(tag.asText(), 1, Integer::sum);
                            }
                        }
                        eventCursor = events.next();
                    } while (eventCursor != null);
                }
                groupCursor = groups.next();
            } while (groupCursor != null);
        }
        return copies;
    }

    private static String report(String marker) {
        return """
                {"occurredOn":"2026-11-22T18:08:26Z","details":{"version":"1.0.0","tags":["%s"],
                "error":{"className":"java.lang.IllegalStateException","message":"durable",
                "stackTrace":[{"lineNumber":7,"className":"demo.Durable","methodName":"run","fileName":"Durable.java"}]},
                "user":{"identifier":"user-%s"}}}""".formatted(marker, marker);
    }
}
