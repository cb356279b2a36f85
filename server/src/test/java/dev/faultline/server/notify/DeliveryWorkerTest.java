package dev.faultline.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryWorkerTest {

    @Test
    void backoffDoublesFromTheFirstWaitUpToAnHour() {
        Duration first = Duration.ofSeconds(30);

        assertThat(DeliveryWorker.backoff(first, 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(DeliveryWorker.backoff(first, 1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(DeliveryWorker.backoff(first, 6)).isEqualTo(Duration.ofSeconds(1920));
        assertThat(DeliveryWorker.backoff(first, 7)).isEqualTo(Duration.ofHours(1));
        assertThat(DeliveryWorker.backoff(first, 500)).isEqualTo(Duration.ofHours(1));
    }
}
