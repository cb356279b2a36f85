package dev.faultline.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.model.App;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every event type's payload, field by field, against the examples of Raygun's webhook
 * documentation (the second half of {@code ../shared/spec/raygun-crash-reporting-api.txt}): the same
 * fields with the same names, casing and JSON types, no more and no fewer, and the example values
 * where the example shows how one is made (the descriptions). One group goes through its whole life:
 * new, a follow-up, assigned, commented on, resolved, reopened.
 */
class WebhookPayloadsSpecIT {
    private static final String ALL_TYPES = "[\"NewErrorOccurred\",\"ErrorReoccurred\",\"OneMinuteFollowUp\","
            + "\"FiveMinuteFollowUp\",\"TenMinuteFollowUp\",\"ThirtyMinuteFollowUp\",\"HourlyFollowUp\","
            + "\"StatusChanged\",\"AssignedToUser\",\"CommentAdded\"]";
    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    /** What every payload has (the spec's examples, plus the fields the issue lists for all of them). */
    private static final Map<String, String> COMMON = Map.ofEntries(
            Map.entry("/event", "string"),
            Map.entry("/eventType", "string"),
            Map.entry("/error", "object"),
            Map.entry("/error/url", "string"),
            Map.entry("/error/message", "string"),
            Map.entry("/error/firstOccurredOn", "string"),
            Map.entry("/error/lastOccurredOn", "string"),
            Map.entry("/error/usersAffected", "number"),
            Map.entry("/error/totalOccurrences", "number"),
            Map.entry("/application", "object"),
            Map.entry("/application/name", "string"),
            Map.entry("/application/url", "string"));

    /** The NewErrorOccurred and ErrorReoccurred example's instance, for its anonymous user. */
    private static final Map<String, String> INSTANCE = Map.of(
            "/error/instance", "object",
            "/error/instance/tags", "array",
            "/error/instance/affectedUser", "object",
            "/error/instance/affectedUser/Identifier", "string",
            "/error/instance/affectedUser/IsAnonymous", "boolean",
            "/error/instance/affectedUser/UUID", "string",
            "/error/instance/customData", "object");

    @TempDir
    static Path dataDir;

