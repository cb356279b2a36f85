package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardTableTest {

    @Test
    void formatsShapesVerdictsReportsAndWhatWentWrong() {
        DashboardResult result = new DashboardResult(
                30,
                List.of(
                        shape("app", 1200, 95.5, Map.of(), null),
                        shape("app sort=users", 0, 0, Map.of("HTTP 400", 480L), "answered 400"),
                        shape("app tag=beta", 600, 12.25, Map.of(), "the filter is not applied"),
                        shape("all apps", 300, 180.0, Map.of(), null)),
                new DashboardResult.Ingest(500, 14_990, 499.7, 4.1, 21.4, 2, Map.of("SocketTimeoutException", 2L)),
                612.34,
                600,
                45,
                6);

        assertThat(DashboardTable.format(result).lines().toList())
                .containsExactly(
                        "shape                   requests   p50 ms   p95 ms   p99 ms   max ms   errors  p95 <= 100 ms",
                        "app                         1200    47.75    95.50   143.25    191.0        0  PASS",
                        "app sort=users                 0     0.00     0.00     0.00      0.0      480  FAIL (errors)",
                        "app tag=beta                 600     6.13    12.25    18.38     24.5        0  FAIL (check)",
                        "all apps                     300    90.00   180.00   270.00    360.0        0  FAIL (p95)",
                        "reports: 500/s asked, 499.7/s stored (202), p50 4.10 ms, p99 21.40 ms, errors 2",
                        "server: peak RSS 612.3 MB, CPU 150% of one core; bench CPU 20%",
                        "1 of 4 shapes PASS",
                        "errors reports: SocketTimeoutException x2",
                        "errors app sort=users: HTTP 400 x480",
                        "check app tag=beta: the filter is not applied");
    }

    @Test
    void widensTheShapeColumnForLongNames() {
        DashboardResult result = new DashboardResult(
                30,
                List.of(
                        shape("app", 1200, 95.5, Map.of(), null),
                        shape("page app version=2.3.0&sort=count", 10, 20.0, Map.of("HTTP 302 to /login", 3L), null)),
                new DashboardResult.Ingest(0, 0, 0, 0, 0, 0, Map.of()),
                100,
                100,
                30,
                3);

        assertThat(DashboardTable.format(result).lines().limit(3).toList())
                .containsExactly(
                        "shape                              requests   p50 ms   p95 ms   p99 ms   max ms   errors  p95 <= 100 ms",
                        "app                                    1200    47.75    95.50   143.25    191.0        0  PASS",
                        "page app version=2.3.0&sort=count        10    10.00    20.00    30.00     40.0        3  FAIL (errors)");
        assertThat(DashboardTable.format(result))
                .contains("errors page app version=2.3.0&sort=count: HTTP 302 to /login x3");
    }

    @Test
    void aShapeWithoutAnswersFails() {
        DashboardResult.Shape silent = shape("app", 0, 0, Map.of(), null);

        assertThat(silent.pass()).isFalse();
        assertThat(silent.verdict()).isEqualTo("FAIL (no answers)");
        assertThat(shape("app", 10, 100.0, Map.of(), null).verdict()).isEqualTo("PASS");
    }

    private static DashboardResult.Shape shape(
            String name, long requests, double p95, Map<String, Long> errors, String problem) {
        return new DashboardResult.Shape(
                name,
                "/api/v1/" + name,
                requests,
                p95 / 2,
                p95,
                p95 * 1.5,
                p95 * 2,
                errors.values().stream().mapToLong(Long::longValue).sum(),
                errors,
                problem);
    }
}
