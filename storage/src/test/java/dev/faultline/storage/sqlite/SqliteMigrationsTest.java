package dev.faultline.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.account.Team;
import dev.faultline.core.model.App;
import dev.faultline.core.store.Store;
import dev.faultline.storage.testkit.AppsContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations of databases made by earlier versions. */
class SqliteMigrationsTest {

    @TempDir
    Path dir;

    @Test
    void v2_givesExistingAppsARandomSecret() throws Exception {
        Path file = migratedTo(
                "1", "INSERT INTO apps (name, api_key, created_at) VALUES ('a', 'key-1', 0), ('b', 'key-2', 0)");

        try (Store store = SqliteStore.open(file)) {
            List<App> apps = store.apps();

            assertThat(apps).extracting(App::apiKey).containsExactly("key-1", "key-2");
            assertThat(apps).extracting(App::appSecret).allMatch(secret -> secret.matches(AppsContract.RANDOM_GUID));
            assertThat(apps).extracting(App::appSecret).doesNotHaveDuplicates();
            String secret = apps.getFirst().appSecret();
            assertThat(store.appByAppSecret(secret.toUpperCase(Locale.ROOT))).contains(apps.getFirst());
            assertThatThrownBy(() -> store.createApp("c", "key-3", secret))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("app secret already in use");
        }
    }

    @Test
    void v3_givesExistingAppsToATeamNamedDefault() throws Exception {
        Path file = migratedTo(
                "2",
                "INSERT INTO apps (name, api_key, app_secret, created_at) VALUES"
                        + " ('a', 'key-1', 'secret-1', 2000), ('b', 'key-2', 'secret-2', 1000)");

        try (SqliteStore store = SqliteStore.open(file)) {
            List<Team> teams = store.teams();

            assertThat(teams).containsExactly(new Team(teams.getFirst().id(), "Default", Instant.ofEpochMilli(1000)));
            assertThat(store.apps())
                    .extracting(App::teamId)
                    .containsOnly(teams.getFirst().id());
            assertThat(store.apps()).extracting(App::retentionDays).containsOnlyNulls();
            assertThat(store.createApp("c", "key-3").teamId())
                    .isEqualTo(teams.getFirst().id());
        }
    }

    @Test
    void v3_withoutApps_makesNoTeam() throws Exception {
        Path file = migratedTo("2");

        try (SqliteStore store = SqliteStore.open(file)) {
            assertThat(store.teams()).isEmpty();
        }
    }

    /** A database at an earlier schema version, with rows written by that version. */
    private Path migratedTo(String version, String... inserts) throws Exception {
        Path file = dir.resolve("faultline.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure(SqliteMigrationsTest.class.getClassLoader())
                .dataSource(url, null, null)
                .locations("classpath:db/migration/sqlite")
                .target(version)
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            for (String insert : inserts) {
                statement.execute(insert);
            }
        }
        return file;
    }
}
