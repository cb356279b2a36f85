package dev.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaultsMatchTheReadme() {
        Config config = Config.from(Map.of());

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.databaseFile()).isEqualTo(Path.of("./data/faultline.db"));
        assertThat(config.maxEntryBytes()).isEqualTo(128 * 1024);
        assertThat(config.maxBulkEntries()).isEqualTo(100);
        assertThat(config.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.corsOrigin()).isEqualTo("*");
    }

    @Test
    void everyDefaultIsListedInTheReadme() throws Exception {
        String readme = java.nio.file.Files.readString(Path.of("..", "README.md"));

        for (Map.Entry<String, String> setting : Config.DEFAULTS.entrySet()) {
            String shown = setting.getValue().isEmpty() ? "(none)" : "`" + setting.getValue() + "`";
            assertThat(readme).contains("| `" + setting.getKey() + "` | " + shown + " |");
        }
    }

    @Test
    void settingsOverrideDefaultsAndBlankMeansDefault() {
        Config config =
                Config.from(Map.of("FAULTLINE_PORT", " 9090 ", "FAULTLINE_HOST", "", "FAULTLINE_DATA", "/srv/x"));

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/x"));
    }

    @Test
    void malformedSettingsFailNamingTheVariable() {
        assertThatThrownBy(() -> Config.from(Map.of("FAULTLINE_PORT", "http")))
                .hasMessage("FAULTLINE_PORT must be a whole number, got 'http'");
        assertThatThrownBy(() -> Config.from(Map.of("FAULTLINE_WRITER_QUEUE", "0")))
                .hasMessage("FAULTLINE_WRITER_QUEUE must be between 1 and 10000000, got 0");
    }
}
