package dev.faultline.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.App;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
    private final RateLimits limits = new RateLimits();

    @Test
    void appsWithoutALimitAreNeverThrottled() {
        App app = app(null);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limits.tryConsume(app, 1)).isNull();
        }
    }

    @Test
    void theAllowanceIsPerMinuteAndPerApp() {
        App limited = app(3);
        App other = new App(2, "other", "k2", "s2", Instant.EPOCH, 3);

        assertThat(limits.tryConsume(limited, 2)).isNull();
        assertThat(limits.tryConsume(limited, 1)).isNull();
        Duration wait = limits.tryConsume(limited, 1);

        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(limits.tryConsume(other, 3)).isNull();
    }

    @Test
    void aRequestLargerThanTheWholeAllowanceWaitsAMinute() {
        assertThat(limits.tryConsume(app(10), 11)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aChangedLimitTakesEffect() {
        assertThat(limits.tryConsume(app(1), 1)).isNull();
        assertThat(limits.tryConsume(app(1), 1)).isNotNull();

        assertThat(limits.tryConsume(app(5), 1)).isNull();
    }

    private static App app(Integer perMinute) {
        return new App(1, "app", "k1", "s1", Instant.EPOCH, perMinute);
    }
}
