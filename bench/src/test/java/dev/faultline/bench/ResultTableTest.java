package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void formatsRowsErrorsAndRatio() {
        TargetResult faultline = new TargetResult(
                "faultline-raygun",
                30,
                300_000,
                307_023,
                10234.1,
                3.1,
                9.87,
                21.4,
                80.2,
                310.5,
                300.0,
                36,
                12,
                3,
                Map.of("HTTP 503", 2L, "SocketTimeoutException", 1L));
        TargetResult bare = new TargetResult(
                "bare-server", 30, 753_690, 753_690, 25123.0, 1.2, 2.5, 5.1, 30.1, 180.2, 170.0, -1, -1, 0, Map.of());

        String table = ResultTable.format(List.of(faultline, bare), 0.407);

        assertThat(table.lines().toList())
                .containsExactly(
                        "target                       reports/s   p50 ms   p90 ms   p99 ms   max ms  peak RSS MB  srv CPU %"
                                + "  bench CPU %   errors",
                        "faultline-raygun               10234.1     3.10     9.87    21.40     80.2        310.5        120"
                                + "           40        3",
                        "bare-server                    25123.0     1.20     2.50     5.10     30.1        180.2        n/a"
                                + "          n/a        0",
                        "errors faultline-raygun: HTTP 503 x2, SocketTimeoutException x1",
                        "ratio faultline/bare: 0.41");
    }

    @Test
    void omitsTheRatioWhenOnlyOneTargetRan() {
        assertThat(ResultTable.format(List.of(), null)).doesNotContain("ratio");
    }
}
