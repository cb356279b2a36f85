package dev.faultline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Creates webhooks through the server's REST API, as a user would. */
final class WebhookApi {

    /** Every event type's wire name, so each receiver is sent whatever the server notifies. */
    static final List<String> EVENTS = List.of(
            "NewErrorOccurred",
            "ErrorReoccurred",
            "OneMinuteFollowUp",
            "FiveMinuteFollowUp",
            "TenMinuteFollowUp",
            "ThirtyMinuteFollowUp",
            "HourlyFollowUp",
            "StatusChanged",
            "AssignedToUser",
            "CommentAdded");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private WebhookApi() {}

    /** The body of {@code POST /api/v1/apps/{appId}/webhooks}: enabled, every event type, Raygun style. */
    static String body(String url) {
        ObjectNode body = JSON.createObjectNode().put("url", url).put("enabled", true);
        EVENTS.forEach(body.putArray("events")::add);
        body.put("style", "raygun");
        return body.toString();
    }

    /** Creates one webhook per URL on app {@code appId}; fails the run on any answer but 201. */
    static void create(String host, int port, String token, long appId, List<String> urls) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            for (String url : urls) {
                HttpRequest request = HttpRequest.newBuilder(
                                URI.create("http://" + host + ":" + port + "/api/v1/apps/" + appId + "/webhooks"))
                        .timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body(url)))
                        .build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new BenchFailure("creating a webhook to " + url + " answered " + response.statusCode() + ": "
                            + response.body());
                }
            }
        } catch (IOException e) {
            throw new BenchFailure("cannot create webhooks: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted while creating webhooks", e);
        }
    }
}
