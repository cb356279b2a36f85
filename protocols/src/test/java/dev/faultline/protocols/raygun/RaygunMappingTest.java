package dev.faultline.protocols.raygun;

import static dev.faultline.protocols.raygun.Entries.accept;
import static dev.faultline.protocols.raygun.Entries.withDetails;
import static dev.faultline.protocols.raygun.Entries.withError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Breadcrumb;
import dev.faultline.core.model.ErrorInfo;
import dev.faultline.core.model.Frame;
import dev.faultline.core.model.Report;
import dev.faultline.core.model.UserInfo;
import dev.faultline.protocols.json.ReportJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RaygunMappingTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            delimiter = '|',
            value = {
                "51       | 51",
                "'\"51\"' | 51",
                "'\" 7 \"'| 7",
                "'\"-2\"' | -2",
                "51.0     | 51",
                "null     | NULL",
                "'\"abc\"'| NULL",
                "'\"\"'   | NULL",
                "1e12     | NULL",
                "true     | NULL",
                "[1]      | NULL",
            })
    void lineNumbersAreNumbersOrNumericStringsElseAbsent(String sent, Integer line) {
        Report report = accept(withError("\"stackTrace\": [{\"lineNumber\": " + sent + ", \"columnNumber\": " + sent
                + ", \"methodName\": \"run\"}]"));
        Frame frame = report.error().frames().getFirst();
        assertThat(frame.line()).isEqualTo(line);
        assertThat(frame.column()).isEqualTo(line);
    }

    @Test
    void stackTraceOfStringsGivesRawFrames() {
        Report report =
                accept(withError("\"stackTrace\": [\"0 Shop 0x1 main + 4\", null, \"\", \"1 Shop 0x2 start\"]"));
        assertThat(report.error().frames())
                .containsExactly(
                        new Frame(null, null, null, null, null, null, "0 Shop 0x1 main + 4"),
                        new Frame(null, null, null, null, null, null, "1 Shop 0x2 start"));
    }

    @Test
    void raygun4applesManagedStackTraceStandsInForAnAbsentStackTrace() {
        Report report = accept(withError("\"managedStackTrace\": [\"0 Shop 0x1 main + 4\"]"));
        assertThat(report.error().frames()).extracting(Frame::raw).containsExactly("0 Shop 0x1 main + 4");
        assertThat(report.error().data()).isEmpty();
    }

    @Test
    void emptyAndAbsentStackTracesHaveNoFrames() {
        assertThat(accept(withError("\"stackTrace\": []")).error().frames()).isEmpty();
        assertThat(accept(withError("\"stackTrace\": null")).error().frames()).isEmpty();
        assertThat(accept(withError("\"stackTrace\": [{}]")).error().frames()).isEmpty();
    }

    @Test
    void stackStringAndStringStackTraceAreTheRawStack() {
        assertThat(accept(withError("\"stackString\": \"Error: x\\n at f (a.js:1:2)\""))
                        .error()
                        .rawStack())
                .isEqualTo("Error: x\n at f (a.js:1:2)");
        assertThat(accept(withError("\"stackTrace\": \"at f (a.js:1:2)\""))
                        .error()
                        .rawStack())
                .isEqualTo("at f (a.js:1:2)");
    }

    @Test
    void innerErrorAndInnerErrorsAreBothInnerWithoutDuplicates() {
        ErrorInfo error = accept(withError("""
                        "innerError": {"className": "A", "message": "a"},
                        "innerErrors": [{"className": "A", "message": "a"}, {"className": "B", "message": "b",
                          "innerError": {"className": "C"}}, "junk"]""")).error();
        assertThat(error.inner()).extracting(ErrorInfo::type).containsExactly("A", "B");
        assertThat(error.inner().get(1).inner()).extracting(ErrorInfo::type).containsExactly("C");
    }

    @Test
    void innerErrorChainsDeeperThan32KeepTheRestAsSent() throws Exception {
        int levels = ErrorMapper.MAX_CHAIN_DEPTH + 8;
        String chain = "{\"className\": \"E0\"}";
        for (int level = 1; level <= levels; level++) {
            chain = "{\"className\": \"E" + level + "\", \"innerError\": " + chain + "}";
        }
        Report report = accept("{\"occurredOn\": \"2024-05-01T12:34:56Z\", \"details\": {\"error\": " + chain + "}}");
        ErrorInfo deepest = report.error();
        for (int level = 0; level < ErrorMapper.MAX_CHAIN_DEPTH; level++) {
            assertThat(deepest.inner()).hasSize(1);
            deepest = deepest.inner().getFirst();
        }
        assertThat(deepest.inner()).isEmpty();
        assertThat(deepest.type()).isEqualTo("E" + (levels - ErrorMapper.MAX_CHAIN_DEPTH));
        assertThat(deepest.data()).containsKey("innerError");
        byte[] json = ReportJson.mapper().writeValueAsBytes(report);
        assertThat(ReportJson.mapper().readValue(json, Report.class)).isEqualTo(report);
    }

    @Test
    void unknownErrorFieldsGoToDataWhereSentDataWins() {
        ErrorInfo error = accept(withError("""
                        "data": {"orderId": 7, "signalName": "from data"}, "signalName": "SIGABRT",
                        "signalCode": "#0", "innerError": "not an object\"""")).error();
        assertThat(error.data())
                .containsExactly(
                        Map.entry("orderId", 7),
                        Map.entry("signalName", "from data"),
                        Map.entry("signalCode", "#0"),
                        Map.entry("innerError", "not an object"));
    }

    @Test
    void dataThatIsNotAnObjectIsKeptUnderItsSentName() {
        assertThat(accept(withError("\"Data\": \"text\"")).error().data()).isEqualTo(Map.of("Data", "text"));
        assertThat(accept(withError("\"data\": []")).error().data()).isEmpty();
    }

    @Test
    void frameFieldsOutsideTheModelAreNotKept() {
        Report report = accept(withError("""
                "stackTrace": [{"className": "A", "methodName": "m", "ilOffset": 12, "methodToken": 100663301}]"""));
        assertThat(report.error().frames()).containsExactly(new Frame("A", "m", null, null, null, null, null));
        assertThat(report.error().data()).isEmpty();
    }

    @Test
    void unknownDetailsFieldsGoToExtraUnderTheirSentNames() {
        Report report = accept(withDetails("""
                "correlationId": "c-1", "Context": {"page": "/cart"}, "localVariables": [{"x": 1}],
                "environmentVariables": {"PATH": "/bin"}, "images": [], "nothing": null"""));
        assertThat(report.extra().keySet())
                .containsExactly(
                        "correlationId", "Context", "localVariables", "environmentVariables", "images", "nothing");
        assertThat(report.extra())
                .containsEntry("correlationId", "c-1")
                .containsEntry("Context", Map.of("page", "/cart"))
                .containsEntry("localVariables", List.of(Map.of("x", 1)))
                .containsEntry("environmentVariables", Map.of("PATH", "/bin"))
                .containsEntry("images", List.of())
                .containsEntry("nothing", null);
    }

    @Test
    void unknownFieldsOfClientUserRequestAndResponseGoToExtraUnderTheirObject() {
        Report report = accept(withDetails("""
                "client": {"name": "sdk", "platform": "jvm"}, "user": {"identifier": "u", "organization": "o"},
                "request": {"url": "/", "cookies": {"s": "1"}}, "response": {"statusCode": "503",
                "statusDescription": "busy"}"""));
        assertThat(report.extra())
                .isEqualTo(Map.of(
                        "client", Map.of("platform", "jvm"),
                        "user", Map.of("organization", "o"),
                        "request", Map.of("cookies", Map.of("s", "1")),
                        "response", Map.of("statusDescription", "busy")));
        assertThat(report.response().statusCode()).isEqualTo(503);
    }

    @Test
    void knownFieldsOfTheWrongShapeAreKeptAsSent() {
        Report report = accept(withDetails("""
                "request": "GET /", "response": 500, "environment": [1], "tags": {"a": 1}, "userCustomData": 5,
                "breadcrumbs": {"message": "one"}, "client": true, "user": [1], "groupingKey": "%s"
                """.formatted("k".repeat(101))));
        assertThat(report.request()).isNull();
        assertThat(report.response()).isNull();
        assertThat(report.device()).isNull();
        assertThat(report.tags()).isEmpty();
        assertThat(report.customData()).isEmpty();
        assertThat(report.breadcrumbs()).isEmpty();
        assertThat(report.client()).isNull();
        assertThat(report.user()).isNull();
        assertThat(report.groupingKey()).isNull();
        assertThat(report.extra())
                .containsOnlyKeys(
                        "request",
                        "response",
                        "environment",
                        "tags",
                        "userCustomData",
                        "breadcrumbs",
                        "client",
                        "user",
                        "groupingKey")
                .containsEntry("request", "GET /")
                .containsEntry("groupingKey", "k".repeat(101));
    }

    @Test
    void groupingKeyOfOneToHundredCharactersIsKept() {
        assertThat(accept(withDetails("\"groupingKey\": \"k\"")).groupingKey()).isEqualTo("k");
        String hundred = "k".repeat(100);
        assertThat(accept(withDetails("\"groupingKey\": \"" + hundred + "\"")).groupingKey())
                .isEqualTo(hundred);
        Report blank = accept(withDetails("\"groupingKey\": \"  \""));
        assertThat(blank.groupingKey()).isNull();
        assertThat(blank.extra()).isEmpty();
    }

    @Test
    void environmentNamesItsFieldsAndKeepsTheRest() {
        Report report = accept(withDetails("""
                "environment": {"platform": "Win32", "OSVersion": "10", "model": "M", "deviceManufacturer": "Acme",
                "locale": "en-NZ", "architecture": "x64", "deviceName": "Pixel", "processorCount": 8,
                "browser-Width": 1440, "cpu": ""}"""));
        assertThat(report.device().osName()).isEqualTo("Win32");
        assertThat(report.device().osVersion()).isEqualTo("10");
        assertThat(report.device().model()).isEqualTo("M");
        assertThat(report.device().manufacturer()).isEqualTo("Acme");
        assertThat(report.device().locale()).isEqualTo("en-NZ");
        assertThat(report.device().architecture()).isEqualTo("x64");
        assertThat(report.device().deviceName()).isEqualTo("Pixel");
        assertThat(report.device().installId()).isNull();
        assertThat(report.device().extra())
                .containsExactly(
                        Map.entry("processorCount", 8), Map.entry("browser-Width", 1440), Map.entry("cpu", ""));
        assertThat(accept(withDetails("\"environment\": {\"osName\": \"Android\", \"platform\": \"arm\"}"))
                        .device())
                .satisfies(device -> {
                    assertThat(device.osName()).isEqualTo("Android");
                    assertThat(device.extra()).containsEntry("platform", "arm");
                });
        assertThat(accept(withDetails("\"environment\": {}")).device()).isNull();
    }

    @Test
    void bareUserIsTheIdentifier() {
        assertThat(accept(withDetails("\"user\": \"jane@example.com\"")).user())
                .isEqualTo(new UserInfo("jane@example.com", null, null, null, null, null));
        assertThat(accept(withDetails("\"user\": 42")).user().identifier()).isEqualTo("42");
        assertThat(accept(withDetails("\"user\": \"\"")).user()).isNull();
        assertThat(accept(withDetails("\"user\": {\"isAnonymous\": \"true\"}"))
                        .user()
                        .anonymous())
                .isTrue();
    }

    @Test
    void tagsAndCustomDataMayBeNullOrEmptyArrays() {
        Report report = accept(withDetails("\"tags\": null, \"userCustomData\": []"));
        assertThat(report.tags()).isEmpty();
        assertThat(report.customData()).isEmpty();
        assertThat(report.extra()).isEmpty();
        assertThat(accept(withDetails("\"tags\": [\"a\", null, 3]")).tags()).containsExactly("a", "3");
        assertThat(accept(withDetails("\"tags\": \"solo\"")).tags()).containsExactly("solo");
    }

    @Test
    void breadcrumbLevelsAreNamed() {
        Report report = accept(withDetails("""
                "breadcrumbs": [{"level": 0}, {"level": 1}, {"level": 2}, {"level": 3}, {"level": 4}, {"level": 9},
                {"level": "Warn"}, {"level": " INFO "}, {"level": "3"}, {"level": "verbose"}, {"level": null}]"""));
        assertThat(report.breadcrumbs())
                .extracting(Breadcrumb::level)
                .containsExactly(
                        "debug", "info", "warning", "error", "fatal", "9", "warning", "info", "error", "verbose", null);
    }

    @Test
    void breadcrumbTimestampsAreEpochMillisecondsOrSeconds() {
        Report report = accept(withDetails("""
                "breadcrumbs": [{"timestamp": 1714566896789}, {"timeStamp": 1714566896}, {"TimeStamp": 1714566896.25},
                {"timestamp": "1714566896789"}, {"timestamp": "2024-05-01T12:34:56Z"}, {"timestamp": "soon"}, {}]"""));
        assertThat(report.breadcrumbs())
                .extracting(Breadcrumb::timestamp)
                .containsExactly(
                        Instant.parse("2024-05-01T12:34:56.789Z"),
                        Instant.parse("2024-05-01T12:34:56Z"),
                        Instant.parse("2024-05-01T12:34:56.250Z"),
                        Instant.parse("2024-05-01T12:34:56.789Z"),
                        Instant.parse("2024-05-01T12:34:56Z"),
                        null,
                        null);
    }

    @Test
    void unknownBreadcrumbFieldsJoinItsCustomData() {
        Breadcrumb breadcrumb = accept(withDetails("""
                "breadcrumbs": [{"message": "m", "customData": {"a": 1, "location": "sent"}, "location": "/x",
                "extra": true}, 7]""")).breadcrumbs().getFirst();
        assertThat(breadcrumb.customData())
                .containsExactly(Map.entry("a", 1), Map.entry("location", "sent"), Map.entry("extra", true));
    }

    @Test
    void requestNormalizesHeadersAndKeepsQueryStringAsSent() {
        Report report = accept(withDetails("""
                "request": {"hostName": "h", "url": "/p", "httpMethod": "GET", "queryString": {"q": ["1", "2"]},
                "headers": {"Accept": ["a", "b"], "X-Num": 3, "X-Null": null, "X-Obj": {"k": 1}}}"""));
        assertThat(report.request().queryString()).isEqualTo(Map.of("q", List.of("1", "2")));
        assertThat(report.request().headers())
                .containsExactly(Map.entry("Accept", "a, b"), Map.entry("X-Num", "3"), Map.entry("X-Obj", "{\"k\":1}"));
        assertThat(accept(withDetails("\"request\": {\"queryString\": \"a=1\", \"form\": \"b=2\"}"))
                        .request())
                .satisfies(request -> {
                    assertThat(request.queryString()).isEqualTo("a=1");
                    assertThat(request.form()).isEqualTo("b=2");
                });
        assertThat(accept(withDetails("\"request\": {}")).request()).isNull();
    }

    @Test
    void formNamesAndValuesAreCutTo256Characters() {
        String longName = "n".repeat(300);
        String value = "v".repeat(255) + "😀";
        Report report = accept(withDetails(
                "\"request\": {\"form\": {\"" + longName + "\": \"" + value + "\", \"flag\": true, \"none\": null}}"));
        @SuppressWarnings("unchecked")
        Map<String, String> form = (Map<String, String>) report.request().form();
        assertThat(form).containsOnlyKeys("n".repeat(256), "flag", "none");
        assertThat(form.get("n".repeat(256))).isEqualTo("v".repeat(255));
        assertThat(form.get("flag")).isEqualTo("true");
        assertThat(form.get("none")).isNull();
    }

    @Test
    void rawDataIsCutTo4096BytesOfUtf8WithoutSplittingACodePoint() {
        String ascii = "a".repeat(5000);
        assertThat(accept(withDetails("\"request\": {\"rawData\": \"" + ascii + "\"}"))
                        .request()
                        .rawData())
                .isEqualTo("a".repeat(4096));
        String wide = "a" + "😀".repeat(1100);
        assertThat(accept(withDetails("\"request\": {\"rawData\": \"" + wide + "\"}"))
                        .request()
                        .rawData())
                .isEqualTo("a" + "😀".repeat(1023));
        assertThat(accept(withDetails("\"request\": {\"rawData\": {\"json\": [1, 2]}}"))
                        .request()
                        .rawData())
                .isEqualTo("{\"json\":[1,2]}");
        String rawForm = "é".repeat(3000);
        assertThat(accept(withDetails("\"request\": {\"form\": \"" + rawForm + "\"}"))
                        .request()
                        .form())
                .isEqualTo("é".repeat(2048));
    }

    @Test
    void clientUrlStringIsTheSdkUrl() {
        Report report = accept(withDetails("""
                "client": {"name": "Raygun4Java", "version": "3.0.0", "clientUrlString": "https://x/raygun4java"}"""));
        assertThat(report.client().url()).isEqualTo("https://x/raygun4java");
        assertThat(report.extra()).isEmpty();
    }

    @Test
    void blankOptionalTextIsAbsent() {
        Report report = accept(withDetails("\"version\": \"\", \"machineName\": \" \", \"client\": {\"name\": \"\"}"));
        assertThat(report.version()).isNull();
        assertThat(report.machineName()).isNull();
        assertThat(report.client()).isNull();
    }
}
