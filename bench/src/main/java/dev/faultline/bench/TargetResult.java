package dev.faultline.bench;

import java.util.Map;

/**
 * What one target did in the measured window. Latencies are of successful responses (202 for Raygun, any 2xx for
 * App Center: {@link SuccessStatus}), from the first byte written to the last byte read. Memory is the server
 * process's: {@code peakRssMb} is the kernel's high-water mark ({@code VmHWM}), {@code sampledMaxRssMb} the largest
 * {@code VmRSS} seen every 100 ms. CPU figures are seconds of user plus system time in the measured window, -1 if
 * unknown. {@code errors} counts every other status ({@code "HTTP 503"}) and every I/O error by exception class.
 */
record TargetResult(
        String target,
        double measuredSeconds,
        long requests,
        long reports,
        double reportsPerSecond,
        double p50Ms,
        double p90Ms,
        double p99Ms,
        double maxMs,
        double peakRssMb,
        double sampledMaxRssMb,
        double serverCpuSeconds,
        double benchCpuSeconds,
        long errorCount,
        Map<String, Long> errors) {

    TargetResult {
        errors = Map.copyOf(errors);
    }

    /** Server CPU in percent of one core over the window (200 = two cores busy); -1 if unknown. */
    double serverCpuPercent() {
        return serverCpuSeconds < 0 ? -1 : 100 * serverCpuSeconds / measuredSeconds;
    }

    /** The bench's own CPU in percent of one core over the window; -1 if unknown. */
    double benchCpuPercent() {
        return benchCpuSeconds < 0 ? -1 : 100 * benchCpuSeconds / measuredSeconds;
    }
}
