package dev.faultline.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.model.App;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.server.api.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** A real Faultline on a loopback port over a temporary data folder, with one app and a token. */
final class TestServer implements AutoCloseable {
    static final String API_KEY = "TEST_API_KEY_123";
    static final ObjectMapper JSON = new ObjectMapper();

    final FaultlineServer server;
    final App app;
    final String token;
    final HttpClient http = HttpClient.newHttpClient();

    private TestServer(FaultlineServer server, App app, String token) {
        this.server = server;
        this.app = app;
        this.token = token;
    }

    static TestServer start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    static TestServer start(Path dataDir, Map<String, String> settings) {
        return start(dataDir, settings, Clock.systemUTC());
    }

    /** With the clock of notifications and follow-ups. */
    static TestServer start(Path dataDir, Map<String, String> settings, Clock notificationClock) {
        Map<String, String> env = new HashMap<>(settings);
        env.put("FAULTLINE_HOST", "127.0.0.1");
        env.put("FAULTLINE_PORT", "0");
        env.put("FAULTLINE_DATA", dataDir.toString());
        FaultlineServer server = FaultlineServer.start(Config.from(env), notificationClock);
        App app = server.store()
                .appByApiKey(API_KEY)
                .orElseGet(() -> server.store().createApp("test app", API_KEY));
        String token = Tokens.newToken();
        server.store().createToken("test", Tokens.hash(token));
        return new TestServer(server, app, token);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return send(http, request);
    }

    /** Sends a request with {@code client}, turning checked failures into unchecked ones. */
    static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a body with the test app's key in X-ApiKey. */
    HttpResponse<String> post(String path, byte[] body) {
        return post(path, API_KEY, body);
    }

    HttpResponse<String> post(String path, String apiKey, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("X-ApiKey", apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Sends a Raygun entry with the app's key, requiring a 202. */
    void sendEntry(App app, RaygunEntry entry) {
        HttpResponse<String> response = post("/entries", app.apiKey(), entry.bytes());
        if (response.statusCode() != 202) {
            throw new AssertionError("POST /entries answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The id of the app's group of errors of type {@code className} (among its 200 newest). */
    long groupId(App app, String className) {
        return server.store().groups(new GroupQuery(app.id(), null, null, null, 200)).items().stream()
                .filter(group -> group.className().equals(className))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no group of " + className + " in app " + app.id()))
                .id();
    }

    /** GETs an API path with the test token and returns the parsed JSON, requiring a 200. */
    JsonNode api(String path) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token));
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
