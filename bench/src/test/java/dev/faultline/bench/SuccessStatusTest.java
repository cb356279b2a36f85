package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SuccessStatusTest {

    @Test
    void raygunTakesOnly202AndAppCenterAny2xx() {
        assertThat(IntStream.of(200, 201, 202, 204, 299, 300, 400, 429, 503).filter(SuccessStatus.EXACTLY_202::matches))
                .containsExactly(202);
        assertThat(IntStream.of(199, 200, 201, 202, 204, 299, 300, 400, 429, 503)
                        .filter(SuccessStatus.ANY_2XX::matches))
                .containsExactly(200, 201, 202, 204, 299);
    }
}
