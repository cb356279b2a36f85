package dev.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Raygun ingestion over real HTTP: every documented status with its exact body, bulk, CORS. */
class RaygunIngestIT {
    @TempDir
    static Path dataDir;

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static byte[] fixture(String name) {
        try (InputStream in = RaygunIngestIT.class.getResourceAsStream("/raygun/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal entry whose grouping key is its message, so that each message is its own group. */
    static String entry(String occurredOn, String message) {
        return """
                {"occurredOn":"%s","details":{"groupingKey":"%s","error":{"className":"demo.Boom","message":"%s",
                "stackTrace":[{"lineNumber":1,"className":"demo.Main","methodName":"run","fileName":"Main.java"}]}}}""".formatted(occurredOn, message, message);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "raygun4java-3.0.0-send.json",
                "raygun4java-3.0.0-unhandled.json",
                "raygun4node-2.2.8-single.json",
                "raygun4node-2.2.8-string-error.json",
                "raygun4node-2.2.8-uncaught.json"
            })
    void everyFixtureIsAcceptedWithExactly202AndReadableThroughTheApi(String name) {
        byte[] body = fixture(name);
        HttpResponse<String> response = server.post("/entries", body);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        JsonNode sent = TestServer.parse(new String(body, StandardCharsets.UTF_8));
        String message = sent.at("/details/error/message").asText();
        JsonNode group = findGroup(message);
        JsonNode events = server.api("/api/v1/groups/" + group.get("id").asLong() + "/events");
        JsonNode event = server.api("/api/v1/events/" + events.at("/items/0/id").asLong());
        assertThat(event.at("/report/error/message").asText()).isEqualTo(message);
        assertThat(event.at("/report/error/type").asText())
                .isEqualTo(sent.at("/details/error/className").asText());
        assertThat(event.get("payload")).isEqualTo(sent);
    }

    private static JsonNode findGroup(String message) {
        String next = null;
        List<String> seen = new ArrayList<>();
        do {
            JsonNode page = server.api(
                    "/api/v1/apps/" + server.app.id() + "/groups?limit=200" + (next == null ? "" : "&cursor=" + next));
            for (JsonNode group : page.get("items")) {
                seen.add(group.get("message").asText());
                if (group.get("message").asText().equals(message)) {
                    return group;
                }
            }
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null);
        throw new AssertionError("no group with message " + message + " among " + seen);
    }

    @Test
    void bulkStoresEveryEntry() {
        HttpResponse<String> response = server.post("/entries/bulk", fixture("raygun4node-2.2.8-bulk.json"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(TestServer.parse(response.body())).isEqualTo(TestServer.parse("{\"accepted\":3,\"dropped\":0}"));
        assertThat(findGroup("batched one").get("className").asText()).isEqualTo("Error");
        assertThat(findGroup("batched two").get("className").asText()).isEqualTo("TypeError");
        assertThat(findGroup("batched three (string)").get("count").asLong()).isEqualTo(1);
    }

    @Test
    void bulkDropsAndCountsInvalidEntriesAndStoresTheRest() {
        long before = drops("invalid_report");
        String body = "[" + entry("2026-01-02T03:04:05Z", "bulk good one") + ",{\"details\":{}},"
                + entry("2026-01-02T03:04:06Z", "bulk good two") + "]";

        HttpResponse<String> response = server.post("/entries/bulk", body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(TestServer.parse(response.body())).isEqualTo(TestServer.parse("{\"accepted\":2,\"dropped\":1}"));
        findGroup("bulk good one");
        findGroup("bulk good two");
        assertDrops("invalid_report", before + 1);
    }

    @Test
    void unreadableBulkBodyIs400() {
        assertError(server.post("/entries/bulk", "[{".getBytes(StandardCharsets.UTF_8)), 400, "invalid_json", null);
        assertError(
                server.post("/entries/bulk", entry("2026-01-02T03:04:05Z", "x").getBytes(StandardCharsets.UTF_8)),
                400,
                "invalid_report",
                null);
    }

    @Test
    void keyInTheQueryStringWithTextPlainAndPascalCaseIsAccepted() {
        String body = """
                {"OccurredOn":"2026-01-02T03:04:05.1234567Z","Details":{"Error":{"ClassName":"TypeError",
                "Message":"pascal case from raygun4js","StackTrace":[{"LineNumber":"12","ClassName":"line 12, column 5",
                "FileName":"https://cdn.example.com/app.js","MethodName":"onClick"}]}}}""";
        HttpResponse<String> response =
                server.send(HttpRequest.newBuilder(server.uri("/entries?apikey=" + TestServer.API_KEY))
                        .header("Content-Type", "text/plain;charset=UTF-8")
                        .header("Origin", "https://app.example.com")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(findGroup("pascal case from raygun4js").get("className").asText())
                .isEqualTo("TypeError");
    }

    @Test
    void noContentTypeAtAllIsAccepted() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/entries"))
                .header("X-ApiKey", TestServer.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(entry("2026-01-02T03:04:05", "no content type"))));

        assertThat(response.statusCode()).isEqualTo(202);
        findGroup("no content type");
    }

    @Test
    void missingKeyIs403() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/entries"))
                .POST(HttpRequest.BodyPublishers.ofString(entry("2026-01-02T03:04:05Z", "x"))));

        assertError(
                response,
                403,
                "missing_key",
                "no API key: send it in the X-ApiKey header or the apikey query parameter");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    }

    @Test
    void refusedKeysAreCountedAsUnattributedDrops() {
        long before = server.api("/api/v1/drops/unattributed")
                .at("/drops/unknown_key")
                .asLong();
        server.send(HttpRequest.newBuilder(server.uri("/entries"))
                .header("X-ApiKey", "nope")
                .POST(HttpRequest.BodyPublishers.ofString(entry("2026-01-02T03:04:05Z", "x"))));

        assertThat(server.api("/api/v1/drops/unattributed")
                        .at("/drops/unknown_key")
                        .asLong())
                .isEqualTo(before + 1);
    }

    @Test
    void unknownKeyIs403() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/entries"))
                .header("X-ApiKey", "nope")
                .POST(HttpRequest.BodyPublishers.ofString(entry("2026-01-02T03:04:05Z", "x"))));

        assertError(response, 403, "unknown_key", "the API key matches no app");
    }

