package dev.faultline.protocols.raygun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RaygunTimeTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParameterizedTest
    @CsvSource({
        "2015-09-08T01:55:28Z,                2015-09-08T01:55:28Z",
        "2015-09-08T01:55:28.2Z,              2015-09-08T01:55:28.200Z",
        "2015-09-08T01:55:28.264Z,            2015-09-08T01:55:28.264Z",
        "2015-09-08T01:55:28.1234567Z,        2015-09-08T01:55:28.123456700Z",
        "2015-09-08T01:55:28.123456789Z,      2015-09-08T01:55:28.123456789Z",
        "2015-09-08T01:55:28.Z,               2015-09-08T01:55:28Z",
        "2015-09-08T01:55:28+00:00,           2015-09-08T01:55:28Z",
        "2015-09-08T01:55:28+0000,            2015-09-08T01:55:28Z",
        "2015-09-08T01:55:28+02,              2015-09-07T23:55:28Z",
        "2015-09-08T01:55:28.5-05:30,         2015-09-08T07:25:28.500Z",
        "2026-11-22T18:08:26,                 2026-11-22T18:08:26Z",
        "2024-05-01T12:34,                    2024-05-01T12:34:00Z",
        "2024-05-01t12:34z,                   2024-05-01T12:34:00Z",
        "2024-05-01 12:34:56,                 2024-05-01T12:34:56Z",
        "'  2024-05-01T12:34:56Z  ',          2024-05-01T12:34:56Z",
        "1714566896789,                       2024-05-01T12:34:56.789Z",
        "1714566896,                          2024-05-01T12:34:56Z",
    })
    void readsTheFormsSdksSend(String sent, Instant expected) {
        assertThat(RaygunTime.instant(NODES.textNode(sent))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "yesterday",
                "2024-05-01",
                "2024-05-01T12",
                "2024-05-01T12:3",
                "2024-05-01T12:34:5",
                "2024-5-01T12:34:56Z",
                "2024-02-30T12:34:56Z",
                "2024-05-01T24:00:00Z",
                "2024-05-01T12:60:00Z",
                "2024-05-01T12:34:56.1234567890Z",
                "2024-05-01T12:34:56 Z",
                "2024-05-01T12:34:56+19:00",
                "2024-05-01T12:34:56+1",
                "2024-05-01T12:34:56+01:0",
                "2024-05-01T12:34:56ZZ",
                "2024-05-01X12:34:56Z",
                "１２３４-05-01T12:34:56Z",
            })
    void rejectsWhatIsNotADateTime(String sent) {
        assertThat(RaygunTime.instant(NODES.textNode(sent))).isNull();
    }

    @Test
    void numbersAreEpochMillisecondsOrSecondsBelowTheThreshold() {
        assertThat(RaygunTime.instant(NODES.numberNode(1714566896789L)))
                .isEqualTo(Instant.parse("2024-05-01T12:34:56.789Z"));
        assertThat(RaygunTime.instant(NODES.numberNode(1714566896))).isEqualTo(Instant.parse("2024-05-01T12:34:56Z"));
        assertThat(RaygunTime.instant(NODES.numberNode(1714566896.5)))
                .isEqualTo(Instant.parse("2024-05-01T12:34:56.500Z"));
        assertThat(RaygunTime.instant(NODES.numberNode(RaygunTime.SECONDS_BELOW)))
                .isEqualTo(Instant.ofEpochMilli(RaygunTime.SECONDS_BELOW));
        assertThat(RaygunTime.instant(NODES.numberNode(RaygunTime.SECONDS_BELOW - 1)))
                .isEqualTo(Instant.ofEpochSecond(RaygunTime.SECONDS_BELOW - 1));
        assertThat(RaygunTime.instant(NODES.numberNode(Double.NaN))).isNull();
    }

    @Test
    void otherNodesAreNoInstant() {
        assertThat(RaygunTime.instant(null)).isNull();
        assertThat(RaygunTime.instant(NODES.booleanNode(true))).isNull();
        assertThat(RaygunTime.instant(NODES.objectNode())).isNull();
    }
}