    static final MovableClock clock = new MovableClock();
    static TestServer server;
    static WebhookReceiver receiver;
    static BearerClient asAmy;
    static App app;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir, Map.of("FAULTLINE_WEBHOOK_POLL_MILLIS", "50"), clock);
        receiver = new WebhookReceiver();
        TestAccounts accounts = new TestAccounts(server);
        Team team = accounts.team("Spec");
        asAmy = new BearerClient(server, accounts.token(accounts.user("amy@example.com", false, team, Role.ADMIN)));
        accounts.member("kyle@example.com", team);
        app = accounts.app(team, "Best App", "SPEC_KEY");
        HttpResponse<String> created = asAmy.post(
                "/api/v1/apps/" + app.id() + "/webhooks",
                "{\"url\":\"" + receiver.url("/spec") + "\",\"events\":" + ALL_TYPES + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
        receiver.close();
    }

    @Test
    void everyEventTypesPayloadHasTheFieldsOfRaygunsExamples() {
        String uuid = "a9b7d84a-c0d3-4e7e-9ded-1ec13d033846";
        server.sendEntry(app, scriptError(uuid));
        JsonNode created = next("NewErrorOccurred");
        long groupId = server.groupId(app, "Error");
        String message = created.at("/error/message").asText();
        String base = "http://localhost:" + server.server.port();

        assertThat(shape(created)).isEqualTo(with(COMMON, INSTANCE));
        assertThat(created.get("event").asText()).isEqualTo("error_notification");
        assertThat(message).isEqualTo("Error: Script Error");
        assertThat(created.at("/error/url").asText()).isEqualTo(base + "/groups/" + groupId);
        assertThat(created.at("/error/firstOccurredOn").asText()).matches(TIMESTAMP);
        assertThat(created.at("/error/lastOccurredOn").asText()).matches(TIMESTAMP);
        assertThat(created.at("/error/usersAffected").asLong()).isEqualTo(1);
        assertThat(created.at("/error/totalOccurrences").asLong()).isEqualTo(1);
        assertThat(created.at("/error/instance/tags"))
                .extracting(JsonNode::asText)
                .containsExactly("test", "error-page", "v1.0.1", "env:staging");
        assertThat(created.at("/error/instance/affectedUser/Identifier").asText())
                .isEqualTo(uuid);
        assertThat(created.at("/error/instance/affectedUser/IsAnonymous").asBoolean())
                .isTrue();
        assertThat(created.at("/error/instance/affectedUser/UUID").asText()).isEqualTo(uuid);
        assertThat(created.at("/error/instance/customData"))
                .isEqualTo(TestServer.parse("{\"pageName\":\"Error Page\",\"userLoggedIn\":true}"));
        assertThat(created.get("application"))
                .isEqualTo(TestServer.parse(
                        "{\"name\":\"Best App\",\"url\":\"" + base + "/apps/" + app.id() + "/groups\"}"));

        server.sendEntry(app, scriptError(uuid));
        clock.shift(Duration.ofMinutes(1).plusSeconds(2));
        JsonNode followUp = next("OneMinuteFollowUp");
        assertThat(shape(followUp)).isEqualTo(COMMON);
        assertThat(followUp.get("event").asText()).isEqualTo("error_notification");
        assertThat(followUp.at("/error/totalOccurrences").asLong()).isEqualTo(2);

        patch(groupId, "{\"assignee\":\"kyle@example.com\"}");
        JsonNode assigned = next("AssignedToUser");
        assertThat(shape(assigned))
                .isEqualTo(with(
                        COMMON,
                        Map.of(
                                "/error/description",
                                "string",
                                "/error/assignedTo",
                                "string",
                                "/error/user",
                                "string")));
        assertThat(assigned.get("event").asText()).isEqualTo("error_activity");
        assertThat(assigned.at("/error/description").asText())
                .isEqualTo("Error " + message + " was assigned to kyle@example.com by amy@example.com");
        assertThat(assigned.at("/error/assignedTo").asText()).isEqualTo("kyle@example.com");
        assertThat(assigned.at("/error/user").asText()).isEqualTo("amy@example.com");

        HttpResponse<String> commented =
                asAmy.post("/api/v1/groups/" + groupId + "/comments", "{\"text\":\"Ignoring these errors\"}");
        assertThat(commented.statusCode()).as(commented.body()).isEqualTo(201);
        JsonNode comment = next("CommentAdded");
        assertThat(shape(comment))
                .isEqualTo(with(
                        COMMON,
                        Map.of("/error/description", "string", "/error/comment", "string", "/error/user", "string")));
        assertThat(comment.get("event").asText()).isEqualTo("error_activity");
        assertThat(comment.at("/error/description").asText())
                .isEqualTo("amy@example.com left a comment on error " + message + ", 'Ignoring these errors'");
        assertThat(comment.at("/error/comment").asText()).isEqualTo("Ignoring these errors");

        patch(groupId, "{\"status\":\"ignored\"}");
        JsonNode ignored = next("StatusChanged");
        assertThat(shape(ignored))
                .isEqualTo(with(COMMON, Map.of("/error/description", "string", "/error/user", "string")));
        assertThat(ignored.get("event").asText()).isEqualTo("error_activity");
        assertThat(ignored.at("/error/description").asText())
                .isEqualTo("amy@example.com marked error " + message + " as Ignored");
        assertThat(ignored.at("/error/user").asText()).isEqualTo("amy@example.com");

        patch(groupId, "{\"status\":\"resolved\"}");
        assertThat(next("StatusChanged").at("/error/description").asText()).endsWith(" as Resolved");
        server.sendEntry(app, scriptError(uuid));
        JsonNode reoccurred = next("ErrorReoccurred");
        assertThat(shape(reoccurred)).isEqualTo(with(COMMON, INSTANCE));
        assertThat(reoccurred.get("event").asText()).isEqualTo("error_notification");
        assertThat(reoccurred.at("/error/totalOccurrences").asLong()).isEqualTo(3);
        assertThat(reoccurred.at("/error/usersAffected").asLong()).isEqualTo(1);
    }

    /** The report of the spec's example: tags, an anonymous user and custom data. */
    private static RaygunEntry scriptError(String uuid) {
        return RaygunEntry.error("Error", "Script Error")
                .groupingKey("script-error")
                .tags("test", "error-page", "v1.0.1", "env:staging")
                .anonymousUser(uuid)
                .customData("{\"pageName\":\"Error Page\",\"userLoggedIn\":true}");
    }

    private static void patch(long groupId, String json) {
        HttpResponse<String> changed = asAmy.patch("/api/v1/groups/" + groupId, json);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    /** The next payload, which must be of {@code eventType}. */
    private static JsonNode next(String eventType) {
        WebhookReceiver.Received received = receiver.next("/spec");
        JsonNode body = TestServer.parse(new String(received.body(), UTF_8));
        assertThat(body.get("eventType").asText()).as(body.toString()).isEqualTo(eventType);
        assertThat(received.headers()).containsEntry("x-faultline-event", eventType);
        return body;
    }

    /**
     * Each field's JSON pointer and type, objects walked into except custom data (whatever the
     * report had).
     */
    private static Map<String, String> shape(JsonNode payload) {
        Map<String, String> shape = new TreeMap<>();
        walk("", payload, shape);
        return shape;
    }

    private static void walk(String pointer, JsonNode node, Map<String, String> shape) {
        if (!pointer.isEmpty()) {
            shape.put(pointer, node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (node.isObject() && !pointer.endsWith("/customData")) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(pointer + "/" + field.getKey(), field.getValue(), shape);
            }
        }
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
        Map<String, String> all = new TreeMap<>(base);
        all.putAll(more);
        return all;
    }
}