    @Test
    void bodyThatIsNotJsonIs400() {
        assertError(server.post("/entries", "hello".getBytes(StandardCharsets.UTF_8)), 400, "invalid_json", null);
    }

    @Test
    void missingRequiredFieldsAre400NamingTheField() {
        assertError(
                server.post("/entries", "{\"details\":{\"error\":{}}}".getBytes(StandardCharsets.UTF_8)),
                400,
                "invalid_report",
                "occurredOn is missing");
        assertError(
                server.post("/entries", "{\"occurredOn\":\"2026-01-02T03:04:05Z\"}".getBytes(StandardCharsets.UTF_8)),
                400,
                "invalid_report",
                "details is missing");
        assertError(
                server.post(
                        "/entries",
                        "{\"occurredOn\":\"2026-01-02T03:04:05Z\",\"details\":{}}".getBytes(StandardCharsets.UTF_8)),
                400,
                "invalid_report",
                "details.error is missing");
    }

    @Test
    void entryOver128KbIs413() {
        long before = drops("too_large");
        String padding = "x".repeat(128 * 1024);
        HttpResponse<String> response =
                server.post("/entries", entry("2026-01-02T03:04:05Z", padding).getBytes(StandardCharsets.UTF_8));

        assertError(response, 413, "too_large", "an entry may be at most 131072 bytes");
        assertDrops("too_large", before + 1);
    }

