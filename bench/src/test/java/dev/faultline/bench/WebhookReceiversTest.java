package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class WebhookReceiversTest {

    @Test
    void eachReceiverAnswers200AndCountsItsPosts() throws Exception {
        try (WebhookReceivers receivers = WebhookReceivers.start(Bench.HOST, 2);
                HttpClient client = HttpClient.newHttpClient()) {
            String second = receivers.urls().get(1);
            for (int post = 0; post < 3; post++) {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(URI.create(second))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":1}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(response.statusCode()).isEqualTo(200);
            }

            assertThat(receivers.urls()).allMatch(url -> url.matches("http://127\\.0\\.0\\.1:\\d+/hook"));
            assertThat(receivers.posts()).containsExactly(0L, 3L);
        }
    }

    @Test
    void theWebhookBodySubscribesToEveryEventType() throws Exception {
        JsonNode body = new ObjectMapper().readTree(WebhookApi.body("http://127.0.0.1:9/hook"));

        assertThat(body.get("url").asText()).isEqualTo("http://127.0.0.1:9/hook");
        assertThat(body.get("enabled").asBoolean()).isTrue();
        assertThat(body.get("style").asText()).isEqualTo("raygun");
        java.util.List<String> events = new java.util.ArrayList<>();
        body.get("events").forEach(event -> events.add(event.asText()));
        assertThat(events)
                .doesNotHaveDuplicates()
                .hasSize(10)
                .contains("NewErrorOccurred", "ErrorReoccurred", "HourlyFollowUp", "CommentAdded");
    }
}
