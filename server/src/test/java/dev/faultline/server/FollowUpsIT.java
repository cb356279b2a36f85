package dev.faultline.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.model.App;
import dev.faultline.core.notify.FollowUp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follow-ups end to end, with the clock of notifications moved by the test: reports arrive at the
 * wall clock's time, the scheduler runs at the moved one.
 */
class FollowUpsIT {
    private static final String FOLLOW_UPS = "[\"NewErrorOccurred\",\"OneMinuteFollowUp\",\"FiveMinuteFollowUp\","
            + "\"TenMinuteFollowUp\",\"ThirtyMinuteFollowUp\",\"HourlyFollowUp\"]";

    @TempDir
    static Path dataDir;

    static MovableClock clock = new MovableClock();
    static TestServer server;
    static WebhookReceiver receiver;
    static TestAccounts accounts;
    static Team team;
    static BearerClient asAdmin;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir, Map.of("FAULTLINE_WEBHOOK_POLL_MILLIS", "50"), clock);
        receiver = new WebhookReceiver();
        accounts = new TestAccounts(server);
        team = accounts.team("Follow-ups");
        asAdmin = new BearerClient(server, accounts.token(accounts.user("admin@example.com", false, team, Role.ADMIN)));
    }

    @AfterAll
    static void stop() {
        server.close();
        receiver.close();
    }

    @Test
    void whileReportsKeepComing_eachFollowUpFiresOnceAtItsOffset() {
        clock.shift(Duration.ZERO);
        App app = accounts.app(team, "Steady app", "FOLLOW_KEY_STEADY");
        webhook(app, "/steady");
        report(app, "steady");
        assertThat(eventType(receiver.next("/steady"))).isEqualTo("NewErrorOccurred");
        long groupId = server.groupId(app, "demo.steady");

        List<String> types = List.of(
                "OneMinuteFollowUp",
                "FiveMinuteFollowUp",
                "TenMinuteFollowUp",
                "ThirtyMinuteFollowUp",
                "HourlyFollowUp",
                "HourlyFollowUp");
        List<Duration> offsets = List.of(
                Duration.ofMinutes(1),
                Duration.ofMinutes(5),
                Duration.ofMinutes(10),
                Duration.ofMinutes(30),
                Duration.ofHours(1),
                Duration.ofHours(2));
        for (int step = 0; step < types.size(); step++) {
            report(app, "steady");
            clock.shift(offsets.get(step).plusSeconds(2));
            WebhookReceiver.Received followUp = receiver.next("/steady");
            JsonNode body = json(followUp);

            assertThat(followUp.headers()).containsEntry("x-faultline-event", types.get(step));
            assertThat(body.get("event").asText()).isEqualTo("error_notification");
            assertThat(body.get("eventType").asText()).isEqualTo(types.get(step));
            assertThat(body.at("/error/totalOccurrences").asLong()).isEqualTo(step + 2);
            assertThat(body.at("/error/url").asText()).endsWith("/groups/" + groupId);
        }
        awaitPolls();
        assertThat(receiver.got("/steady")).as("each follow-up once").isFalse();
    }

    @Test
    void withoutAReportAfterTheOneMinuteFollowUp_theSequenceEnds() {
        clock.shift(Duration.ZERO);
        App app = accounts.app(team, "Quiet app", "FOLLOW_KEY_QUIET");
        webhook(app, "/quiet");
        report(app, "quiet");
        receiver.next("/quiet");
        long groupId = server.groupId(app, "demo.quiet");
        report(app, "quiet");

        clock.shift(Duration.ofMinutes(1).plusSeconds(2));
        assertThat(eventType(receiver.next("/quiet"))).isEqualTo("OneMinuteFollowUp");
        clock.shift(Duration.ofMinutes(5).plusSeconds(2));
        awaitEnded(groupId);
        clock.shift(Duration.ofHours(3));
        awaitPolls();

        assertThat(receiver.got("/quiet")).isFalse();
    }

    @Test
    void resolvingTheGroup_endsTheSequence() {
        clock.shift(Duration.ZERO);
        App app = accounts.app(team, "Resolved app", "FOLLOW_KEY_RESOLVED");
        webhook(app, "/resolved");
        report(app, "resolved");
        receiver.next("/resolved");
        long groupId = server.groupId(app, "demo.resolved");
        report(app, "resolved");
        HttpResponse<String> resolved = asAdmin.patch("/api/v1/groups/" + groupId, "{\"status\":\"resolved\"}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);

        clock.shift(Duration.ofMinutes(1).plusSeconds(2));
        awaitEnded(groupId);
        awaitPolls();

        assertThat(receiver.got("/resolved")).isFalse();
    }

    private static void webhook(App app, String path) {
        HttpResponse<String> created = asAdmin.post(
                "/api/v1/apps/" + app.id() + "/webhooks",
                "{\"url\":\"" + receiver.url(path) + "\",\"events\":" + FOLLOW_UPS + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private static void report(App app, String name) {
        server.sendEntry(app, RaygunEntry.error("demo." + name, name).groupingKey(name));
    }

    private static JsonNode json(WebhookReceiver.Received request) {
        return TestServer.parse(new String(request.body(), UTF_8));
    }

    private static String eventType(WebhookReceiver.Received request) {
        return request.headers().get("x-faultline-event");
    }

    /** Waits until the group's follow-up sequence is gone from the outbox. */
    private static void awaitEnded(long groupId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            boolean running =
                    server.server.store().dueFollowUps(clock.instant().plus(Duration.ofDays(1)), 1000).stream()
                            .map(FollowUp::groupId)
                            .anyMatch(id -> id == groupId);
            if (!running) {
                return;
            }
            sleep(20);
        }
        throw new AssertionError("the follow-ups of group " + groupId + " never ended");
    }

    /** Long enough for several polls of the worker (every 50 ms), to show that nothing more comes. */
    private static void awaitPolls() {
        sleep(500);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
