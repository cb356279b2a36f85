package dev.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run from the packaged jar, on a data folder with and without a running server. */
class CliIT {
    @TempDir
    Path dataDir;

    @Test
    void appsAndTokensCanBeCreatedAndListed() throws Exception {
        ServerProcess.Result named =
                ServerProcess.run(dataDir, "apps", "create", "--name", "Shop", "--api-key", "KEY1");
        ServerProcess.Result random = ServerProcess.run(dataDir, "apps", "create", "--name", "Blog");
        ServerProcess.Result list = ServerProcess.run(dataDir, "apps", "list");
        ServerProcess.Result token = ServerProcess.run(dataDir, "tokens", "create", "--name", "ci");

        assertThat(named.exitCode()).as(named.err()).isZero();
        JsonNode shop = TestServer.parse(named.out());
        assertThat(shop.get("id").asLong()).isPositive();
        assertThat(shop.get("name").asText()).isEqualTo("Shop");
        assertThat(shop.get("apiKey").asText()).isEqualTo("KEY1");
        assertThat(TestServer.parse(random.out()).get("apiKey").asText()).matches("[A-Za-z0-9]{24}");
        JsonNode apps = TestServer.parse(list.out());
        assertThat(apps.isArray()).isTrue();
        assertThat(apps).hasSize(2);
        assertThat(apps.get(0)).isEqualTo(shop);
        assertThat(TestServer.parse(token.out()).get("token").asText()).startsWith("flt_");
    }

    @Test
    void appsGetAnAppCenterSecretAndTheAppCenterRateLimitPreset() throws Exception {
        ServerProcess.Result given = ServerProcess.run(
                dataDir,
                "apps",
                "create",
                "--name",
                "Mobile",
                "--app-secret",
                "8E14E67C-7C91-40AC-8517-C62ECE8424A6",
                "--rate-limit",
                "appcenter");
        ServerProcess.Result random = ServerProcess.run(dataDir, "apps", "create", "--name", "Other");
        ServerProcess.Result notAGuid =
                ServerProcess.run(dataDir, "apps", "create", "--name", "Bad", "--app-secret", "secret");
        ServerProcess.Result taken = ServerProcess.run(
                dataDir, "apps", "create", "--name", "Again", "--app-secret", "8e14e67c-7c91-40ac-8517-c62ece8424a6");

        assertThat(given.exitCode()).as(given.err()).isZero();
        JsonNode mobile = TestServer.parse(given.out());
        assertThat(mobile.get("appSecret").asText()).isEqualTo("8e14e67c-7c91-40ac-8517-c62ece8424a6");
        assertThat(mobile.get("rateLimitPerMinute").asInt()).isEqualTo(60);
        assertThat(TestServer.parse(random.out()).get("appSecret").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(notAGuid.exitCode()).isEqualTo(1);
        assertThat(notAGuid.err()).contains("--app-secret must be a GUID");
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err()).contains("app secret already in use");
    }

    @Test
    void aTakenKeyIsAClearError() throws Exception {
        ServerProcess.run(dataDir, "apps", "create", "--name", "One", "--api-key", "SAME");
        ServerProcess.Result second =
                ServerProcess.run(dataDir, "apps", "create", "--name", "Two", "--api-key", "SAME");

        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.err()).contains("api key already in use");
        assertThat(second.out()).isEmpty();
    }

    @Test
    void commandsWorkBesideARunningServerWhichSeesTheirChangesAtOnce() throws Exception {
        try (ServerProcess server = ServerProcess.serve(dataDir)) {
            ServerProcess.Result app =
                    ServerProcess.run(dataDir, "apps", "create", "--name", "Live", "--api-key", "LIVE");
            ServerProcess.Result token = ServerProcess.run(dataDir, "tokens", "create", "--name", "live");
            assertThat(app.exitCode()).as(app.err()).isZero();
            assertThat(token.exitCode()).as(token.err()).isZero();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> posted = http.send(
                    HttpRequest.newBuilder(server.uri("/entries"))
                            .header("X-ApiKey", "LIVE")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    RaygunIngestIT.entry("2026-11-22T10:00:00Z", "from the cli test")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> apps = http.send(
                    HttpRequest.newBuilder(server.uri("/api/v1/apps"))
                            .header(
                                    "Authorization",
                                    "Bearer "
                                            + TestServer.parse(token.out())
                                                    .get("token")
                                                    .asText())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(posted.statusCode()).isEqualTo(202);
            assertThat(apps.statusCode()).isEqualTo(200);
            assertThat(TestServer.parse(apps.body()).get(0).get("apiKey").asText())
                    .isEqualTo("LIVE");
        }
    }
}
