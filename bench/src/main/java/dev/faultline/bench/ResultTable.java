package dev.faultline.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Formats results as the fixed-width table the bench prints. */
final class ResultTable {

    private static final String HEADER_FORMAT = "%-26s %11s %8s %8s %8s %8s %12s %10s %12s %8s%n";
    private static final String ROW_FORMAT = "%-26s %11.1f %8.2f %8.2f %8.2f %8.1f %12.1f %10s %12s %8d%n";

    private ResultTable() {}

    /** The table, then one line per target with errors, then the ratio when {@code ratio} is not null. */
    static String format(List<TargetResult> results, Double ratio) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(
                Locale.ROOT,
                HEADER_FORMAT,
                "target",
                "reports/s",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "max ms",
                "peak RSS MB",
                "srv CPU %",
                "bench CPU %",
                "errors"));
        for (TargetResult result : results) {
            table.append(String.format(
                    Locale.ROOT,
                    ROW_FORMAT,
                    result.target(),
                    result.reportsPerSecond(),
                    result.p50Ms(),
                    result.p90Ms(),
                    result.p99Ms(),
                    result.maxMs(),
                    result.peakRssMb(),
                    percent(result.serverCpuPercent()),
                    percent(result.benchCpuPercent()),
                    result.errorCount()));
        }
        for (TargetResult result : results) {
            if (!result.errors().isEmpty()) {
                table.append("errors ").append(result.target()).append(": ").append(describe(result.errors()));
                table.append(System.lineSeparator());
            }
        }
        if (ratio != null) {
            table.append(String.format(Locale.ROOT, "ratio faultline/bare: %.2f%n", ratio));
        }
        return table.toString();
    }

    private static String percent(double value) {
        return value < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String describe(Map<String, Long> errors) {
        return errors.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + " x" + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
