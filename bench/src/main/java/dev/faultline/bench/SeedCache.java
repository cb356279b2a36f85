package dev.faultline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A seeded data set kept between runs, because a million events take minutes to store: the server's data folder
 * ({@code data/}) and {@code seed.json}, written last, so that a folder without it is an interrupted seed. The
 * folder's name holds the size and the jar's {@link #schemaId}, so that jars of two schemas (a branch and its base)
 * keep a data set each. A run measures a copy, so the cached set never changes and every run starts from the same
 * data.
 */
final class SeedCache {

    private static final String MIGRATIONS = "db/migration/";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path directory;

    SeedCache(Path directory) {
        this.directory = directory;
    }

    /**
     * What was seeded and by which server: {@code migrations} are the schema migrations in its jar, name and CRC-32,
     * because data stored under an older schema lacks what a newer one would have stored (columns, summary tables).
     */
    record Manifest(
            int planVersion,
            int events,
            int groups,
            long storedEvents,
            String seededAt,
            double seedSeconds,
            double eventsPerSecond,
            List<String> migrations,
            Map<String, Long> appIds) {}

    Path directory() {
        return directory;
    }

    Path data() {
        return directory.resolve("data");
    }

    Optional<Manifest> manifest() {
        Path file = directory.resolve("seed.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Manifest.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void write(Manifest manifest) {
        try {
            JSON.writeValue(directory.resolve("seed.json").toFile(), manifest);
        } catch (IOException e) {
            throw new BenchFailure("cannot write " + directory.resolve("seed.json") + ": " + e.getMessage(), e);
        }
    }

    /** Why {@code manifest} cannot serve a run of this plan with a jar of these migrations; null when it can. */
    static String staleReason(Manifest manifest, SeedPlan plan, List<String> migrations) {
        if (manifest.planVersion() != SeedPlan.VERSION) {
            return "it was seeded by seed plan " + manifest.planVersion() + ", this bench has " + SeedPlan.VERSION;
        }
        if (manifest.events() != plan.events() || manifest.groups() != plan.groups()) {
            return "it holds " + manifest.events() + " events in " + manifest.groups() + " groups";
        }
        if (!manifest.migrations().equals(migrations)) {
            return "it was seeded by a server with the migrations " + manifest.migrations() + ", this jar has "
                    + migrations;
        }
        return null;
    }

    /** Empties the folder and creates {@code data/}. */
    void clear() {
        if (Files.exists(directory)) {
            Bench.deleteRecursively(directory);
        }
        try {
            Files.createDirectories(data());
        } catch (IOException e) {
            throw new BenchFailure("cannot create " + data() + ": " + e.getMessage(), e);
        }
    }

    /** Copies {@code data/} into the empty folder {@code target}; returns the bytes copied. */
    long copyDataTo(Path target) {
        long bytes = 0;
        try (Stream<Path> paths = Files.walk(data())) {
            for (Path source : paths.toList()) {
                Path copy = target.resolve(data().relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                    bytes += Files.size(copy);
                }
            }
            return bytes;
        } catch (IOException e) {
            throw new BenchFailure("cannot copy " + data() + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** A short name for a jar's schema: the first 8 hex digits of the SHA-256 of its {@link #migrations}. */
    static String schemaId(List<String> migrations) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", migrations).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The schema migrations in a server jar, as {@code path@crc32}, sorted; empty if it has none there. */
    static List<String> migrations(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> migrations = new ArrayList<>();
            for (ZipEntry entry : zip.stream().toList()) {
                if (entry.getName().startsWith(MIGRATIONS) && !entry.isDirectory()) {
                    migrations.add(
                            entry.getName().substring(MIGRATIONS.length()) + "@" + Long.toHexString(entry.getCrc()));
                }
            }
            return migrations.stream().sorted().toList();
        } catch (IOException e) {
            throw new BenchFailure("cannot read " + jar + ": " + e.getMessage(), e);
        }
    }
}
