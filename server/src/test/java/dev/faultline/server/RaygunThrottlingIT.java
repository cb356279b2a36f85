package dev.faultline.server;

import static dev.faultline.server.RaygunIngestIT.assertError;
import static dev.faultline.server.RaygunIngestIT.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answers that tell a client to come back later: 429 for an app's rate limit, 503 when full. */
class RaygunThrottlingIT {
    @TempDir
    Path dataDir;

    @Test
    void rateLimitedAppGets429WithRetryAfter() {
        try (TestServer server = TestServer.start(dataDir)) {
            server.server.store().setRateLimit(server.app.id(), 3);
            byte[] body = entry("2026-01-02T03:04:05Z", "limited").getBytes(StandardCharsets.UTF_8);

            for (int i = 0; i < 3; i++) {
                assertThat(server.post("/entries", body).statusCode()).isEqualTo(202);
            }
            HttpResponse<String> refused = server.post("/entries", body);

            assertError(refused, 429, "rate_limited", "the app's rate limit of 3 reports per minute is exceeded");
            long retryAfter =
                    Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 60L);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin"))
                    .contains("*");
        }
    }

    @Test
    void fullWriterQueueGets503WithRetryAfterAndStoresNothingOfTheRequest() {
        try (TestServer server = TestServer.start(dataDir, Map.of("FAULTLINE_WRITER_QUEUE", "1"))) {
            String bulk = "[" + entry("2026-01-02T03:04:05Z", "one") + "," + entry("2026-01-02T03:04:05Z", "two") + "]";

            HttpResponse<String> refused = server.post("/entries/bulk", bulk.getBytes(StandardCharsets.UTF_8));

            assertError(refused, 503, "overloaded", "the server is overloaded; retry later");
            assertThat(refused.headers().firstValue("Retry-After")).contains("5");
            assertThat(server.api("/api/v1/apps/" + server.app.id() + "/groups").get("items"))
                    .isEmpty();
            assertThat(server.post(
                                    "/entries",
                                    entry("2026-01-02T03:04:05Z", "one").getBytes(StandardCharsets.UTF_8))
                            .statusCode())
                    .isEqualTo(202);
        }
    }
}
