package dev.faultline.server;

import static dev.faultline.server.AppCenterClient.INSTALL_ID;
import static dev.faultline.server.AppCenterClient.attachment;
import static dev.faultline.server.AppCenterClient.crash;
import static dev.faultline.server.AppCenterClient.logs;
import static dev.faultline.server.AppCenterClient.startSession;
import static dev.faultline.server.RaygunIngestIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answers App Center SDKs retry instead of deleting their logs: 429 for an app's rate limit and
 * 503 when the writer is full, each with {@code Retry-After} and {@code x-ms-retry-after-ms}.
 */
class AppCenterThrottlingIT {
    @TempDir
    Path dataDir;

    @Test
    void rateLimitCountsCrashesAndErrorsAndAnswers429WithBothRetryHeaders() {
        try (TestServer server = TestServer.start(dataDir)) {
            server.server.store().setRateLimit(server.app.id(), 2);
            AppCenterClient client = new AppCenterClient(server.http, server.uri("/"));
            String secret = server.app.appSecret();

            for (int i = 0; i < 2; i++) {
                assertThat(client.post(
                                        secret,
                                        INSTALL_ID,
                                        logs(crash(UUID.randomUUID().toString(), "limited", "s", "1")),
                                        false)
                                .statusCode())
                        .isEqualTo(200);
            }
            // sessions and attachments are not crashes: they still pass
            assertThat(client.post(secret, INSTALL_ID, logs(startSession("s-free", "1")), false)
                            .statusCode())
                    .isEqualTo(200);
            HttpResponse<String> refused = client.post(
                    secret, INSTALL_ID, logs(crash(UUID.randomUUID().toString(), "limited", "s", "1")), true);

            assertError(
                    refused,
                    429,
                    "rate_limited",
                    "the app's rate limit of 2 crashes and errors per minute is exceeded");
            long seconds =
                    Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            long millis = Long.parseLong(
                    refused.headers().firstValue("x-ms-retry-after-ms").orElseThrow());
            assertThat(seconds).isBetween(1L, 60L);
            assertThat(millis).isBetween(1L, 60_000L);
            assertThat(seconds * 1000).isGreaterThanOrEqualTo(millis);
            assertThat(server.api("/api/v1/apps/" + server.app.id() + "/drops")
                            .at("/drops/rate_limited")
                            .asLong())
                    .isEqualTo(1);
        }
    }

    @Test
    void fullWriterQueueAnswers503WithBothRetryHeadersAndStoresNothingOfTheBatch() {
        try (TestServer server = TestServer.start(dataDir, Map.of("FAULTLINE_WRITER_QUEUE", "2"))) {
            AppCenterClient client = new AppCenterClient(server.http, server.uri("/"));
            String errorId = UUID.randomUUID().toString();
            // three items for a queue of two: the crash, its crashed session, the attachment
            byte[] batch = logs(
                    crash(errorId, "overloaded", "s", "1"),
                    attachment(UUID.randomUUID().toString(), errorId, "a.txt", "aGk="));

            HttpResponse<String> refused = client.post(server.app.appSecret(), INSTALL_ID, batch, false);

            assertError(refused, 503, "overloaded", "the server is overloaded; retry later");
            assertThat(refused.headers().firstValue("Retry-After")).contains("5");
            assertThat(refused.headers().firstValue("x-ms-retry-after-ms")).contains("5000");
            assertThat(server.api("/api/v1/apps/" + server.app.id() + "/groups").get("items"))
                    .isEmpty();
            assertThat(client.post(
                                    server.app.appSecret(),
                                    INSTALL_ID,
                                    logs(crash(errorId, "overloaded", "s", "1")),
                                    false)
                            .statusCode())
                    .isEqualTo(200);
        }
    }
}
