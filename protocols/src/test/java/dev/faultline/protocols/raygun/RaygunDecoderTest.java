package dev.faultline.protocols.raygun;

import static dev.faultline.protocols.raygun.Entries.RECEIVED_AT;
import static dev.faultline.protocols.raygun.Entries.accept;
import static dev.faultline.protocols.raygun.Entries.decode;
import static dev.faultline.protocols.raygun.Entries.withDetails;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.model.Report;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RaygunDecoderTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "hello   | body is not valid JSON: Unrecognized token 'hello': was expecting (JSON String, Number (or"
                        + " 'NaN'/'+INF'/'-INF'), Array, Object or token 'null', 'true' or 'false') at line 1, column 1",
                "{\"a\": | body is not valid JSON: Unexpected end-of-input within/between Object entries at line 1,"
                        + " column 6",
                "[1, 2   | body is not valid JSON: Unexpected end-of-input: expected close marker for Array at line 1,"
                        + " column 6",
                "~~      | body is not valid JSON: it is empty",
                "~ \n ~  | body is not valid JSON: it is empty",
            })
    void bodyThatIsNotJsonIsInvalidJson(String body, String message) {
        assertThat(decode(body)).isEqualTo(new Decoded.Rejected(DropReason.INVALID_JSON, message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{}]", "\"entry\"", "42", "null", "true"})
    void jsonThatIsNotAnObjectIsInvalidReport(String body) {
        assertThat(decode(body))
                .isEqualTo(new Decoded.Rejected(DropReason.INVALID_REPORT, "body must be a JSON object"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "{}                                                       | occurredOn is missing",
                "{\"occurredOn\": null, \"details\": {}}                  | occurredOn is missing",
                "{\"occurredOn\": \"yesterday\"}                          | occurredOn is not an ISO 8601 date-time:"
                        + " \"yesterday\"",
                "{\"occurredOn\": \"2024-02-30T12:00:00Z\"}               | occurredOn is not an ISO 8601 date-time:"
                        + " \"2024-02-30T12:00:00Z\"",
                "{\"occurredOn\": {\"at\": 1}}                            | occurredOn is not an ISO 8601 date-time:"
                        + " {\"at\":1}",
                "{\"occurredOn\": true}                                   | occurredOn is not an ISO 8601 date-time:"
                        + " true",
                "{\"occurredOn\": \"2024-05-01T12:00:00Z\"}               | details is missing",
                "{\"occurredOn\": \"2024-05-01T12:00:00Z\", \"details\": \"x\"} | details must be a JSON object",
                "{\"occurredOn\": \"2024-05-01T12:00:00Z\", \"details\": {}}    | details.error is missing",
                "{\"occurredOn\": \"2024-05-01T12:00:00Z\", \"details\": {\"error\": null}} | details.error is missing",
                "{\"occurredOn\": \"2024-05-01T12:00:00Z\", \"details\": {\"error\": \"boom\"}} | details.error must be"
                        + " a JSON object",
                "{\"OccurredOn\": \"2024-05-01T12:00:00Z\", \"Details\": {\"Error\": []}} | details.error must be a"
                        + " JSON object",
            })
    void entryWithoutARequiredFieldIsInvalidReport(String body, String message) {
        assertThat(decode(body)).isEqualTo(new Decoded.Rejected(DropReason.INVALID_REPORT, message));
    }

    @Test
    void nestingDeeperThan500IsInvalidJson() {
        String deep = "[".repeat(RaygunDecoder.MAX_NESTING_DEPTH - 2) + "]".repeat(RaygunDecoder.MAX_NESTING_DEPTH - 2);
        assertThat(decode(withDetails("\"deep\": " + deep))).isInstanceOf(Decoded.Accepted.class);
        String tooDeep = "[".repeat(RaygunDecoder.MAX_NESTING_DEPTH) + "]".repeat(RaygunDecoder.MAX_NESTING_DEPTH);
        assertThat(decode(withDetails("\"deep\": " + tooDeep)))
                .isEqualTo(new Decoded.Rejected(
                        DropReason.INVALID_JSON,
                        "body is not valid JSON: Document nesting depth (501) exceeds the maximum allowed (500, from"
                                + " `StreamReadConstraints.getMaxNestingDepth()`)"));
    }

    @Test
    void longUnreadableOccurredOnIsCutInTheMessage() {
        String value = "x".repeat(200);
        assertThat(decode("{\"occurredOn\": \"" + value + "\"}"))
                .isEqualTo(new Decoded.Rejected(
                        DropReason.INVALID_REPORT,
                        "occurredOn is not an ISO 8601 date-time: \"" + "x".repeat(63) + "…"));
    }

    @Test
    void entryLargerThanTheLimitIsTooLarge() {
        byte[] body = withDetails("\"pad\": \"" + "x".repeat(200) + "\"").getBytes(UTF_8);
        RaygunDecoder decoder = new RaygunDecoder(body.length - 1);
        assertThat(decoder.decode(body, RECEIVED_AT))
                .isEqualTo(new Decoded.Rejected(
                        DropReason.TOO_LARGE,
                        "entry is " + body.length + " bytes, more than the limit of " + (body.length - 1)));
        assertThat(new RaygunDecoder(body.length).decode(body, RECEIVED_AT)).isInstanceOf(Decoded.Accepted.class);
    }

    @Test
    void acceptedEntryKeepsTheBodyAsSentAndTheServerFields() {
        byte[] body = withDetails("\"version\": \"1.0\"").getBytes(UTF_8);
        Decoded.Accepted accepted = (Decoded.Accepted) Entries.DECODER.decode(body, RECEIVED_AT);
        assertThat(accepted.original()).isSameAs(body);
        Report report = accepted.report();
        assertThat(report.protocol()).isEqualTo("raygun");
        assertThat(report.receivedAt()).isEqualTo(RECEIVED_AT);
        assertThat(report.occurredAt()).isEqualTo(Instant.parse("2024-05-01T12:34:56Z"));
        assertThat(report.logId()).isNull();
    }

    @Test
    void parsingIsLenientLikeRealSdksNeed() {
        String body = """
                {
                  // a comment
                  'occurredOn': '2024-05-01T12:34:56Z',
                  "details": {
                    "error": {"className": "E", "message": "tab\there",},
                    "userCustomData": {"ratio": NaN, "big": Infinity, "escaped": "\\'x\\'"},
                    "tags": ["a", "b",],
                  },
                }""";
        Report report = accept(body);
        assertThat(report.error().message()).isEqualTo("tab\there");
        assertThat(report.customData())
                .containsEntry("ratio", "NaN")
                .containsEntry("big", "Infinity")
                .containsEntry("escaped", "'x'");
        assertThat(report.tags()).containsExactly("a", "b");
    }

    @Test
    void duplicateKeysLastWinsInAnyLetterCase() {
        Report report = accept(withDetails("""
                "version": "1", "Version": "2", "VERSION": "3", "machineName": "a", "machineName": "b"
                """));
        assertThat(report.version()).isEqualTo("3");
        assertThat(report.machineName()).isEqualTo("b");
        assertThat(report.extra()).isEmpty();
    }

    @Test
    void keysAreReadInAnyLetterCase() {
        Report report = accept("""
                {"OCCURREDON": "2024-05-01T12:34:56Z", "Details": {
                  "ERROR": {"classname": "E", "MESSAGE": "m", "StackTrace": [{"LINENUMBER": 3, "methodname": "run"}]},
                  "Environment": {"oSVersion": "iOS 17"},
                  "Request": {"iPAddress": "10.0.0.1"},
                  "User": {"Uuid": "device-1", "ISANONYMOUS": true},
                  "Client": {"ClientUrlString": "https://example.com/sdk"}}}""");
        assertThat(report.error().type()).isEqualTo("E");
        assertThat(report.error().frames().getFirst().line()).isEqualTo(3);
        assertThat(report.error().frames().getFirst().method()).isEqualTo("run");
        assertThat(report.device().osVersion()).isEqualTo("iOS 17");
        assertThat(report.request().ipAddress()).isEqualTo("10.0.0.1");
        assertThat(report.user().uuid()).isEqualTo("device-1");
        assertThat(report.user().anonymous()).isTrue();
        assertThat(report.client().url()).isEqualTo("https://example.com/sdk");
    }

    @ParameterizedTest
    @ValueSource(strings = {"osVersion", "oSVersion", "OSVersion", "OsVersion", "osversion"})
    void osVersionInEverySpelling(String key) {
        assertThat(accept(withDetails("\"environment\": {\"" + key + "\": \"10\"}"))
                        .device()
                        .osVersion())
                .isEqualTo("10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ipAddress", "iPAddress", "IPAddress", "IpAddress"})
    void ipAddressInEverySpelling(String key) {
        assertThat(accept(withDetails("\"request\": {\"" + key + "\": \"10.0.0.1\"}"))
                        .request()
                        .ipAddress())
                .isEqualTo("10.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"uuid", "UUID", "Uuid"})
    void uuidInEverySpelling(String key) {
        assertThat(accept(withDetails("\"user\": {\"" + key + "\": \"d-1\"}"))
                        .user()
                        .uuid())
                .isEqualTo("d-1");
    }

    @Test
    void epochMillisecondsAreAnOccurredOn() {
        Report report = accept("""
                {"occurredOn": 1714566896789, "details": {"error": {}}}""");
        assertThat(report.occurredAt()).isEqualTo(Instant.parse("2024-05-01T12:34:56.789Z"));
        assertThat(report.error().type()).isEmpty();
        assertThat(report.error().message()).isEmpty();
    }

    @Test
    void constructorAndEntryPointsRejectProgrammingErrors() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RaygunDecoder(0));
        assertThatNullPointerException()
                .isThrownBy(() -> Entries.DECODER.decode(null, RECEIVED_AT))
                .withMessage("body");
        assertThatNullPointerException()
                .isThrownBy(() -> Entries.DECODER.decode(new byte[0], null))
                .withMessage("receivedAt");
    }

    @Test
    void unknownTopLevelFieldsAreKeptButNeverReplaceDetailsOnes() {
        Report report = accept("""
                {"occurredOn": "2024-05-01T12:34:56Z", "apiKey": "k", "context": "root",
                 "details": {"error": {}, "context": "details"}}""");
        assertThat(report.extra()).isEqualTo(Map.of("context", "details", "apiKey", "k"));
    }
}
