package dev.faultline.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Keeps {@code connections} requests in flight (closed loop: each connection sends its next request as soon as the
 * previous response is read) for a warm-up and then a measured window. Only responses that complete inside the
 * measured window count. Every loop ends by the clock: a hung server costs at most the request timeout.
 */
final class LoadGenerator {

    /** Latencies up to this are recorded exactly (3 significant digits); longer ones are clamped to it. */
    private static final long MAX_LATENCY_MICROS = Duration.ofMinutes(2).toNanos() / 1000;

    private final LoadClient client;
    private final Scenario scenario;
    private final int connections;
    private final AtomicLong sequence = new AtomicLong();

    LoadGenerator(LoadClient client, Scenario scenario, int connections) {
        this.client = client;
        this.scenario = scenario;
        this.connections = connections;
    }

    /** Sends each template once and returns the responses that were not successes, described for a warning. */
    List<String> probe() {
        List<String> problems = new ArrayList<>();
        try (LoadClient.Connection connection = client.connect()) {
            for (int index = 0; index < scenario.templates().size(); index++) {
                String path = scenario.templates().get(index).path();
                try {
                    HttpResponse response = connection.send(index, sequence.getAndIncrement());
                    if (!scenario.success().matches(response.status())) {
                        problems.add("template " + index + " (" + path + "): " + response.status() + " "
                                + abbreviate(response.bodyText()));
                    }
                } catch (IOException e) {
                    problems.add("template " + index + " (" + path + "): " + e);
                    connection.reset();
                }
            }
        }
        return problems;
    }

    /** The outcome of a run; CPU seconds are -1 where {@code /proc} is not available. */
    record Outcome(
            double measuredSeconds,
            long requests,
            long reports,
            Histogram latencyMicros,
            Map<String, Long> errors,
            double serverCpuSeconds,
            double benchCpuSeconds) {}

    Outcome run(Duration warmup, Duration measured, Duration requestTimeout, long serverPid) {
        long start = System.nanoTime();
        long measureStart = start + warmup.toNanos();
        long measureEnd = measureStart + measured.toNanos();
        long benchPid = ProcessHandle.current().pid();
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int index = 0; index < connections; index++) {
            Worker worker = new Worker(
                    client.connect(), index * scenario.schedule().length / connections, measureStart, measureEnd);
            workers.add(worker);
            threads.add(client.workerThreads().start(worker));
        }
        Pacing.sleepUntil(measureStart);
        double serverCpuBefore = ProcStats.cpuSeconds(serverPid);
        double benchCpuBefore = ProcStats.cpuSeconds(benchPid);
        Pacing.sleepUntil(measureEnd);
        double serverCpu = ProcStats.cpuDelta(ProcStats.cpuSeconds(serverPid), serverCpuBefore);
        double benchCpu = ProcStats.cpuDelta(ProcStats.cpuSeconds(benchPid), benchCpuBefore);
        Pacing.joinAll(
                threads,
                System.nanoTime()
                        + requestTimeout.toNanos()
                        + Duration.ofSeconds(1).toNanos());
        workers.forEach(worker -> worker.connection.close()); // unblocks any worker still stuck in a read
        Pacing.joinAll(threads, System.nanoTime() + Duration.ofSeconds(1).toNanos());

        Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
        Map<String, Long> errors = new TreeMap<>();
        long requests = 0;
        long reports = 0;
        for (Worker worker : workers) {
            latency.add(worker.latency);
            requests += worker.requests;
            reports += worker.reports;
            worker.errors.forEach((reason, count) -> errors.merge(reason, count, Long::sum));
        }
        return new Outcome(measured.toNanos() / 1e9, requests, reports, latency, errors, serverCpu, benchCpu);
    }

    private final class Worker implements Runnable {

        final LoadClient.Connection connection;
        final Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
        final Map<String, Long> errors = new TreeMap<>();
        final long measureStart;
        final long measureEnd;
        int slot;
        long requests;
        long reports;

        Worker(LoadClient.Connection connection, int firstSlot, long measureStart, long measureEnd) {
            this.connection = connection;
            this.slot = firstSlot; // connections start at different places in the schedule
            this.measureStart = measureStart;
            this.measureEnd = measureEnd;
        }

        @Override
        public void run() {
            int[] schedule = scenario.schedule();
            while (System.nanoTime() < measureEnd && !Thread.currentThread().isInterrupted()) {
                int template = schedule[slot];
                slot = (slot + 1) % schedule.length;
                long sent = System.nanoTime();
                try {
                    HttpResponse response = connection.send(template, sequence.getAndIncrement());
                    long done = System.nanoTime();
                    if (done < measureStart || done >= measureEnd) {
                        continue;
                    }
                    if (scenario.success().matches(response.status())) {
                        // Latency of successes only: a fast 429 or 503 would make an overloaded server look quick.
                        latency.recordValue(Math.min((done - sent) / 1000, MAX_LATENCY_MICROS));
                        requests++;
                        reports += scenario.templates().get(template).reports();
                    } else {
                        errors.merge("HTTP " + response.status(), 1L, Long::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    long done = System.nanoTime();
                    connection.reset();
                    if (done >= measureStart && done < measureEnd) {
                        errors.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                    }
                    LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // no busy loop against a dead server
                }
            }
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
