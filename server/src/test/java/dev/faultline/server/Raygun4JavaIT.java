package dev.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mindscapehq.raygun4java.core.RaygunClient;
import com.mindscapehq.raygun4java.core.RaygunConnection;
import com.mindscapehq.raygun4java.core.RaygunSettings;
import com.mindscapehq.raygun4java.core.messages.RaygunIdentifier;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real raygun4java 3.0.0 SDK sends real exceptions to a real server. */
class Raygun4JavaIT {
    @TempDir
    Path dataDir;

    /** raygun4java has no endpoint setting: the documented way is a RaygunConnection subclass. */
    static final class LocalConnection extends RaygunConnection {
        private final URI endpoint;

        LocalConnection(URI endpoint) {
            super(RaygunSettings.getSettings());
            this.endpoint = endpoint;
        }

        @Override
        public HttpURLConnection getConnection(String apiKey) throws IOException {
            HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
            connection.setDoOutput(true);
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("charset", "utf-8");
            connection.setRequestProperty("X-ApiKey", apiKey);
            return connection;
        }
    }

    @Test
    void reportsFromRaygun4JavaAreStoredGroupedAndReadable() {
        try (TestServer server = TestServer.start(dataDir)) {
            RaygunClient client = new RaygunClient(TestServer.API_KEY);
            client.setRaygunConnection(new LocalConnection(server.uri("/entries")));
            client.setVersion("2.0.1");
            client.setUser(new RaygunIdentifier("user-42").withEmail("u42@example.com"));
            client.recordBreadcrumb("before the crash");

            int first = client.send(failure("checkout failed for order 17"), Set.of("checkout"), Map.of("order", 17));
            int second = client.send(failure("checkout failed for order 18"));
            int unhandled = client.sendUnhandled(new UnsupportedOperationException("not yet"));

            assertThat(first).isEqualTo(202);
            assertThat(second).isEqualTo(202);
            assertThat(unhandled).isEqualTo(202);

            JsonNode groups = server.api("/api/v1/apps/" + server.app.id() + "/groups?sort=count")
                    .get("items");
            assertThat(groups).hasSize(2);
            JsonNode checkout = groups.get(0);
            assertThat(checkout.get("className").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(checkout.get("count").asLong()).isEqualTo(2);
            assertThat(checkout.get("userCount").asLong()).isEqualTo(1);
            assertThat(checkout.get("versions").get(0).asText()).isEqualTo("2.0.1");
            assertThat(groups.get(1).get("className").asText()).isEqualTo("java.lang.UnsupportedOperationException");

            JsonNode events = server.api("/api/v1/groups/" + checkout.get("id").asLong() + "/events")
                    .get("items");
            assertThat(events).hasSize(2);
            JsonNode oldest =
                    server.api("/api/v1/events/" + events.get(1).get("id").asLong());
            JsonNode report = oldest.get("report");
            assertThat(report.at("/error/message").asText())
                    .isEqualTo("IllegalStateException: checkout failed for order 17");
            assertThat(report.at("/error/inner/0/type").asText()).isEqualTo("java.io.IOException");
            assertThat(report.at("/error/frames/0/className").asText()).isEqualTo(Raygun4JavaIT.class.getName());
            assertThat(report.at("/error/frames/0/method").asText()).isEqualTo("failure");
            assertThat(report.at("/user/identifier").asText()).isEqualTo("user-42");
            assertThat(report.at("/version").asText()).isEqualTo("2.0.1");
            assertThat(report.get("tags").toString()).contains("checkout");
            assertThat(report.at("/customData/order").asInt()).isEqualTo(17);
            assertThat(report.at("/breadcrumbs/0/message").asText()).isEqualTo("before the crash");
            assertThat(oldest.at("/payload/details/client/name").asText()).isEqualTo("Raygun4Java");
        }
    }

    private static IllegalStateException failure(String message) {
        return new IllegalStateException(message, new IOException("connection reset"));
    }
}
