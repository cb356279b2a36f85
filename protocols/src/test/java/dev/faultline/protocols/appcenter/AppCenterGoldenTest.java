package dev.faultline.protocols.appcenter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.faultline.core.grouping.Fingerprint;
import dev.faultline.core.grouping.FingerprinterV1;
import dev.faultline.core.model.Report;
import dev.faultline.protocols.GoldenFiles;
import dev.faultline.protocols.json.ReportJson;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: every {@code <name>.input.json} in {@code golden/appcenter} (a {@code /logs} body)
 * decodes to {@code <name>.expected.json} (one outcome per log), and every error report
 * fingerprints as in {@code fingerprints.json}. Each body arrives at the time {@code
 * received-at.properties} gives it. Run with {@code -Dgolden.update=true} to rewrite the expected
 * files, then review the diff.
 *
 * <p>The inputs are the shared fixtures (the Android SDK 5.0.6's own serializer), every curl sample
 * of the App Center doc exactly as written, and variants built from CLIENTS.md: .NET (pretty,
 * {@code type} last, {@code \/}, 7 fraction digits), Apple crashes from two devices with different
 * load addresses, an Objective-C exception, React Native, and a batch mixing good and bad logs.
 */
class AppCenterGoldenTest {
    static final Path FOLDER = Path.of("src/test/resources/golden/appcenter");
    static final Path SHARED = Path.of("..", "..", "shared");
    static final String INSTALL_ID = "00000000-0000-0000-0000-000000000001";

    private static final String INPUT = GoldenFiles.INPUT;
    private static final ObjectWriter PRETTY = ReportJson.mapper().writerWithDefaultPrettyPrinter();

    private final AppCenterDecoder decoder = new AppCenterDecoder(AppCenterLimits.APP_CENTER);
    private final FingerprinterV1 fingerprinter = new FingerprinterV1();

    static Stream<String> names() throws IOException {
        return GoldenFiles.names(FOLDER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void decodesToTheExpectedLogs(String name) throws Exception {
        List<AppCenterLog> logs = decode(name);
        List<Object> shown = logs.stream().map(AppCenterGoldenTest::shown).toList();
        GoldenFiles.compareOrUpdate(FOLDER.resolve(name + ".expected.json"), PRETTY.writeValueAsString(shown) + "\n");

        for (AppCenterLog log : logs) {
            if (log instanceof AppCenterLog.ErrorReport error) {
                byte[] json = ReportJson.mapper().writeValueAsBytes(error.report());
                assertThat(ReportJson.mapper().readValue(json, Report.class))
                        .as("read back from its JSON")
                        .isEqualTo(error.report());
                assertThat(decoder.report(error.original(), INSTALL_ID, receivedAt(name)))
                        .as("decoded again from its stored slice")
                        .isEqualTo(error.report());
                if (logs.size() == 1) {
                    byte[] body = Files.readAllBytes(FOLDER.resolve(name + INPUT));
                    assertThat(decoder.report(body, INSTALL_ID, receivedAt(name)))
                            .as("decoded again from the whole body, as a gzip body of one log is stored")
                            .isEqualTo(error.report());
                }
            }
        }
    }

    @Test
    void fingerprintsMatchTheGoldenFile() throws Exception {
        Map<String, Object> fingerprints = new LinkedHashMap<>();
        for (String name : names().toList()) {
            List<AppCenterLog> logs = decode(name);
            for (int index = 0; index < logs.size(); index++) {
                if (logs.get(index) instanceof AppCenterLog.ErrorReport error) {
                    Fingerprint fingerprint = fingerprinter.fingerprint(error.report());
                    Map<String, Object> shown = new LinkedHashMap<>();
                    shown.put("algorithm", fingerprint.algorithm());
                    shown.put("hash", fingerprint.hash());
                    shown.put("basis", fingerprint.basis().split("\n"));
                    fingerprints.put(name + "[" + index + "]", shown);
                }
            }
        }
        GoldenFiles.compareOrUpdate(
                FOLDER.resolve("fingerprints.json"), PRETTY.writeValueAsString(fingerprints) + "\n");
    }

    @Test
    void theSameAppleCrashOnTwoDevicesGroupsTogether() throws Exception {
        Report first = onlyReport("apple-crash-device-a");
        Report second = onlyReport("apple-crash-device-b");
        assertThat(first.error().frames().getFirst().address())
                .isNotEqualTo(second.error().frames().getFirst().address());
        assertThat(fingerprinter.fingerprint(first)).isEqualTo(fingerprinter.fingerprint(second));
    }

    @Test
    void fixtureCopiesEqualTheSharedFixtures() throws IOException {
        Path fixtures = SHARED.resolve("fixtures").resolve("appcenter");
        assumeTrue(Files.isDirectory(fixtures), "no shared fixtures at " + fixtures);
        List<Path> files;
        try (Stream<Path> list = Files.list(fixtures)) {
            files = list.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        assertThat(files).isNotEmpty();
        for (Path fixture : files) {
            String stem = fixture.getFileName().toString().replaceFirst("\\.json$", "");
            assertThat(Files.readAllBytes(FOLDER.resolve(stem + INPUT)))
                    .as("copy of " + fixture)
                    .isEqualTo(Files.readAllBytes(fixture));
        }
    }

    /** Every curl sample in the doc is here, exactly as written (trailing commas and all). */
    @Test
    void specSampleCopiesEqualTheSpec() throws IOException {
        Path spec = SHARED.resolve("spec").resolve("appcenter-upload-crashes.md");
        assumeTrue(Files.isRegularFile(spec), "no spec at " + spec);
        Matcher body = Pattern.compile("-d '(.*?)'\n", Pattern.DOTALL).matcher(Files.readString(spec, UTF_8));
        List<String> samples = new ArrayList<>();
        while (body.find()) {
            samples.add(body.group(1));
        }
        List<String> copies;
        try (Stream<Path> list = Files.list(FOLDER)) {
            copies = list.map(file -> file.getFileName().toString())
                    .filter(file -> file.startsWith("spec-") && file.endsWith(INPUT))
                    .sorted()
                    .toList();
        }
        assertThat(copies).hasSameSizeAs(samples);
        for (int index = 0; index < samples.size(); index++) {
            assertThat(Files.readString(FOLDER.resolve(copies.get(index)), UTF_8))
                    .as(copies.get(index))
                    .isEqualTo(samples.get(index));
        }
    }

    private Report onlyReport(String name) throws Exception {
        List<AppCenterLog> logs = decode(name);
        assertThat(logs).hasSize(1).first().isInstanceOf(AppCenterLog.ErrorReport.class);
        return ((AppCenterLog.ErrorReport) logs.getFirst()).report();
    }

    private List<AppCenterLog> decode(String name) throws Exception {
        return decoder.decode(Files.readAllBytes(FOLDER.resolve(name + INPUT)), INSTALL_ID, receivedAt(name));
    }

    static Instant receivedAt(String name) throws IOException {
        Properties times = new Properties();
        try (Reader reader = Files.newBufferedReader(FOLDER.resolve("received-at.properties"), UTF_8)) {
            times.load(reader);
        }
        return Instant.parse(times.getProperty(name, times.getProperty("default")));
    }

    private static Object shown(AppCenterLog log) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("outcome", log.getClass().getSimpleName());
        shown.put("type", log.type());
        switch (log) {
            case AppCenterLog.ErrorReport error -> {
                shown.put("sessionId", error.sessionId());
                shown.put("crashed", error.crashed());
                shown.put("originalBytes", error.original().length);
                shown.put("report", error.report());
            }
            case AppCenterLog.Attachment attachment -> {
                shown.put("id", attachment.id());
                shown.put("errorId", attachment.errorId());
                shown.put("contentType", attachment.contentType());
                shown.put("fileName", attachment.fileName());
                shown.put("size", attachment.data().length);
                shown.put("dataBase64", Base64.getEncoder().encodeToString(attachment.data()));
            }
            case AppCenterLog.SessionStart session -> {
                shown.put("sessionId", session.sessionId());
                shown.put("version", session.version());
                shown.put("at", session.at());
            }
            case AppCenterLog.Accepted accepted -> {
                // the type says it all
            }
            case AppCenterLog.Rejected rejected -> {
                shown.put("reason", rejected.reason().code());
                shown.put("message", rejected.message());
            }
        }
        return shown;
    }
}
