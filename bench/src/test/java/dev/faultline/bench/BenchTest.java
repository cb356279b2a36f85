package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchTest {

    @Test
    void theMedianIsTheRunOfMiddleThroughputAndTheLowerMiddleOfAnEvenCount() {
        TargetResult slow = run("a", 7000);
        TargetResult middle = run("b", 8000);
        TargetResult fast = run("c", 9500);
        TargetResult fastest = run("d", 9900);

        assertThat(Bench.median(List.of(fast, slow, middle))).isSameAs(middle);
        assertThat(Bench.median(List.of(fastest, fast, slow, middle))).isSameAs(middle);
        assertThat(Bench.median(List.of(slow))).isSameAs(slow);
    }

    private static TargetResult run(String target, double reportsPerSecond) {
        return new TargetResult(
                target,
                30,
                0,
                (long) (reportsPerSecond * 30),
                reportsPerSecond,
                1,
                2,
                3,
                4,
                300,
                290,
                100,
                20,
                0,
                Map.of());
    }
}
