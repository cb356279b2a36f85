package dev.faultline.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.model.App;
import dev.faultline.core.notify.Delivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox across a restart: notifications that could not be posted while the receiver was down
 * are posted by the next server on the same data folder, each delivery once, in order per group.
 */
class WebhookRestartIT {
    private static final Map<String, String> SETTINGS = Map.of(
            "FAULTLINE_WEBHOOK_POLL_MILLIS", "50",
            "FAULTLINE_WEBHOOK_FIRST_RETRY_SECONDS", "1",
            "FAULTLINE_WEBHOOK_TIMEOUT_SECONDS", "2");

    @TempDir
    Path dataDir;

    @Test
    void notificationsQueuedWhileTheReceiverWasDown_arriveOnceInOrderAfterARestart() throws InterruptedException {
        int port = freePort();
        long webhookId;
        long groupA;
        long groupB;
        try (TestServer first = TestServer.start(dataDir, SETTINGS)) {
            TestAccounts accounts = new TestAccounts(first);
            Team team = accounts.team("Restart");
            BearerClient asAdmin = new BearerClient(
                    first, accounts.token(accounts.user("admin@example.com", false, team, Role.ADMIN)));
            App app = accounts.app(team, "Restart app", "RESTART_KEY");
            HttpResponse<String> created = asAdmin.post(
                    "/api/v1/apps/" + app.id() + "/webhooks",
                    "{\"url\":\"http://127.0.0.1:" + port + "/down\","
                            + "\"events\":[\"NewErrorOccurred\",\"StatusChanged\"]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            webhookId = TestServer.parse(created.body()).get("id").asLong();

            first.sendEntry(app, RaygunEntry.error("demo.A", "a").groupingKey("a"));
            first.sendEntry(app, RaygunEntry.error("demo.B", "b").groupingKey("b"));
            groupA = first.groupId(app, "demo.A");
            groupB = first.groupId(app, "demo.B");
            HttpResponse<String> ignored = asAdmin.patch("/api/v1/groups/" + groupA, "{\"status\":\"ignored\"}");
            assertThat(ignored.statusCode()).as(ignored.body()).isEqualTo(200);
            awaitFailedAttempt(first, webhookId);
        }

        try (WebhookReceiver receiver = new WebhookReceiver(port);
                TestServer second = TestServer.start(dataDir, SETTINGS)) {
            List<Delivery> deliveries = awaitAllDelivered(second, webhookId, 3);
            List<WebhookReceiver.Received> posted =
                    List.of(receiver.next("/down"), receiver.next("/down"), receiver.next("/down"));
            Thread.sleep(1500); // past the first retry wait: a second post of any delivery would show

            assertThat(receiver.all()).as("each delivery once").isEmpty();
            assertThat(posted)
                    .extracting(request -> Long.parseLong(request.headers().get("x-faultline-delivery")))
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(
                            deliveries.stream().map(Delivery::id).toList());
            assertThat(posted.stream()
                            .filter(request -> groupOf(request) == groupA)
                            .map(request -> request.headers().get("x-faultline-event")))
                    .as("in order per group")
                    .containsExactly("NewErrorOccurred", "StatusChanged");
            assertThat(posted.stream().filter(request -> groupOf(request) == groupB))
                    .extracting(request -> request.headers().get("x-faultline-event"))
                    .containsExactly("NewErrorOccurred");
        }
    }

    /** The group a payload is about, from the link to it. */
    private static long groupOf(WebhookReceiver.Received request) {
        String url = TestServer.parse(new String(request.body(), UTF_8))
                .at("/error/url")
                .asText();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    private static void awaitFailedAttempt(TestServer server, long webhookId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            List<Delivery> deliveries = server.server.store().deliveries(webhookId, 10);
            if (deliveries.size() == 3 && deliveries.stream().anyMatch(delivery -> delivery.attempts() > 0)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no failed attempt within 15 s");
    }

    private static List<Delivery> awaitAllDelivered(TestServer server, long webhookId, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<Delivery> deliveries = List.of();
        while (System.nanoTime() < deadline) {
            deliveries = server.server.store().deliveries(webhookId, 10);
            if (deliveries.size() == count
                    && deliveries.stream().allMatch(delivery -> delivery.state() == Delivery.State.DELIVERED)) {
                return deliveries;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not all delivered within 15 s: " + deliveries);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
