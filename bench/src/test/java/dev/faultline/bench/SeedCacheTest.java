package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedCacheTest {

    private static final List<String> MIGRATIONS = List.of("sqlite/V1__init.sql@1a", "sqlite/V2__appcenter.sql@2b");

    @TempDir
    Path folder;

    @Test
    void aManifestServesOnlyItsPlanSizeAndSchema() {
        SeedPlan plan = SeedPlan.create(50_000, 1000);
        SeedCache.Manifest manifest = manifest(50_000, 1000, MIGRATIONS);

        assertThat(SeedCache.staleReason(manifest, plan, MIGRATIONS)).isNull();
        assertThat(SeedCache.staleReason(manifest(50_000, 2000, MIGRATIONS), plan, MIGRATIONS))
                .isEqualTo("it holds 50000 events in 2000 groups");
        assertThat(SeedCache.staleReason(manifest, plan, List.of("sqlite/V1__init.sql@1a")))
                .startsWith("it was seeded by a server with the migrations");
    }

    @Test
    void theManifestIsReadBackAndAFolderWithoutItHasNone() {
        SeedCache cache = new SeedCache(folder.resolve("dashboard-data-50000-1000"));
        cache.clear();
        assertThat(cache.manifest()).isEmpty();

        cache.write(manifest(50_000, 1000, MIGRATIONS));

        assertThat(cache.manifest()).contains(manifest(50_000, 1000, MIGRATIONS));
    }

    @Test
    void copiesTheDataFolder() throws IOException {
        SeedCache cache = new SeedCache(folder.resolve("cache"));
        cache.clear();
        Files.writeString(cache.data().resolve("faultline.db"), "twelve bytes");
        Files.createDirectories(cache.data().resolve("sub"));
        Files.writeString(cache.data().resolve("sub/x"), "x");
        Path target = Files.createDirectory(folder.resolve("run"));

        assertThat(cache.copyDataTo(target)).isEqualTo(13);
        assertThat(Files.readString(target.resolve("faultline.db"))).isEqualTo("twelve bytes");
        assertThat(Files.readString(target.resolve("sub/x"))).isEqualTo("x");
    }

    @Test
    void readsAJarsMigrationsWithTheirChecksums() throws IOException {
        Path jar = folder.resolve("faultline.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(zip, "db/migration/sqlite/V2__appcenter.sql", "ALTER TABLE x;");
            put(zip, "db/migration/sqlite/V1__init.sql", "CREATE TABLE x;");
            put(zip, "dev/faultline/Main.class", "...");
        }

        assertThat(SeedCache.migrations(jar))
                .containsExactly(
                        "sqlite/V1__init.sql@" + crc("CREATE TABLE x;"),
                        "sqlite/V2__appcenter.sql@" + crc("ALTER TABLE x;"));
    }

    @Test
    void schemaIdsTellMigrationListsApart() {
        assertThat(SeedCache.schemaId(MIGRATIONS)).matches("[0-9a-f]{8}").isEqualTo(SeedCache.schemaId(MIGRATIONS));
        assertThat(SeedCache.schemaId(MIGRATIONS)).isNotEqualTo(SeedCache.schemaId(MIGRATIONS.subList(0, 1)));
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String crc(String content) {
        CRC32 crc = new CRC32();
        crc.update(content.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    private static SeedCache.Manifest manifest(int events, int groups, List<String> migrations) {
        return new SeedCache.Manifest(
                SeedPlan.VERSION,
                events,
                groups,
                events,
                "2026-11-22T18:00:00Z",
                5.2,
                9600.0,
                migrations,
                Map.of("bench-web", 1L, "bench-mobile", 2L));
    }
}
