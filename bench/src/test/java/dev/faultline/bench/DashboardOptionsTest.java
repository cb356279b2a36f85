package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsAreTheIssuesDataSetAndLoad() {
        DashboardOptions options = DashboardOptions.parse(new String[] {"dashboard"}, ROOT);

        assertThat(options.seedEvents()).isEqualTo(1_000_000);
        assertThat(options.seedGroups()).isEqualTo(10_000);
        assertThat(options.reseed()).isFalse();
        assertThat(options.ingestRate()).isEqualTo(500);
        assertThat(options.queryConnections()).isEqualTo(4);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.serverJvmOpts()).isEmpty();
        assertThat(options.serverEnv()).isEmpty();
        assertThat(options.jar()).isEqualTo(Path.of("/repo/server/target/faultline.jar"));
        assertThat(options.out()).isEqualTo(Path.of("/repo/bench/target/dashboard-result.json"));
    }

    @Test
    void parsesEveryFlag() {
        DashboardOptions options = DashboardOptions.parse(
                new String[] {
                    "dashboard",
                    "--seed-events",
                    "50000",
                    "--seed-groups",
                    "1000",
                    "--reseed",
                    "--ingest-rate",
                    "0",
                    "--query-connections",
                    "2",
                    "--duration",
                    "10s",
                    "--warmup",
                    "500ms",
                    "--server-jvm-opts",
                    "-Xmx512m -XX:+UseSerialGC",
                    "--server-env",
                    "FAULTLINE_WRITER_BATCH=100",
                    "--jar",
                    "/tmp/base/faultline.jar",
                    "--out",
                    "/tmp/out.json"
                },
                ROOT);

        assertThat(options.seedEvents()).isEqualTo(50_000);
        assertThat(options.seedGroups()).isEqualTo(1000);
        assertThat(options.reseed()).isTrue();
        assertThat(options.ingestRate()).isZero();
        assertThat(options.queryConnections()).isEqualTo(2);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.serverJvmOpts()).containsExactly("-Xmx512m", "-XX:+UseSerialGC");
        assertThat(options.serverEnv()).containsOnly(Map.entry("FAULTLINE_WRITER_BATCH", "100"));
        assertThat(options.jar()).isEqualTo(Path.of("/tmp/base/faultline.jar"));
        assertThat(options.out()).isEqualTo(Path.of("/tmp/out.json"));
    }

    @Test
    void rejectsWhatItCannotSeedOrMeasure() {
        assertThatThrownBy(() -> parse("--seed-events", "100", "--seed-groups", "1000"))
                .hasMessageContaining("at least --seed-groups");
        assertThatThrownBy(() -> parse("--seed-groups", "9")).hasMessageContaining("must be 10..");
        assertThatThrownBy(() -> parse("--query-connections", "0")).hasMessageContaining("must be 1..");
        assertThatThrownBy(() -> parse("--ingest-rate", "fast")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> parse("--duration", "0s")).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> parse("--connections", "8")).hasMessageContaining("unknown option --connections");
        assertThatThrownBy(() -> parse("--warmup")).hasMessageContaining("needs a value");
    }

    @Test
    void theIngestScenariosPointToTheDashboard() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"dashbord"}, ROOT))
                .hasMessageContaining("and dashboard");
    }

    private static DashboardOptions parse(String... flags) {
        String[] args = new String[flags.length + 1];
        args[0] = "dashboard";
        System.arraycopy(flags, 0, args, 1, flags.length);
        return DashboardOptions.parse(args, ROOT);
    }
}
