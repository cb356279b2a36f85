package dev.faultline.server;

import static dev.faultline.server.AppCenterClient.INSTALL_ID;
import static dev.faultline.server.AppCenterClient.attachment;
import static dev.faultline.server.AppCenterClient.crash;
import static dev.faultline.server.AppCenterClient.fresh;
import static dev.faultline.server.AppCenterClient.logs;
import static dev.faultline.server.AppCenterClient.resource;
import static dev.faultline.server.AppCenterClient.startSession;
import static dev.faultline.server.RaygunIngestIT.assertError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.model.App;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * App Center ingestion over real HTTP: the SDK fixtures and every doc sample, gzip, every status,
 * batches mixing good and bad logs, attachments in every order, retries, sessions.
 */
class AppCenterIngestIT {
    @TempDir
    static Path dataDir;

    static TestServer server;
    static AppCenterClient client;
    static App app;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        client = new AppCenterClient(server.http, server.uri("/"));
        app = server.app;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * The Breakpad sample's attachment data is a placeholder, not base64; such a log is dropped
     * (the golden tests show it), so the end-to-end tests send real bytes in its place.
     */
    private static final String MINIDUMP =
            Base64.getEncoder().encodeToString("MDMP\u0093\u00a7 fake minidump".getBytes(UTF_8));

    /** The doc samples have trailing commas, which the test's strict JSON reader refuses. */
    private static JsonNode lenient(byte[] body) {
        try {
            return com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA)
                    .build()
                    .readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> post(byte[] body) {
        return client.post(app.appSecret(), INSTALL_ID, body, false);
    }

    private static void assertStored(HttpResponse<String> response, int accepted, int dropped) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = TestServer.parse(response.body());
        assertThat(body.get("status").asText()).isEqualTo("Success");
        assertThat(body.get("accepted").asInt()).as(response.body()).isEqualTo(accepted);
        assertThat(body.get("dropped").asInt()).as(response.body()).isEqualTo(dropped);
    }

    /** The stored event whose log id is {@code logId}, read through the REST API. */
    private static JsonNode eventByLogId(String logId) {
        for (JsonNode group :
                server.api("/api/v1/apps/" + app.id() + "/groups?limit=200").get("items")) {
            for (JsonNode summary : server.api(
                            "/api/v1/groups/" + group.get("id").asLong() + "/events?limit=200")
                    .get("items")) {
                JsonNode event =
                        server.api("/api/v1/events/" + summary.get("id").asLong());
                if (logId.equalsIgnoreCase(event.at("/report/logId").asText())) {
                    return event;
                }
            }
        }
        throw new AssertionError("no event with log id " + logId);
    }

