package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RaygunScenarioTest {

    @Test
    void stampsRewriteOccurredOnInPlaceGoingBackInTime() {
        byte[] body = "{\"OccurredOn\":\"2026-11-22T18:08:26.5Z\",\"x\":\"é\",\"occurredOn\" : \"2026-01-01T00:00:00\"}"
                .getBytes(StandardCharsets.UTF_8);
        RequestTemplate template =
                new RequestTemplate("/entries", java.util.Map.of(), body, 1, RaygunScenario.stamps(body));
        byte[] buffer = body.clone();

        template.stamp(buffer, 0, 3661);

        assertThat(new String(buffer, StandardCharsets.UTF_8))
                .isEqualTo("{\"OccurredOn\":\"2026-11-22T17:07:25.5Z\",\"x\":\"é\","
                        + "\"occurredOn\" : \"2025-12-31T22:58:59\"}");
        template.stamp(buffer, 0, 0);
        assertThat(buffer).isEqualTo(body);
    }

    @Test
    void everyFixtureHasItsTimestampsFoundAndBulkCountsItsEntries() {
        Scenario scenario = RaygunScenario.create(0, 0);

        assertThat(scenario.templates())
                .allSatisfy(template -> assertThat(template.stamps()).hasSize(template.reports()));
        assertThat(scenario.templates().getLast().path()).isEqualTo("/entries/bulk");
        assertThat(scenario.templates().getLast().reports()).isEqualTo(3);
        assertThat(scenario.paths()).containsExactly("/entries", "/entries/bulk");
        assertThat(scenario.appOptions()).containsExactly("--api-key", RaygunScenario.API_KEY);
        assertThat(scenario.success()).isEqualTo(SuccessStatus.EXACTLY_202);
    }

    @Test
    void scheduleSpreadsBulkEvenlyAndWalksSinglesRoundRobin() {
        int[] none = RaygunScenario.schedule(5, 0);
        int[] tenPercent = RaygunScenario.schedule(5, 10);

        assertThat(Arrays.copyOf(none, 7)).containsExactly(0, 1, 2, 3, 4, 0, 1);
        assertThat(Arrays.stream(tenPercent).filter(index -> index == 5).count())
                .isEqualTo(50);
        assertThat(Arrays.copyOf(tenPercent, 11)).containsExactly(0, 1, 2, 3, 4, 0, 1, 2, 3, 5, 4);
        assertThat(RaygunScenario.schedule(5, 100)).containsOnly(5);
    }

    @Test
    void newGroupsRewriteTheErrorClassNameOfTheirShareOfSends() throws java.io.IOException {
        Scenario scenario = RaygunScenario.create(0, 50);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        RequestTemplate single = scenario.templates().get(3); // raygun4java send, with an inner error
        RequestTemplate bulk = scenario.templates().getLast();
        byte[] buffer = single.body().clone();

        single.stamp(buffer, 0, 0);
        com.fasterxml.jackson.databind.JsonNode error =
                json.readTree(buffer).path("details").path("error");
        assertThat(error.path("className").asText()).isEqualTo("java.lang.IllegalStateException     " + "          ");
        assertThat(error.path("innerError").path("className").asText()).isEqualTo("java.io.IOException");
        single.stamp(buffer, 0, 1);
        assertThat(json.readTree(buffer)
                        .path("details")
                        .path("error")
                        .path("className")
                        .asText())
                .isEqualTo("java.lang.IllegalStateException-new-0000000001");
        byte[] bulkBuffer = bulk.body().clone();
        bulk.stamp(bulkBuffer, 0, 12_345);
        assertThat(json.readTree(bulkBuffer).findValuesAsText("occurredOn")).hasSize(3);
        assertThat(json.readTree(bulkBuffer))
                .allSatisfy(entry -> assertThat(entry.path("details")
                                .path("error")
                                .path("className")
                                .asText())
                        .endsWith("-new-0000012345"));
        assertThat(bulk.stamps()).hasSize(6);
    }
}
