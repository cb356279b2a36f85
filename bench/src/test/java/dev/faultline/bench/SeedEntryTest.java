package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.bench.SeedPlan.SeedEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedEntryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant OCCURRED = Instant.parse("2026-11-01T12:34:56.789Z");

    @Test
    void writesARaygunEntryWithEveryValueOfTheEvent() throws IOException {
        SeedEvent event = new SeedEvent(
                42,
                0,
                "com.example.bench.Failure0042",
                "2.3.0",
                "user-0007",
                List.of("beta", "checkout"),
                "MacOSX",
                "Unix 14.5.0",
                "host-03",
                123456,
                OCCURRED);

        JsonNode entry = JSON.readTree(SeedEntry.single(event));

        assertThat(entry.path("occurredOn").asText()).isEqualTo("2026-11-01T12:34:56Z");
        JsonNode details = entry.path("details");
        assertThat(details.path("version").asText()).isEqualTo("2.3.0");
        assertThat(details.path("machineName").asText()).isEqualTo("host-03");
        assertThat(details.path("error").path("className").asText()).isEqualTo("com.example.bench.Failure0042");
        assertThat(details.path("error").path("message").asText())
                .isEqualTo("Failure0042: order 123456 could not be processed");
        assertThat(details.path("error").path("stackTrace")).hasSize(4 + 42 % 5);
        assertThat(details.path("environment").path("platform").asText()).isEqualTo("MacOSX");
        assertThat(details.path("environment").path("osVersion").asText()).isEqualTo("Unix 14.5.0");
        assertThat(details.path("tags").toString()).isEqualTo("[\"beta\",\"checkout\"]");
        assertThat(details.path("user").path("identifier").asText()).isEqualTo("user-0007");
        assertThat(details.path("client").path("name").asText()).isEqualTo("Raygun4Java");
    }

    @Test
    void aGroupsStackIsTheSameInEveryEventAndDiffersFromOtherGroups() throws IOException {
        SeedPlan plan = SeedPlan.create(1000, 100);
        JsonNode first = JSON.readTree(SeedEntry.single(plan.seedEvent(1, 5, OCCURRED)));
        JsonNode second = JSON.readTree(SeedEntry.single(plan.seedEvent(2, 5, OCCURRED)));
        JsonNode other = JSON.readTree(SeedEntry.single(plan.seedEvent(3, 6, OCCURRED)));

        JsonNode stack = first.path("details").path("error").path("stackTrace");
        assertThat(second.path("details").path("error").path("stackTrace")).isEqualTo(stack);
        assertThat(other.path("details").path("error").path("stackTrace")).isNotEqualTo(stack);
    }

    @Test
    void anEventWithoutUserHasNoUserObjectAndBulkIsAnArray() throws IOException {
        SeedEvent anonymous = new SeedEvent(
                1,
                1,
                "com.example.bench.Failure0001",
                "1.0.0",
                null,
                List.of("production"),
                "iOS",
                "iOS 17.5.1",
                "host-00",
                1,
                OCCURRED);

        JsonNode bulk = JSON.readTree(SeedEntry.bulk(List.of(anonymous, anonymous, anonymous)));

        assertThat(bulk.isArray()).isTrue();
        assertThat(bulk).hasSize(3);
        assertThat(bulk.get(0).path("details").has("user")).isFalse();
    }
}
