package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class AppCenterScenarioTest {

    private static final Scenario SCENARIO = AppCenterScenario.create(0);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON that template {@code index} carries on send number {@code sequence}. */
    private static byte[] send(int index, long sequence) throws IOException {
        RequestTemplate template = SCENARIO.templates().get(index);
        byte[] body = template.body().clone();
        template.stamp(body, 0, sequence);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    @Test
    void everyRequestIsOneGzippedManagedErrorAsTheAndroidSdkSendsIt() throws IOException {
        for (int index = 0; index < SCENARIO.templates().size(); index++) {
            RequestTemplate template = SCENARIO.templates().get(index);
            Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            byte[] json = send(index, 1000L * index);
            JsonNode logs = JSON.readTree(json).get("logs");
            JsonNode log = logs.get(0);

            assertThat(template.path()).isEqualTo("/logs?api-version=1.0.0");
            assertThat(template.headers())
                    .containsEntry("App-Secret", AppCenterScenario.APP_SECRET)
                    .containsEntry("Content-Type", "application/json")
                    .containsEntry("Content-Encoding", "gzip")
                    .containsKey("Install-ID");
            assertThat(json.length).isGreaterThanOrEqualTo(AppCenterScenario.GZIP_THRESHOLD);
            assertThat(template.body().length).isLessThan(json.length);
            assertThat(logs).hasSize(1);
            assertThat(log.get("type").asText()).isEqualTo("managedError");
            UUID id = UUID.fromString(log.get("id").asText());
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            Instant timestamp = Instant.parse(log.get("timestamp").asText());
            assertThat(timestamp)
                    .isBetween(before.minus(Duration.ofMinutes(5)), Instant.now())
                    .isAfter(Instant.parse(log.get("appLaunchTimestamp").asText()));
            assertThat(log.get("device").get("sdkName").asText()).isEqualTo("appcenter.android");
            assertThat(log.get("processId").isInt()).isTrue();
            assertThat(log.get("fatal").asBoolean()).isTrue();
            JsonNode exception = log.get("exception");
            assertThat(exception.get("frames").size()).isBetween(20, 30);
            assertThat(exception.get("innerExceptions")).hasSize(1);
            assertThat(exception.get("innerExceptions").get(0).get("frames")).isNotEmpty();
            assertThat(log.get("threads")).hasSize(1);
            assertThat(log.get("threads").get(0).get("id")).isEqualTo(log.get("errorThreadId"));
            assertThat(log.get("threads").get(0).get("frames")).isEqualTo(exception.get("frames"));
        }
    }

    @Test
    void idsAreDistinctAcrossSendsAndTemplates() throws IOException {
        Set<String> ids = new HashSet<>();
        for (long sequence = 0; sequence < 3000; sequence++) {
            int index = (int) (sequence % SCENARIO.templates().size());
            ids.add(JSON.readTree(send(index, sequence))
                    .get("logs")
                    .get(0)
                    .get("id")
                    .asText());
        }

        assertThat(ids).hasSize(3000);
    }

    @Test
    void logIdsNeverRepeatAndAreVersion4Uuids() {
        LogId logId = new LogId();
        byte[] buffer = new byte[36];
        Set<UUID> ids = new HashSet<>();
        for (long sequence = 0; sequence < 200_000; sequence++) {
            logId.write(buffer, 0, sequence);
            ids.add(UUID.fromString(new String(buffer, StandardCharsets.US_ASCII)));
        }
        logId.write(buffer, 0, Long.MAX_VALUE);
        UUID last = UUID.fromString(new String(buffer, StandardCharsets.US_ASCII));

        assertThat(ids)
                .hasSize(200_000)
                .allSatisfy(id -> assertThat(id.version()).isEqualTo(4));
        assertThat(last.variant()).isEqualTo(2);
    }

    @Test
    void installsUsersVersionsAndCrashesVaryAsInARealApp() throws IOException {
        Set<String> installs = new HashSet<>();
        Set<String> users = new HashSet<>();
        Set<String> versions = new HashSet<>();
        Set<String> crashes = new HashSet<>();
        Set<String> models = new HashSet<>();
        for (int index = 0; index < SCENARIO.templates().size(); index++) {
            installs.add(SCENARIO.templates().get(index).headers().get("Install-ID"));
            JsonNode log = JSON.readTree(send(index, index)).get("logs").get(0);
            users.add(log.get("userId").asText());
            versions.add(log.get("device").get("appVersion").asText());
            crashes.add(log.get("exception").get("type").asText());
            models.add(log.get("device").get("model").asText());
        }

        assertThat(installs).hasSize(AppCenterScenario.INSTALLS);
        assertThat(users).hasSize(AppCenterScenario.INSTALLS);
        assertThat(versions).containsExactlyInAnyOrder("1.2.3", "1.2.4");
        assertThat(crashes).hasSize(3);
        assertThat(models).hasSize(3);
    }

    @Test
    void createsTheAppWithItsSecretAndCountsAny2xxAsDelivered() {
        assertThat(SCENARIO.name()).isEqualTo("appcenter");
        assertThat(SCENARIO.appOptions())
                .containsSubsequence("--app-secret", AppCenterScenario.APP_SECRET)
                .contains("--api-key");
        assertThat(SCENARIO.success()).isEqualTo(SuccessStatus.ANY_2XX);
        assertThat(SCENARIO.paths()).containsExactly("/logs");
        assertThat(SCENARIO.schedule()).hasSize(AppCenterScenario.INSTALLS);
        assertThat(SCENARIO.templates())
                .allSatisfy(template -> assertThat(template.reports()).isEqualTo(1));
    }

    @Test
    void newGroupsRewriteTheTopExceptionTypeOfTheirShareOfSends() throws IOException {
        RequestTemplate template = AppCenterScenario.create(50).templates().getFirst();
        String type = JSON.readTree(send(0, 0))
                .get("logs")
                .get(0)
                .get("exception")
                .get("type")
                .asText();

        for (long sequence = 0; sequence < 2; sequence++) {
            byte[] body = template.body().clone();
            template.stamp(body, 0, sequence);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                JsonNode exception =
                        JSON.readTree(in.readAllBytes()).get("logs").get(0).get("exception");
                assertThat(exception.get("type").asText())
                        .isEqualTo(sequence == 0 ? type + " ".repeat(15) : type + "-new-0000000001");
                assertThat(exception.get("innerExceptions").get(0).get("type").asText())
                        .doesNotEndWith(" ");
            }
        }
    }
}
