package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaults() {
        BenchOptions options = BenchOptions.parse(new String[] {"raygun"}, ROOT);

        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.connections()).isEqualTo(64);
        assertThat(options.serverJvmOpts()).isEmpty();
        assertThat(options.client()).isEqualTo(LoadClient.Kind.SOCKET);
        assertThat(options.jar()).isEqualTo(Path.of("/repo/server/target/faultline.jar"));
        assertThat(options.out()).isEqualTo(Path.of("/repo/bench/target/bench-result.json"));
    }

    @Test
    void parsesEveryFlag() {
        BenchOptions options = BenchOptions.parse(
                new String[] {
                    "raygun",
                    "--duration",
                    "500ms",
                    "--warmup",
                    "2m",
                    "--connections",
                    "8",
                    "--server-jvm-opts",
                    " -Xmx256m  -XX:+UseSerialGC ",
                    "--server-env",
                    "FAULTLINE_WRITER_QUEUE=8",
                    "--server-env",
                    "A=b=c",
                    "--bulk-percent",
                    "10",
                    "--skip-bare",
                    "--client",
                    "jdk"
                },
                ROOT);

        assertThat(options.duration()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.warmup()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.connections()).isEqualTo(8);
        assertThat(options.serverJvmOpts()).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
        assertThat(options.serverEnv()).containsOnly(Map.entry("FAULTLINE_WRITER_QUEUE", "8"), Map.entry("A", "b=c"));
        assertThat(options.bulkPercent()).isEqualTo(10);
        assertThat(options.skipBare()).isTrue();
        assertThat(options.client()).isEqualTo(LoadClient.Kind.JDK);
    }

    @Test
    void knowsBothWireFormats() {
        assertThat(BenchOptions.parse(new String[] {"raygun"}, ROOT).scenario()).isEqualTo("raygun");
        assertThat(BenchOptions.parse(new String[] {"appcenter", "--bare-only", "--bulk-percent", "0"}, ROOT)
                        .scenario())
                .isEqualTo("appcenter");
    }

    @Test
    void rejectsWhatItCannotMeasure() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"sentry"}, ROOT))
                .hasMessageContaining("unknown scenario");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"appcenter", "--bulk-percent", "10"}, ROOT))
                .hasMessageContaining("raygun scenario only");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"raygun", "--duration"}, ROOT))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"raygun", "--duration", "soon"}, ROOT))
                .hasMessageContaining("takes a time");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"raygun", "--skip-bare", "--bare-only"}, ROOT))
                .hasMessageContaining("exclude each other");
    }

    @Test
    void roundsDefaultToOneAndAreBounded() {
        assertThat(BenchOptions.parse(new String[] {"raygun"}, ROOT).rounds()).isEqualTo(1);
        assertThat(BenchOptions.parse(new String[] {"raygun", "--rounds", "5"}, ROOT)
                        .rounds())
                .isEqualTo(5);
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"raygun", "--rounds", "0"}, ROOT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--rounds");
    }

    @Test
    void webhooksTurnOnNewGroupsUnlessAShareIsGiven() {
        BenchOptions plain = BenchOptions.parse(new String[] {"raygun"}, ROOT);
        BenchOptions hooked = BenchOptions.parse(new String[] {"appcenter", "--webhooks", "10"}, ROOT);
        BenchOptions both =
                BenchOptions.parse(new String[] {"raygun", "--webhooks", "0", "--new-group-percent", "1"}, ROOT);
        BenchOptions none =
                BenchOptions.parse(new String[] {"raygun", "--webhooks", "10", "--new-group-percent", "0"}, ROOT);

        assertThat(plain.webhooks()).isZero();
        assertThat(plain.newGroupPercent()).isZero();
        assertThat(hooked.webhooks()).isEqualTo(10);
        assertThat(hooked.newGroupPercent()).isEqualTo(1);
        assertThat(both.webhooks()).isZero();
        assertThat(both.newGroupPercent()).isEqualTo(1);
        assertThat(none.newGroupPercent()).isZero();
    }

    @Test
    void rejectsWebhooksWithoutTheServerAndSharesOutOfRange() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"raygun", "--webhooks", "1", "--bare-only"}, ROOT))
                .hasMessageContaining("--webhooks needs the Faultline server");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"raygun", "--new-group-percent", "101"}, ROOT))
                .hasMessage("--new-group-percent must be 0..100: 101");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"raygun", "--webhooks", "-1"}, ROOT))
                .hasMessage("--webhooks must be 0..100: -1");
    }
}
