package dev.faultline.server;

import static dev.faultline.server.RaygunIngestIT.assertError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.model.App;
import dev.faultline.server.notify.Signatures;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhooks end to end: managed through the API, posted by the worker to a real receiver on loopback. */
class WebhooksIT {
    @TempDir
    static Path dataDir;

    static TestServer server;
    static WebhookReceiver receiver;
    static TestAccounts accounts;
    static Team team;
    static BearerClient asInstance;
    static BearerClient asTeamAdmin;
    static BearerClient asMember;
    static BearerClient asOutsider;

    @BeforeAll
    static void start() {
        server = TestServer.start(
                dataDir,
                Map.of(
                        "FAULTLINE_WEBHOOK_POLL_MILLIS", "50",
                        "FAULTLINE_WEBHOOK_FIRST_RETRY_SECONDS", "1",
                        "FAULTLINE_WEBHOOK_TIMEOUT_SECONDS", "5"));
        receiver = new WebhookReceiver();
        accounts = new TestAccounts(server);
        team = accounts.team("Hooks");
        Team otherTeam = accounts.team("Others");
        asInstance = new BearerClient(server, server.token);
        asTeamAdmin =
                new BearerClient(server, accounts.token(accounts.user("admin@example.com", false, team, Role.ADMIN)));
        asMember = new BearerClient(server, accounts.token(accounts.member("member@example.com", team)));
        asOutsider = new BearerClient(server, accounts.token(accounts.member("outsider@example.com", otherTeam)));
    }

    @AfterAll
    static void stop() {
        server.close();
        receiver.close();
    }

