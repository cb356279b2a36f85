package dev.faultline.server;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** REST API requests with one bearer token. */
final class BearerClient {
    private final TestServer server;
    private final String token;

    BearerClient(TestServer server, String token) {
        this.server = server;
        this.token = token;
    }

    HttpResponse<String> get(String path) {
        return server.send(request(path).GET());
    }

    HttpResponse<String> patch(String path, String json) {
        return server.send(request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> post(String path, String json) {
        return server.send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token);
    }
}
