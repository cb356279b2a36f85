package dev.faultline.protocols;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden-file plumbing shared by the protocols' golden tests: {@code <name>.input.json} files in a
 * folder, compared with (or, run with {@code -Dgolden.update=true}, written to) expected files.
 */
public final class GoldenFiles {
    public static final String INPUT = ".input.json";
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private GoldenFiles() {}

    /** The names of the inputs in {@code folder}, sorted; fails when there are none. */
    public static Stream<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(INPUT))
                    .map(file -> file.substring(0, file.length() - INPUT.length()))
                    .sorted()
                    .toList();
            assertThat(names).isNotEmpty();
            return names.stream();
        }
    }

    /** Asserts that {@code expectedFile} holds {@code actual}, or writes it when updating. */
    public static void compareOrUpdate(Path expectedFile, String actual) throws IOException {
        if (UPDATE) {
            Files.writeString(expectedFile, actual, UTF_8);
            return;
        }
        assertThat(expectedFile)
                .as("run with -Dgolden.update=true to create it")
                .exists();
        String expected = Files.readString(expectedFile, UTF_8).replace("\r\n", "\n");
        assertThat(actual.replace("\r\n", "\n")).isEqualTo(expected);
    }
}
