package dev.faultline.bench;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Formats a {@link DashboardResult} as the fixed-width table the dashboard scenario prints. */
final class DashboardTable {

    /** The shape column's width, unless a name is longer. */
    private static final int NAME_WIDTH = 22;

    private static final String HEADER_FORMAT = "%-{name}s %9s %8s %8s %8s %8s %8s  %s%n";
    private static final String ROW_FORMAT = "%-{name}s %9d %8.2f %8.2f %8.2f %8.1f %8d  %s%n";

    private DashboardTable() {}

    /**
     * One row per shape with its verdict, the reports line, the server line, then one line per shape with errors
     * and one per shape without errors whose check failed.
     */
    static String format(DashboardResult result) {
        int width = Math.max(
                NAME_WIDTH,
                result.shapes().stream()
                        .mapToInt(shape -> shape.shape().length())
                        .max()
                        .orElse(0));
        String headerFormat = HEADER_FORMAT.replace("{name}", Integer.toString(width));
        String rowFormat = ROW_FORMAT.replace("{name}", Integer.toString(width));
        StringBuilder table = new StringBuilder();
        table.append(String.format(
                Locale.ROOT,
                headerFormat,
                "shape",
                "requests",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "errors",
                String.format(Locale.ROOT, "p95 <= %.0f ms", DashboardResult.P95_LIMIT_MS)));
        for (DashboardResult.Shape shape : result.shapes()) {
            table.append(String.format(
                    Locale.ROOT,
                    rowFormat,
                    shape.shape(),
                    shape.requests(),
                    shape.p50Ms(),
                    shape.p95Ms(),
                    shape.p99Ms(),
                    shape.maxMs(),
                    shape.errorCount(),
                    shape.verdict()));
        }
        DashboardResult.Ingest ingest = result.ingest();
        table.append(String.format(
                Locale.ROOT,
                "reports: %d/s asked, %.1f/s stored (202), p50 %.2f ms, p99 %.2f ms, errors %d%n",
                ingest.askedPerSecond(),
                ingest.storedPerSecond(),
                ingest.p50Ms(),
                ingest.p99Ms(),
                ingest.errorCount()));
        table.append(String.format(
                Locale.ROOT,
                "server: peak RSS %.1f MB, CPU %s%% of one core; bench CPU %s%%%n",
                result.peakRssMb(),
                percent(result.serverCpuPercent()),
                percent(result.benchCpuPercent())));
        long passed =
                result.shapes().stream().filter(DashboardResult.Shape::pass).count();
        table.append(String.format(
                Locale.ROOT, "%d of %d shapes PASS%n", passed, result.shapes().size()));
        if (!ingest.errors().isEmpty()) {
            table.append("errors reports: ").append(describe(ingest.errors())).append(System.lineSeparator());
        }
        for (DashboardResult.Shape shape : result.shapes()) {
            if (!shape.errors().isEmpty()) {
                table.append("errors ")
                        .append(shape.shape())
                        .append(": ")
                        .append(describe(shape.errors()))
                        .append(System.lineSeparator());
            }
        }
        for (DashboardResult.Shape shape : result.shapes()) {
            if (shape.problem() != null && shape.errors().isEmpty()) { // else the errors line says it
                table.append("check ")
                        .append(shape.shape())
                        .append(": ")
                        .append(shape.problem())
                        .append(System.lineSeparator());
            }
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
