package dev.faultline.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard scenario measured. Latencies are of 200 answers (202 for reports), from the first byte written
 * to the last byte read, in the measured window. Memory and CPU are as in {@link TargetResult}.
 */
record DashboardResult(
        double measuredSeconds,
        List<Shape> shapes,
        Ingest ingest,
        double peakRssMb,
        double sampledMaxRssMb,
        double serverCpuSeconds,
        double benchCpuSeconds) {

    /** The latency every shape must keep at the 95th percentile. */
    static final double P95_LIMIT_MS = 100;

    DashboardResult {
        shapes = List.copyOf(shapes);
    }

    /**
     * One query shape. {@code errors} counts every status other than 200 ({@code "HTTP 400"}) and every I/O error by
     * exception class; {@code problem} is what the check before the load found, or null.
     */
    record Shape(
            String shape,
            String target,
            long requests,
            double p50Ms,
            double p95Ms,
            double p99Ms,
            double maxMs,
            long errorCount,
            Map<String, Long> errors,
            String problem) {

        Shape {
            errors = Map.copyOf(errors);
        }

        /** p95 within {@link #P95_LIMIT_MS}, with answers, no errors, and nothing the check found wrong. */
        @JsonProperty
        boolean pass() {
            return requests > 0 && errorCount == 0 && problem == null && p95Ms <= P95_LIMIT_MS;
        }

        /** {@code PASS}, or {@code FAIL} and the first reason. */
        @JsonProperty
        String verdict() {
            if (pass()) {
                return "PASS";
            }
            if (errorCount > 0) {
                return "FAIL (errors)";
            }
            if (problem != null) {
                return "FAIL (check)";
            }
            return requests == 0 ? "FAIL (no answers)" : "FAIL (p95)";
        }
    }

    /** The reports posted while the queries ran. */
    record Ingest(
            int askedPerSecond,
            long stored,
            double storedPerSecond,
            double p50Ms,
            double p99Ms,
            long errorCount,
            Map<String, Long> errors) {

        Ingest {
            errors = Map.copyOf(errors);
        }
    }

    /** Server CPU in percent of one core over the window (200 = two cores busy); -1 if unknown. */
    @JsonProperty
    double serverCpuPercent() {
        return serverCpuSeconds < 0 ? -1 : 100 * serverCpuSeconds / measuredSeconds;
    }

    /** The bench's own CPU in percent of one core over the window; -1 if unknown. */
    @JsonProperty
    double benchCpuPercent() {
        return benchCpuSeconds < 0 ? -1 : 100 * benchCpuSeconds / measuredSeconds;
    }
}