    private static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return TestServer.parse(response.body());
    }

    private static JsonNode createWebhook(App app, String path, String events) {
        return ok(
                asTeamAdmin.post(
                        "/api/v1/apps/" + app.id() + "/webhooks",
                        "{\"url\":\"" + receiver.url(path) + "\",\"events\":" + events + "}"),
                201);
    }

    private static JsonNode json(WebhookReceiver.Received request) {
        return TestServer.parse(new String(request.body(), UTF_8));
    }

    /** The webhook's deliveries once the newest has had at least {@code attempts} attempts. */
    private static JsonNode deliveriesAfter(long webhookId, int attempts) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        JsonNode deliveries;
        do {
            deliveries = ok(asTeamAdmin.get("/api/v1/webhooks/" + webhookId + "/deliveries"), 200);
            if (!deliveries.isEmpty() && deliveries.get(0).get("attempts").asInt() >= attempts) {
                return deliveries;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("deliveries never had " + attempts + " attempts: " + deliveries);
    }

    @Test
    void aNewGroupIsPostedSignedWithRaygunsFieldsThenItsStatusChange() {
        App app = accounts.app(team, "Signed app", "HOOK_KEY_SIGNED");
        JsonNode webhook = createWebhook(app, "/signed", "[\"NewErrorOccurred\",\"StatusChanged\"]");
        String secret = webhook.get("secret").asText();

        server.sendEntry(
                app,
                RaygunEntry.error("demo.Boom", "hooked")
                        .groupingKey("hooked")
                        .tags("checkout", "v1.0.1")
                        .user("u-42")
                        .customData("{\"pageName\":\"Error Page\",\"userLoggedIn\":true}"));
        WebhookReceiver.Received request = receiver.next("/signed");
        long groupId = server.groupId(app, "demo.Boom");
        String title = ok(asMember.get("/api/v1/groups/" + groupId), 200)
                .at("/group/title")
                .asText();

        assertThat(webhook.get("secret").asText()).startsWith("whsec_");
        assertThat(webhook.get("style").asText()).isEqualTo("raygun");
        assertThat(webhook.get("enabled").asBoolean()).isTrue();
        assertThat(request.headers())
                .containsEntry("content-type", "application/json")
                .containsEntry("user-agent", "Faultline")
                .containsEntry("x-faultline-event", "NewErrorOccurred");
        assertThat(Signatures.verify(
                        secret,
                        request.headers().get("x-faultline-signature"),
                        request.body(),
                        Instant.now().getEpochSecond(),
                        300))
                .isTrue();
        JsonNode body = json(request);
        String base = "http://localhost:" + server.server.port();
        assertThat(body.get("event").asText()).isEqualTo("error_notification");
        assertThat(body.get("eventType").asText()).isEqualTo("NewErrorOccurred");
        assertThat(body.at("/error/url").asText()).isEqualTo(base + "/groups/" + groupId);
        assertThat(body.at("/error/message").asText()).isEqualTo(title);
        assertThat(Instant.parse(body.at("/error/firstOccurredOn").asText())).isNotNull();
        assertThat(Instant.parse(body.at("/error/lastOccurredOn").asText())).isNotNull();
        assertThat(body.at("/error/usersAffected").asLong()).isEqualTo(1);
        assertThat(body.at("/error/totalOccurrences").asLong()).isEqualTo(1);
        assertThat(body.at("/error/instance/tags")).extracting(JsonNode::asText).containsExactly("checkout", "v1.0.1");
        assertThat(body.at("/error/instance/affectedUser/Identifier").asText()).isEqualTo("u-42");
        assertThat(body.at("/error/instance/affectedUser/IsAnonymous").asBoolean())
                .isFalse();
        assertThat(body.at("/error/instance/affectedUser/Email").asText()).isEqualTo("u-42@example.com");
        assertThat(body.at("/error/instance/customData/pageName").asText()).isEqualTo("Error Page");
        assertThat(body.at("/error/instance/customData/userLoggedIn").asBoolean())
                .isTrue();
        assertThat(body.at("/application/name").asText()).isEqualTo("Signed app");
        assertThat(body.at("/application/url").asText()).isEqualTo(base + "/apps/" + app.id() + "/groups");

        ok(asTeamAdmin.patch("/api/v1/groups/" + groupId, "{\"status\":\"ignored\"}"), 200);
        WebhookReceiver.Received changed = receiver.next("/signed");
        JsonNode activity = json(changed);

        assertThat(changed.headers()).containsEntry("x-faultline-event", "StatusChanged");
        assertThat(activity.get("event").asText()).isEqualTo("error_activity");
        assertThat(activity.get("eventType").asText()).isEqualTo("StatusChanged");
        assertThat(activity.at("/error/user").asText()).isNotBlank();
        assertThat(activity.at("/error/description").asText())
                .isEqualTo(activity.at("/error/user").asText() + " marked error " + title + " as Ignored");
        assertThat(activity.at("/error/message").asText()).isEqualTo(title);
        assertThat(activity.at("/error/instance").isMissingNode()).isTrue();
        assertThat(activity.at("/application/name").asText()).isEqualTo("Signed app");
    }

    @Test
    void aReceiverThatAnswers503IsRetriedUntilItAccepts() throws InterruptedException {
        App app = accounts.app(team, "Flaky app", "HOOK_KEY_FLAKY");
        receiver.answer("/flaky", 503);
        long webhookId =
                createWebhook(app, "/flaky", "[\"NewErrorOccurred\"]").get("id").asLong();

        server.sendEntry(app, RaygunEntry.error("demo.Flaky", "flaky").groupingKey("flaky"));
        WebhookReceiver.Received first = receiver.next("/flaky");
        WebhookReceiver.Received second = receiver.next("/flaky");
        JsonNode delivery = deliveriesAfter(webhookId, 2).get(0);

        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().get("x-faultline-delivery"))
                .isEqualTo(first.headers().get("x-faultline-delivery"));
        assertThat(delivery.get("state").asText()).isEqualTo("delivered");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivery.get("lastStatus").asInt()).isEqualTo(200);
        assertThat(delivery.get("eventType").asText()).isEqualTo("NewErrorOccurred");
        assertThat(delivery.has("deliveredAt")).isTrue();
    }

    @Test
    void redirectsAreNotFollowed() throws InterruptedException {
        App app = accounts.app(team, "Moved app", "HOOK_KEY_MOVED");
        receiver.answer("/moved", 302, 302, 302, 302, 302);
        long webhookId =
                createWebhook(app, "/moved", "[\"NewErrorOccurred\"]").get("id").asLong();

        server.sendEntry(app, RaygunEntry.error("demo.Moved", "moved").groupingKey("moved"));
        receiver.next("/moved");
        JsonNode delivery = deliveriesAfter(webhookId, 1).get(0);

        assertThat(delivery.get("state").asText()).isEqualTo("pending");
        assertThat(delivery.get("lastStatus").asInt()).isEqualTo(302);
        assertThat(delivery.get("lastError").asText()).isEqualTo("answered 302");
        assertThat(receiver.got("/redirected")).isFalse();
    }

    @Test
    void aTestDeliveryPostsTheNewestGroupOr409WithoutOne() {
        App app = accounts.app(team, "Tested app", "HOOK_KEY_TESTED");
        long webhookId =
                createWebhook(app, "/tested", "[\"StatusChanged\"]").get("id").asLong();

        assertError(
                asTeamAdmin.post("/api/v1/webhooks/" + webhookId + "/test", ""),
                409,
                "no_groups",
                "app " + app.id() + " has no error group to send");
        server.sendEntry(app, RaygunEntry.error("demo.Tested", "tested").groupingKey("tested"));
        JsonNode queued = ok(asTeamAdmin.post("/api/v1/webhooks/" + webhookId + "/test", ""), 202);
        JsonNode body = json(receiver.next("/tested"));

        assertThat(queued.get("eventType").asText()).isEqualTo("NewErrorOccurred");
        assertThat(body.get("eventType").asText()).isEqualTo("NewErrorOccurred");
        assertThat(body.at("/error/url").asText()).endsWith("/groups/" + server.groupId(app, "demo.Tested"));
    }

    @Test
    void webhooksAreValidatedAndChangedThroughTheApi() {
        App app = accounts.app(team, "Managed app", "HOOK_KEY_MANAGED");
        String path = "/api/v1/apps/" + app.id() + "/webhooks";

        assertError(
                asTeamAdmin.post(path, "{\"url\":\"ftp://example.com/\"}"),
                400,
                "invalid_request",
                "url must be an absolute http:// or https:// URL, got 'ftp://example.com/'");
        assertError(
                asTeamAdmin.post(path, "{\"url\":\"https://example.com/\",\"events\":[\"Boom\"]}"),
                400,
                "invalid_request",
                "unknown event type \"Boom\"; the types are NewErrorOccurred, ErrorReoccurred, OneMinuteFollowUp,"
                        + " FiveMinuteFollowUp, TenMinuteFollowUp, ThirtyMinuteFollowUp, HourlyFollowUp, StatusChanged,"
                        + " AssignedToUser, CommentAdded");
        assertError(
                asTeamAdmin.post(path, "{\"url\":\"https://example.com/\",\"style\":\"discord\"}"),
                400,
                "invalid_request",
                "style must be one of raygun, slack, teams, got \"discord\"");
        assertError(asTeamAdmin.post(path, "{\"enabled\":true}"), 400, "invalid_request", "url is required");

        JsonNode created =
                ok(asTeamAdmin.post(path, "{\"url\":\"https://example.com/hook\",\"style\":\"slack\"}"), 201);
        long id = created.get("id").asLong();
        JsonNode changed = ok(
                asTeamAdmin.patch(
                        "/api/v1/webhooks/" + id,
                        "{\"enabled\":false,\"events\":[\"CommentAdded\"],\"style\":\"teams\"}"),
                200);
        JsonNode listedForMember = ok(asMember.get(path), 200);

        assertThat(created.get("events")).hasSize(10);
        assertThat(created.get("style").asText()).isEqualTo("slack");
        assertThat(changed.get("enabled").asBoolean()).isFalse();
        assertThat(changed.get("events")).extracting(JsonNode::asText).containsExactly("CommentAdded");
        assertThat(changed.get("style").asText()).isEqualTo("teams");
        assertThat(changed.get("secret").asText())
                .isEqualTo(created.get("secret").asText());
        assertThat(changed.get("url").asText()).isEqualTo("https://example.com/hook");
        assertThat(listedForMember).hasSize(1);
        assertThat(listedForMember.get(0).has("secret")).isFalse();

        assertThat(server.send(HttpRequest.newBuilder(server.uri("/api/v1/webhooks/" + id))
                                .header("Authorization", "Bearer " + server.token)
                                .DELETE())
                        .statusCode())
                .isEqualTo(204);
        assertThat(ok(asTeamAdmin.get(path), 200)).isEmpty();
    }

    @Test
    void anotherTeamsWebhooksAreNotFoundAndMembersMayOnlyLook() {
        App app = accounts.app(team, "Private app", "HOOK_KEY_PRIVATE");
        long id = createWebhook(app, "/private", "[\"CommentAdded\"]").get("id").asLong();

        assertError(
                asOutsider.get("/api/v1/apps/" + app.id() + "/webhooks"),
                404,
                "not_found",
                "app " + app.id() + " does not exist");
        assertError(
                asOutsider.post("/api/v1/apps/" + app.id() + "/webhooks", "{\"url\":\"https://example.com/\"}"),
                404,
                "not_found",
                "app " + app.id() + " does not exist");
        assertError(
                asOutsider.get("/api/v1/webhooks/" + id + "/deliveries"),
                404,
                "not_found",
                "app " + app.id() + " does not exist");
        assertError(asOutsider.patch("/api/v1/webhooks/" + id, "{\"enabled\":false}"), 404, "not_found", null);
        assertError(asOutsider.post("/api/v1/webhooks/" + id + "/test", ""), 404, "not_found", null);
        assertError(asMember.patch("/api/v1/webhooks/" + id, "{\"enabled\":false}"), 403, "forbidden", null);
        assertError(
                asMember.post("/api/v1/apps/" + app.id() + "/webhooks", "{\"url\":\"https://example.com/\"}"),
                403,
                "forbidden",
                null);
        assertThat(ok(asMember.get("/api/v1/webhooks/" + id + "/deliveries"), 200))
                .isEmpty();
        assertError(
                asInstance.get("/api/v1/webhooks/999999/deliveries"),
                404,
                "not_found",
                "webhook 999999 does not exist");
    }

    @Test
    void assignmentsAndCommentsArePostedWithRaygunsDescriptions() {
        App app = accounts.app(team, "Discussed app", "HOOK_KEY_DISCUSSED");
        createWebhook(app, "/discussed", "[\"AssignedToUser\",\"CommentAdded\"]");
        server.sendEntry(app, RaygunEntry.error("demo.Discussed", "discussed").groupingKey("discussed"));
        long groupId = server.groupId(app, "demo.Discussed");
        String title = ok(asMember.get("/api/v1/groups/" + groupId), 200)
                .at("/group/title")
                .asText();

        ok(asTeamAdmin.patch("/api/v1/groups/" + groupId, "{\"assignee\":\"member@example.com\"}"), 200);
        ok(asTeamAdmin.post("/api/v1/groups/" + groupId + "/comments", "{\"text\":\"Ignoring these errors\"}"), 201);
        JsonNode assigned = json(receiver.next("/discussed"));
        JsonNode commented = json(receiver.next("/discussed"));

        assertThat(assigned.get("eventType").asText()).isEqualTo("AssignedToUser");
        assertThat(assigned.get("event").asText()).isEqualTo("error_activity");
        assertThat(assigned.at("/error/assignedTo").asText()).isEqualTo("member@example.com");
        assertThat(assigned.at("/error/user").asText()).isEqualTo("admin@example.com");
        assertThat(assigned.at("/error/description").asText())
                .isEqualTo("Error " + title + " was assigned to member@example.com by admin@example.com");
        assertThat(commented.get("eventType").asText()).isEqualTo("CommentAdded");
        assertThat(commented.at("/error/comment").asText()).isEqualTo("Ignoring these errors");
        assertThat(commented.at("/error/user").asText()).isEqualTo("admin@example.com");
        assertThat(commented.at("/error/description").asText())
                .isEqualTo("admin@example.com left a comment on error " + title + ", 'Ignoring these errors'");
        assertThat(commented.at("/error/totalOccurrences").asLong()).isEqualTo(1);
    }

    @Test
    void aSlackWebhookGetsATextWithALink() {
        App app = accounts.app(team, "Chatty app", "HOOK_KEY_CHATTY");
        ok(
                asTeamAdmin.post(
                        "/api/v1/apps/" + app.id() + "/webhooks",
                        "{\"url\":\"" + receiver.url("/slack") + "\",\"style\":\"slack\"}"),
                201);

        server.sendEntry(app, RaygunEntry.error("demo.Chatty", "chatty").groupingKey("chatty"));
        JsonNode body = json(receiver.next("/slack"));

        assertThat(body.size()).isEqualTo(1);
        assertThat(body.get("text").asText())
                .startsWith("NewErrorOccurred in Chatty app: <http://localhost:" + server.server.port() + "/groups/"
                        + server.groupId(app, "demo.Chatty") + "|")
                .contains("1 occurrences");
    }

    @Test
    void aDeliveryCanBeResentAndOnlyThroughItsOwnWebhook() throws InterruptedException {
        App app = accounts.app(team, "Resent app", "HOOK_KEY_RESENT");
        long webhookId = createWebhook(app, "/resent", "[\"NewErrorOccurred\"]")
                .get("id")
                .asLong();
        long otherWebhookId =
                createWebhook(app, "/other", "[\"CommentAdded\"]").get("id").asLong();
        server.sendEntry(app, RaygunEntry.error("demo.Resent", "resent").groupingKey("resent"));
        WebhookReceiver.Received first = receiver.next("/resent");
        long deliveryId = deliveriesAfter(webhookId, 1).get(0).get("id").asLong();

        assertThat(asTeamAdmin
                        .post("/api/v1/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/resend", "")
                        .statusCode())
                .isEqualTo(202);
        WebhookReceiver.Received again = receiver.next("/resent");
        assertError(
                asTeamAdmin.post("/api/v1/webhooks/" + otherWebhookId + "/deliveries/" + deliveryId + "/resend", ""),
                404,
                "not_found",
                "delivery " + deliveryId + " of webhook " + otherWebhookId + " does not exist");
        assertError(
                asMember.post("/api/v1/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/resend", ""),
                403,
                "forbidden",
                null);

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(deliveriesAfter(webhookId, 2).get(0).get("state").asText()).isEqualTo("delivered");
    }
}
