package dev.faultline.protocols.raygun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.faultline.core.grouping.Fingerprint;
import dev.faultline.core.grouping.FingerprinterV1;
import dev.faultline.core.model.Report;
import dev.faultline.protocols.GoldenFiles;
import dev.faultline.protocols.json.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: every {@code <name>.input.json} in {@code golden/raygun} decodes to {@code
 * <name>.expected.json} (a report, or {@code {"rejected": …}}; a JSON array for bulk bodies, whose
 * names end in {@code -bulk}), and all of them fingerprint as in {@code fingerprints.json}. Run with
 * {@code -Dgolden.update=true} to rewrite the expected files, then review the diff.
 */
class RaygunGoldenTest {
    static final Path FOLDER = Path.of("src/test/resources/golden/raygun");
    /** The project's shared folder sits beside the repository (as in CI); tests run in the module folder. */
    static final Path SHARED_FIXTURES = Path.of("..", "..", "shared", "fixtures", "raygun");

    static final Instant RECEIVED_AT = Instant.parse("2026-12-01T00:00:00Z");
    private static final String INPUT = GoldenFiles.INPUT;
    private static final ObjectWriter PRETTY = ReportJson.mapper().writerWithDefaultPrettyPrinter();

    private final RaygunDecoder decoder = new RaygunDecoder(131_072);
    private final FingerprinterV1 fingerprinter = new FingerprinterV1();

    static Stream<String> names() throws IOException {
        return GoldenFiles.names(FOLDER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void decodesToTheExpectedReport(String name) throws Exception {
        List<Decoded> decoded = decode(name);
        Object shown =
                isBulk(name) ? decoded.stream().map(RaygunGoldenTest::shown).toList() : shown(decoded.getFirst());
        GoldenFiles.compareOrUpdate(FOLDER.resolve(name + ".expected.json"), PRETTY.writeValueAsString(shown) + "\n");

        for (Decoded each : decoded) {
            if (each instanceof Decoded.Accepted accepted) {
                byte[] json = ReportJson.mapper().writeValueAsBytes(accepted.report());
                assertThat(ReportJson.mapper().readValue(json, Report.class))
                        .as("read back from its JSON")
                        .isEqualTo(accepted.report());
            }
        }
    }

    @Test
    void fingerprintsMatchTheGoldenFile() throws Exception {
        Map<String, Object> fingerprints = new LinkedHashMap<>();
        for (String name : names().toList()) {
            List<Decoded> decoded = decode(name);
            for (int index = 0; index < decoded.size(); index++) {
                if (decoded.get(index) instanceof Decoded.Accepted accepted) {
                    Fingerprint fingerprint = fingerprinter.fingerprint(accepted.report());
                    Map<String, Object> shown = new LinkedHashMap<>();
                    shown.put("algorithm", fingerprint.algorithm());
                    shown.put("hash", fingerprint.hash());
                    shown.put("basis", fingerprint.basis().split("\n"));
                    fingerprints.put(isBulk(name) ? name + "[" + index + "]" : name, shown);
                }
            }
        }
        GoldenFiles.compareOrUpdate(
                FOLDER.resolve("fingerprints.json"), PRETTY.writeValueAsString(fingerprints) + "\n");
    }

    @Test
    void fixtureCopiesEqualTheSharedFixtures() throws IOException {
        assumeTrue(Files.isDirectory(SHARED_FIXTURES), "no shared fixtures at " + SHARED_FIXTURES);
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(SHARED_FIXTURES)) {
            fixtures = files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        assertThat(fixtures).isNotEmpty();
        for (Path fixture : fixtures) {
            String stem = fixture.getFileName().toString().replaceFirst("\\.json$", "");
            Path copy = FOLDER.resolve(stem + INPUT);
            assertThat(copy).as("copy of " + fixture).exists();
            assertThat(Files.readAllBytes(copy)).as("copy of " + fixture).isEqualTo(Files.readAllBytes(fixture));
        }
    }

    private List<Decoded> decode(String name) throws Exception {
        byte[] input = Files.readAllBytes(FOLDER.resolve(name + INPUT));
        return isBulk(name) ? decoder.decodeBulk(input, RECEIVED_AT) : List.of(decoder.decode(input, RECEIVED_AT));
    }

    private static boolean isBulk(String name) {
        return name.endsWith("-bulk");
    }

    private static Object shown(Decoded decoded) {
        return switch (decoded) {
            case Decoded.Accepted accepted -> accepted.report();
            case Decoded.Rejected rejected -> {
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("reason", rejected.reason().code());
                shown.put("message", rejected.message());
                yield Map.of("rejected", shown);
            }
        };
    }
}
