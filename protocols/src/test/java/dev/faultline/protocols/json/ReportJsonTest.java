package dev.faultline.protocols.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.model.Breadcrumb;
import dev.faultline.core.model.Device;
import dev.faultline.core.model.ErrorInfo;
import dev.faultline.core.model.Frame;
import dev.faultline.core.model.Report;
import dev.faultline.core.model.RequestInfo;
import dev.faultline.core.model.ResponseInfo;
import dev.faultline.core.model.Sdk;
import dev.faultline.core.model.UserInfo;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    @Test
    void everyFieldSurvivesARoundTrip() throws Exception {
        Report report = fullReport();
        String json = ReportJson.mapper().writeValueAsString(report);
        assertThat(ReportJson.mapper().readValue(json, Report.class)).isEqualTo(report);
    }

    @Test
    void minimalReportSurvivesARoundTripAndOmitsNulls() throws Exception {
        Report report = new Report(
                "raygun",
                Instant.parse("2024-05-01T12:34:56Z"),
                Instant.parse("2024-05-01T12:34:57Z"),
                new ErrorInfo(null, null, null, null, null, null),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        String json = ReportJson.mapper().writeValueAsString(report);
        assertThat(json)
                .isEqualTo("{\"protocol\":\"raygun\",\"occurredAt\":\"2024-05-01T12:34:56Z\","
                        + "\"receivedAt\":\"2024-05-01T12:34:57Z\",\"error\":{\"type\":\"\",\"message\":\"\","
                        + "\"frames\":[],\"inner\":[],\"data\":{}},\"tags\":[],\"customData\":{},\"breadcrumbs\":[],"
                        + "\"extra\":{}}");
        assertThat(ReportJson.mapper().readValue(json, Report.class)).isEqualTo(report);
    }

    @Test
    void propertiesFollowDeclarationOrderAndInstantsAreIsoStrings() throws Exception {
        JsonNode tree = ReportJson.mapper().valueToTree(fullReport());
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactly(
                        "protocol",
                        "occurredAt",
                        "receivedAt",
                        "error",
                        "groupingKey",
                        "version",
                        "machineName",
                        "client",
                        "user",
                        "device",
                        "tags",
                        "customData",
                        "request",
                        "response",
                        "breadcrumbs",
                        "extra",
                        "logId");
        assertThat(tree.get("occurredAt").textValue()).isEqualTo("2024-05-01T12:34:56.123456700Z");
    }

    @Test
    void unknownPropertiesAreIgnoredOnReading() throws Exception {
        String json = ReportJson.mapper().writeValueAsString(fullReport()).replaceFirst("\\{", "{\"addedLater\":1,");
        assertThat(ReportJson.mapper().readValue(json, Report.class)).isEqualTo(fullReport());
    }

    private static Report fullReport() {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("int", 42);
        custom.put("long", 6_320_816_127L);
        custom.put("big", new BigInteger("123456789012345678901234567890"));
        custom.put("double", 0.25);
        custom.put("null", null);
        custom.put("list", Arrays.asList(1, "two", null, Map.of("k", true)));
        ErrorInfo inner =
                new ErrorInfo("Inner", "cause", List.of(Frame.of("a.B", "c", "B.java", -2)), null, null, null);
        ErrorInfo error = new ErrorInfo(
                "Outer",
                "boom",
                List.of(new Frame("a.B", "c", "B.java", 51, 7, "0x1f", "raw line")),
                List.of(inner),
                Map.of("signalName", "SIGABRT"),
                "raw stack");
        return new Report(
                "raygun",
                Instant.parse("2024-05-01T12:34:56.1234567Z"),
                Instant.parse("2024-05-01T12:35:00Z"),
                error,
                "key",
                "1.0",
                "host",
                new Sdk("sdk", "1", "https://x"),
                new UserInfo("u", "d", true, "e@x", "Full Name", "Full"),
                new Device("iOS", "17", "iPhone15,2", "Apple", "en-NZ", "arm64", "phone", "install", Map.of("cpu", 8)),
                List.of("t1", "t2"),
                custom,
                new RequestInfo("h", "/p", "POST", "10.0.0.1", Map.of("q", "1"), Map.of("A", "b"), "a=1", "{}"),
                new ResponseInfo(500),
                List.of(new Breadcrumb(
                        Instant.parse("2024-05-01T12:34:50Z"),
                        "info",
                        "manual",
                        "c",
                        "m",
                        "K",
                        "f",
                        3,
                        Map.of("x", 1))),
                Map.of("threads", List.of(Map.of("crashed", true))),
                "log-1");
    }
}