    private static long eventsWithLogId(String logId) {
        long count = 0;
        for (JsonNode group :
                server.api("/api/v1/apps/" + app.id() + "/groups?limit=200").get("items")) {
            for (JsonNode summary : server.api(
                            "/api/v1/groups/" + group.get("id").asLong() + "/events?limit=200")
                    .get("items")) {
                if (logId.equalsIgnoreCase(
                        server.api("/api/v1/events/" + summary.get("id").asLong())
                                .at("/report/logId")
                                .asText())) {
                    count++;
                }
            }
        }
        return count;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "android-5.0.6-1-startService.json",
                "android-5.0.6-2-managedError.json",
                "android-5.0.6-3-errorAttachment.json",
                "android-5.0.6-4-handledError.json",
                "android-5.0.6-5-analytics-batch.json",
                "spec-1-managed-crash.json",
                "spec-2-apple-crash.json",
                "spec-3-custom-crash.json",
                "spec-4-breakpad-minidump.json",
                "spec-5-handled-error.json",
                "spec-6-crash-with-attachment.json"
            })
    void everyFixtureAndDocSampleIsAcceptedWhole(String name) {
        byte[] body = fresh(resource(name).replace("<base64 encoded minidump>", MINIDUMP));
        JsonNode sent = lenient(body);
        int logs = (sent.has("logs") ? sent.get("logs") : sent.get("logs:")).size();

        assertStored(post(body), logs, 0);
    }

    @Test
    void aCrashIsStoredAsSentAndNormalized() {
        byte[] body = fresh(resource("android-5.0.6-2-managedError.json"));
        assertStored(client.post(app.appSecret(), INSTALL_ID, body, true), 1, 0);

        JsonNode event = eventByLogId("a0bb5860-536d-44c4-9765-8ed3bacdc843");
        assertThat(event.get("protocol").asText()).isEqualTo("appcenter");
        // a gzip body of one crash is kept whole, with the client's own compression
        assertThat(event.get("payload")).isEqualTo(TestServer.parse(new String(body, UTF_8)));
        assertThat(event.at("/report/error/type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(event.at("/report/error/inner/0/type").asText()).isEqualTo("java.io.IOException");
        assertThat(event.at("/report/device/installId").asText()).isEqualTo(INSTALL_ID);
        assertThat(event.at("/report/user/identifier").asText()).isEqualTo("user-1");
        assertThat(event.at("/report/version").asText()).isEqualTo("1.2.3 (42)");
        assertThat(event.at("/report/extra/threads/0/name").asText()).isEqualTo("main");
    }

    @Test
    void aLogOfAPlainBodyIsStoredAsItsOwnSlice() {
        String id = UUID.randomUUID().toString();
        String log = crash(id, "plain slice", "s-slice", "1.0");
        assertStored(post(logs(log, startSession("s-slice", "1.0"))), 2, 0);

        JsonNode event = eventByLogId(id);
        assertThat(event.get("payload")).isEqualTo(TestServer.parse(log));
        assertThat(event.at("/report/error/message").asText()).isEqualTo("plain slice");
    }

    @Test
    void docSamplesAreStoredAsWritten() {
        byte[] handled = fresh(resource("spec-5-handled-error.json"));
        assertStored(post(handled), 1, 0);
        JsonNode event = eventByLogId("118dee14-9193-4ac3-9ef0-f6c11b43f2c4");
        assertThat(event.at("/report/error/inner").size()).isEqualTo(2);
        assertThat(event.at("/report/error/inner/1/inner/0/message").asText()).isEqualTo("It is over 9000!");
        assertThat(event.at("/report/error/frames/0/method").asText()).isNotBlank();

        byte[] withDuplicates =
                fresh(resource("spec-4-breakpad-minidump.json").replace("<base64 encoded minidump>", MINIDUMP));
        assertStored(post(withDuplicates), 2, 0);
        JsonNode minidump = eventByLogId("70D280D4-2343-400D-BE4C-301BB2B39ECA");
        assertThat(minidump.get("minidump").asBoolean()).isTrue();
        assertThat(minidump.at("/attachments/0/fileName").asText()).isEqualTo("minidump.dmp");
        assertThat(minidump.at("/report/extra/processId").asInt()).isEqualTo(9448);
    }

    @Test
    void headerNamesParameterAndSecretAreReadInAnyLetterCase() {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/logs?API-VERSION=1.0.0"))
                .header("app-secret", app.appSecret().toUpperCase(Locale.ROOT))
                .header("install-id", INSTALL_ID)
                .header("content-type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(logs(crash(id, "any case", "s-case", "1.0")))));
        assertStored(response, 1, 0);

        HttpResponse<String> withoutParameter = client.send(HttpRequest.newBuilder(server.uri("/logs"))
                .header("App-Secret", app.appSecret())
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        logs(crash(UUID.randomUUID().toString(), "no param", "s-case", "1.0")))));
        assertStored(withoutParameter, 1, 0);
    }

    @Test
    void aBatchMixingGoodAndBadLogsStoresTheGoodOnesAndCountsTheRest() {
        long invalidBefore = dropped("invalid_log");
        long outOfRangeBefore = dropped("timestamp_out_of_range");
        String good = UUID.randomUUID().toString();
        String old = crash(UUID.randomUUID().toString(), "old", "s-mixed", "1.0")
                .replaceFirst("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"2019-10-08T04:22:23.516Z\"");
        String noDevice =
                "{\"type\":\"handledError\",\"id\":\"" + UUID.randomUUID() + "\",\"exception\":{\"type\":\"E\"}}";

        HttpResponse<String> response =
                post(logs(crash(good, "mixed good", "s-mixed", "1.0"), old, noDevice, "\"not a log\""));

        assertStored(response, 1, 3);
        assertThat(eventByLogId(good).at("/report/error/message").asText()).isEqualTo("mixed good");
        assertThat(dropped("invalid_log") - invalidBefore).isEqualTo(2);
        assertThat(dropped("timestamp_out_of_range") - outOfRangeBefore).isEqualTo(1);
    }

    private static long dropped(String reason) {
        JsonNode drops = server.api("/api/v1/apps/" + app.id() + "/drops").get("drops");
        return drops.has(reason) ? drops.get(reason).asLong() : 0;
    }

    @Test
    void aRetriedLogIsStoredOnce() {
        String id = UUID.randomUUID().toString();
        byte[] body = logs(crash(id, "retried", "s-retry", "1.0"));

        assertStored(post(body), 1, 0);
        assertStored(post(body), 1, 0);
        assertStored(client.post(app.appSecret(), INSTALL_ID, body, true), 1, 0);

        assertThat(eventsWithLogId(id)).isEqualTo(1);
    }

    @Test
    void attachmentsLinkToTheirErrorWhateverOrderTheyArriveIn() {
        String before = UUID.randomUUID().toString();
        String with = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        List<String> contents = new ArrayList<>();
        for (String order : List.of("before", "with", "after")) {
            contents.add(Base64.getEncoder().encodeToString(("attached " + order + " <script>").getBytes(UTF_8)));
        }

        assertStored(post(logs(attachment(UUID.randomUUID().toString(), before, "before.txt", contents.get(0)))), 1, 0);
        assertStored(post(logs(crash(before, "attachment before", "s-att", "1.0"))), 1, 0);
        assertStored(
                post(logs(
                        crash(with, "attachment with", "s-att", "1.0"),
                        attachment(UUID.randomUUID().toString(), with, "with.txt", contents.get(1)))),
                2,
                0);
        assertStored(post(logs(crash(after, "attachment after", "s-att", "1.0"))), 1, 0);
        assertStored(post(logs(attachment(UUID.randomUUID().toString(), after, "after.txt", contents.get(2)))), 1, 0);

        List<String> ids = List.of(before, with, after);
        for (int index = 0; index < ids.size(); index++) {
            JsonNode event = eventByLogId(ids.get(index));
            assertThat(event.get("attachments")).hasSize(1);
            JsonNode attachment = event.at("/attachments/0");
            assertThat(event.get("minidump").asBoolean()).isFalse();
            HttpResponse<byte[]> download = download(attachment.get("url").asText());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(Base64.getDecoder().decode(contents.get(index)));
            assertThat(download.headers().firstValue("Content-Type")).contains("application/octet-stream");
            assertThat(download.headers().firstValue("Content-Disposition"))
                    .hasValueSatisfying(value -> assertThat(value).startsWith("attachment;"));
        }
    }

    private static HttpResponse<byte[]> download(String path) {
        try {
            return server.http.send(
                    HttpRequest.newBuilder(server.uri(path))
                            .header("Authorization", "Bearer " + server.token)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sessionsAndCrashesAreCountedPerVersion() {
        String version = "9." + UUID.randomUUID().toString().substring(0, 8);
        String crashed = "s-" + UUID.randomUUID();
        assertStored(post(logs(startSession(crashed, version), startSession("s-" + UUID.randomUUID(), version))), 2, 0);
        assertStored(
                client.post(
                        app.appSecret(), "other-install", logs(startSession("s-" + UUID.randomUUID(), version)), false),
                1,
                0);
        assertStored(post(logs(crash(UUID.randomUUID().toString(), "session crash", crashed, version))), 1, 0);

        JsonNode days = server.api("/api/v1/apps/" + app.id() + "/sessions?version="
                + java.net.URLEncoder.encode(version + " (1)", UTF_8));
        assertThat(days).hasSize(1);
        JsonNode day = days.get(0);
        assertThat(day.get("sessions").asLong()).isEqualTo(3);
        assertThat(day.get("crashedSessions").asLong()).isEqualTo(1);
        assertThat(day.get("users").asLong()).isEqualTo(2);
        assertThat(day.get("crashedUsers").asLong()).isEqualTo(1);
        assertThat(day.get("crashFreeSessions").asDouble())
                .isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(day.get("crashFreeUsers").asDouble()).isEqualTo(0.5);
    }

    @Test
    void everyRefusalHasItsStatusAndTheSameErrorBody() {
        byte[] good = logs(crash(UUID.randomUUID().toString(), "refusals", "s-ref", "1.0"));
        assertError(post("not json".getBytes(UTF_8)), 400, "invalid_json", null);
        assertError(post("{\"items\":[]}".getBytes(UTF_8)), 400, "invalid_report", null);
        assertError(client.post(null, INSTALL_ID, good, false), 401, "missing_key", null);
        assertError(client.post(UUID.randomUUID().toString(), INSTALL_ID, good, false), 401, "unknown_key", null);
        HttpResponse<String> notGzip = client.send(HttpRequest.newBuilder(server.uri("/logs?api-version=1.0.0"))
                .header("App-Secret", app.appSecret())
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(good)));
        assertError(notGzip, 400, "invalid_json", null);
    }

    @Test
    void aZipBombIs413AndTheServerCarriesOn() {
        byte[] bomb = AppCenterClient.gzip(new byte[64 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(100_000);

        assertError(client.post(app.appSecret(), INSTALL_ID, bomb, false), 400, "invalid_json", null);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/logs?api-version=1.0.0"))
                .header("App-Secret", app.appSecret())
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bomb)));

        assertError(response, 413, "too_large", null);
        assertStored(post(logs(crash(UUID.randomUUID().toString(), "after bomb", "s-bomb", "1.0"))), 1, 0);
    }

    /**
     * A body declared larger than the cap is refused before it is read. Sent over a raw socket:
     * the JDK's client keeps sending into a connection that the server closes after answering, and
     * then loses the answer, which curl and the SDKs' clients do not.
     */
    @Test
    void aBodyOverTheCapIs413BeforeItIsRead() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(10_000);
            String head = "POST /logs?api-version=1.0.0 HTTP/1.1\r\nHost: 127.0.0.1\r\nApp-Secret: " + app.appSecret()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (10 * 1024 * 1024 + 1)
                    + "\r\n\r\n{\"logs\":[";
            socket.getOutputStream().write(head.getBytes(UTF_8));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413 ");
            assertThat(answer)
                    .endsWith("{\"error\":\"too_large\",\"message\":"
                            + "\"a logs body may be at most 10485760 bytes, inflated or not\"}");
        }
    }

    @Test
    void installIdCountsAsTheUserWhenThereIsNoUserId() {
        String install = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        String log = crash(id, "no user id", "s-user", "1.0");
        assertStored(client.post(app.appSecret(), install, logs(log), false), 1, 0);

        JsonNode event = eventByLogId(id);
        assertThat(event.at("/report/user").isMissingNode()).isTrue();
        assertThat(event.at("/report/device/installId").asText()).isEqualTo(install);
        JsonNode group = server.api("/api/v1/groups/" + event.get("groupId").asLong());
        assertThat(group.at("/group/userCount").asLong()).isEqualTo(1);
        assertThat(StreamSupport.stream(group.get("versions").spliterator(), false)
                        .map(version -> version.get("version").asText()))
                .contains("1.0 (1)");
    }
}