    @Test
    void preflightIsAnswered() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/entries"))
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-remote-address")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(v -> assertThat(v).contains("POST"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                .contains("content-type, x-remote-address");
    }

    @Test
    void droppedReportsAreCountedPerAppAndReason() {
        long before = drops("invalid_json");
        server.post("/entries", "{".getBytes(StandardCharsets.UTF_8));
        server.post("/entries", "[1,".getBytes(StandardCharsets.UTF_8));

        assertDrops("invalid_json", before + 2);
    }

    @Test
    void garbageNeverCausesA500() {
        String key = server.server.store().createApp("garbage", "GARBAGE_KEY").apiKey();
        byte[] valid = fixture("raygun4node-2.2.8-single.json");
        java.util.Random random = new java.util.Random(42);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] body = valid.clone();
            int mutations = 1 + random.nextInt(8);
            for (int m = 0; m < mutations; m++) {
                body[random.nextInt(body.length)] = (byte) " {}[]\":,0a\\\u00ff-eE.nt".charAt(random.nextInt(18));
            }
            statuses.add(server.post(i % 2 == 0 ? "/entries" : "/entries/bulk", key, body)
                    .statusCode());
        }
        String[] odd = {
            "null",
            "[]",
            "{}",
            "\"text\"",
            "123",
            "{\"occurredOn\":5,\"details\":5}",
            "{\"occurredOn\":\"2026-01-02T03:04:05Z\",\"details\":{\"error\":{\"stackTrace\":5,\"innerError\":[1]},"
                    + "\"user\":7,\"tags\":{\"a\":1},\"breadcrumbs\":\"x\",\"request\":[],\"environment\":\"x\"}}",
            "[".repeat(5000) + "]".repeat(5000),
            "{\"occurredOn\":\"2026-01-02T03:04:05Z\",\"details\":{\"error\":{\"message\":" + "1".repeat(5000) + "}}}"
        };
        for (String body : odd) {
            statuses.add(server.post("/entries", key, body.getBytes(StandardCharsets.UTF_8))
                    .statusCode());
            statuses.add(server.post("/entries/bulk", key, body.getBytes(StandardCharsets.UTF_8))
                    .statusCode());
        }
        assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(202, 400, 413));
    }

    @Test
    void apiNeedsAValidToken() {
        HttpResponse<String> none = server.send(HttpRequest.newBuilder(server.uri("/api/v1/apps")));
        HttpResponse<String> wrong = server.send(
                HttpRequest.newBuilder(server.uri("/api/v1/apps")).header("Authorization", "Bearer flt_wrong"));

        assertError(none, 401, "unauthorized", "send an API token as 'Authorization: Bearer <token>'");
        assertError(wrong, 401, "unauthorized", "the API token is not valid");
    }

    @Test
    void apiAnswersClearErrorsForBadParameters() {
        HttpResponse<String> notFound = server.send(HttpRequest.newBuilder(server.uri("/api/v1/groups/999999"))
                .header("Authorization", "Bearer " + server.token));
        HttpResponse<String> badId = server.send(HttpRequest.newBuilder(server.uri("/api/v1/events/abc"))
                .header("Authorization", "Bearer " + server.token));
        HttpResponse<String> badSort =
                server.send(HttpRequest.newBuilder(server.uri("/api/v1/apps/" + server.app.id() + "/groups?sort=bogus"))
                        .header("Authorization", "Bearer " + server.token));
        HttpResponse<String> badCursor = server.send(
                HttpRequest.newBuilder(server.uri("/api/v1/apps/" + server.app.id() + "/groups?cursor=not-a-cursor"))
                        .header("Authorization", "Bearer " + server.token));

        assertError(notFound, 404, "not_found", "group 999999 does not exist");
        assertError(badId, 400, "invalid_request", "eventId must be a number, got 'abc'");
        assertError(
                badSort,
                400,
                "invalid_request",
                "sort must be one of last_seen, first_seen, count, users, got 'bogus'");
        assertError(badCursor, 400, "invalid_request", null);
    }

    @Test
    void groupsArePagedAndSortable() {
        for (int i = 0; i < 7; i++) {
            String body = entry("2026-01-02T03:04:0" + i + "Z", "paged-" + i).replace("demo.Boom", "demo.Paged" + i);
            for (int n = 0; n <= i; n++) {
                assertThat(server.post("/entries", body.getBytes(StandardCharsets.UTF_8))
                                .statusCode())
                        .isEqualTo(202);
            }
        }
        List<String> byCount = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = server.api("/api/v1/apps/" + server.app.id() + "/groups?sort=count&limit=2"
                    + (next == null ? "" : "&cursor=" + next));
            page.get("items").forEach(g -> {
                if (g.get("className").asText().startsWith("demo.Paged")) {
                    byCount.add(
                            g.get("className").asText() + "=" + g.get("count").asLong());
                }
            });
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null);

        assertThat(byCount)
                .containsExactly(
                        "demo.Paged6=7",
                        "demo.Paged5=6",
                        "demo.Paged4=5",
                        "demo.Paged3=4",
                        "demo.Paged2=3",
                        "demo.Paged1=2",
                        "demo.Paged0=1");
    }

    private static long drops(String reason) {
        JsonNode drops =
                server.api("/api/v1/apps/" + server.app.id() + "/drops").get("drops");
        return drops.has(reason) ? drops.get(reason).asLong() : 0;
    }

    /** What this server counted is readable at once: the API flushes the counters first. */
    private static void assertDrops(String reason, long expected) {
        assertThat(drops(reason)).isEqualTo(expected);
    }

    static void assertError(HttpResponse<String> response, int status, String code, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = TestServer.parse(response.body());
        assertThat(body.size()).isEqualTo(2);
        assertThat(body.get("error").asText()).isEqualTo(code);
        if (message != null) {
            assertThat(body.get("message").asText()).isEqualTo(message);
        } else {
            assertThat(body.get("message").asText()).isNotBlank();
        }
    }
}
