package dev.faultline.protocols.appcenter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.ingest.DropReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The batch-level rules and the limits, which the golden files do not reach. */
class AppCenterDecoderTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final String DEVICE = """
            {"sdkName":"appcenter.android","sdkVersion":"5.0.6","osName":"Android","osVersion":"14",
            "locale":"en_US","appVersion":"1.0","appBuild":"1"}""";

    private final AppCenterDecoder decoder = new AppCenterDecoder(AppCenterLimits.APP_CENTER);

    private static String attachment(String id, String data) {
        return "{\"type\":\"errorAttachment\",\"device\":" + DEVICE + (id == null ? "" : ",\"id\":\"" + id + "\"")
                + ",\"errorId\":\"e-1\",\"contentType\":\"text/plain\",\"data\":\"" + data + "\"}";
    }

    private List<AppCenterLog> decode(AppCenterDecoder decoder, String body) throws AppCenterDecodeException {
        return decoder.decode(body.getBytes(UTF_8), "install-1", NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"logs", "LOGS", "Logs", "logs:", "logs :", " logs "})
    void theLogsKeyIsFoundInAnySpelling(String key) throws Exception {
        List<AppCenterLog> logs = decode(decoder, "{\"" + key + "\":[" + attachment("a-1", "aGk=") + "]}");

        assertThat(logs).singleElement().isInstanceOf(AppCenterLog.Attachment.class);
    }

    @Test
    void bodiesThatAreNotABatchAreRefusedWhole() {
        assertThatThrownBy(() -> decode(decoder, ""))
                .isInstanceOfSatisfying(
                        AppCenterDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(DropReason.INVALID_JSON));
        assertThatThrownBy(() -> decode(decoder, "{\"logs\":[}"))
                .isInstanceOfSatisfying(
                        AppCenterDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(DropReason.INVALID_JSON));
        assertThatThrownBy(() -> decode(decoder, "{\"logs\":[]} trailing"))
                .isInstanceOfSatisfying(
                        AppCenterDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(DropReason.INVALID_JSON));
        for (String notABatch : List.of("[]", "null", "{\"logs\":{}}", "{\"items\":[]}", "42")) {
            assertThatThrownBy(() -> decode(decoder, notABatch))
                    .as(notABatch)
                    .isInstanceOfSatisfying(AppCenterDecodeException.class, e -> {
                        assertThat(e.reason()).isEqualTo(DropReason.INVALID_REPORT);
                        assertThat(e.getMessage()).isEqualTo("body must be a JSON object with a \"logs\" array");
                    });
        }
    }

    @Test
    void anEmptyBatchIsFine() throws Exception {
        assertThat(decode(decoder, "{\"logs\":[]}")).isEmpty();
    }

    @Test
    void anAttachmentOverTheLimitIsDroppedAsTooLargeBeforeOrAfterDecoding() throws Exception {
        AppCenterDecoder small = new AppCenterDecoder(new AppCenterLimits(4, Duration.ofDays(25), Duration.ofDays(3)));
        String five = Base64.getEncoder().encodeToString("12345".getBytes(UTF_8));
        String hundred = Base64.getEncoder().encodeToString(new byte[100]);

        List<AppCenterLog> logs = decode(
                small,
                "{\"logs\":[" + attachment("a-1", five) + "," + attachment("a-2", hundred) + ","
                        + attachment("a-3", "aGk=") + "]}");

        assertThat(logs.get(0))
                .isEqualTo(new AppCenterLog.Rejected(
                        "errorAttachment", DropReason.TOO_LARGE, "attachment is 5 bytes, more than the limit of 4"));
        assertThat(logs.get(1))
                .isInstanceOfSatisfying(
                        AppCenterLog.Rejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(DropReason.TOO_LARGE));
        assertThat(logs.get(2)).isInstanceOf(AppCenterLog.Attachment.class);
    }

    @Test
    void anAttachmentWithoutIdGetsTheSameIdEveryTime() throws Exception {
        AppCenterLog first =
                decode(decoder, "{\"logs\":[" + attachment(null, "aGk=") + "]}").getFirst();
        AppCenterLog again =
                decode(decoder, "{\"logs\":[" + attachment(null, "aGk=") + "]}").getFirst();
        AppCenterLog other =
                decode(decoder, "{\"logs\":[" + attachment(null, "aGo=") + "]}").getFirst();

        String id = ((AppCenterLog.Attachment) first).id();
        assertThat(((AppCenterLog.Attachment) again).id()).isEqualTo(id);
        assertThat(((AppCenterLog.Attachment) other).id()).isNotEqualTo(id);
    }

    @Test
    void theTimestampWindowFollowsTheLimits() throws Exception {
        AppCenterDecoder strict = new AppCenterDecoder(new AppCenterLimits(100, Duration.ofDays(1), Duration.ZERO));
        String session = "{\"type\":\"startSession\",\"sid\":\"s\",\"device\":" + DEVICE + ",\"timestamp\":\"%s\"}";

        List<AppCenterLog> logs = decode(
                strict,
                "{\"logs\":[" + session.formatted("2026-11-21T11:59:59Z") + ","
                        + session.formatted("2026-11-21T12:00:00Z")
                        + "," + session.formatted("2026-11-22T12:00:00.0000001Z") + ","
                        + session.formatted("2026-11-22T13:00:00+01:00") + "]}");

        assertThat(logs)
                .extracting(AppCenterLog::getClass)
                .containsExactly(
                        AppCenterLog.Rejected.class,
                        AppCenterLog.SessionStart.class,
                        AppCenterLog.Rejected.class,
                        AppCenterLog.SessionStart.class);
        assertThat(((AppCenterLog.Rejected) logs.get(2)).message())
                .isEqualTo("timestamp 2026-11-22T12:00:00.000000100Z is more than 0 days in the future");
    }

    @Test
    void storedLogsReadBackWithoutTheWindowAndRefuseWhatIsNoErrorLog() {
        byte[] old = ("{\"type\":\"handledError\",\"id\":\"h-1\",\"timestamp\":\"2019-01-01T00:00:00Z\",\"device\":"
                        + DEVICE + ",\"exception\":{\"type\":\"E\",\"message\":\"old\"}}")
                .getBytes(UTF_8);

        assertThat(decoder.report(old, "install-1", NOW).error().message()).isEqualTo("old");
        assertThat(decoder.report(old, "install-1", NOW).device().installId()).isEqualTo("install-1");
        assertThatThrownBy(() -> decoder.report(attachment("a", "aGk=").getBytes(UTF_8), null, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an error log: errorAttachment");
        assertThatThrownBy(() -> decoder.report("[1]".getBytes(UTF_8), null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
