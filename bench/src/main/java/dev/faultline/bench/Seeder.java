package dev.faultline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.bench.SeedPlan.SeedEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Stores a {@link SeedPlan} through a running server's Raygun ingest: bulk bodies of {@value #BATCH} entries (the
 * server's default {@code FAULTLINE_MAX_BULK_ENTRIES}), each holding one app's events in send order, posted over
 * {@value #CONNECTIONS} keep-alive connections. A body answered 429 or 503 is sent again after a pause. Thread-safe
 * per call.
 */
final class Seeder {

    static final int BATCH = 100;

    /**
     * Seeding 200,000 events on 2 cores, one run each: 2 connections 10,500 events/s, 3 11,900/s, 4 8,200/s, 6
     * 9,000/s. The store has one writer; past three, more bodies in flight did not store faster.
     */
    static final int CONNECTIONS = 3;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_ATTEMPTS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SeedPlan plan;
    private final String host;
    private final int port;
    private final Instant seedTime;
    private final Consumer<String> progress;

    Seeder(SeedPlan plan, String host, int port, Instant seedTime, Consumer<String> progress) {
        this.plan = plan;
        this.host = host;
        this.port = port;
        this.seedTime = seedTime;
        this.progress = progress;
    }

    /** How many events the server accepted, in how many seconds. */
    record Outcome(long events, double seconds) {
        double perSecond() {
            return events / seconds;
        }
    }

    Outcome run() {
        int[] order = plan.sendOrder();
        List<int[]> batches = batches(order);
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicReference<BenchFailure> failure = new AtomicReference<>();
        long start = System.nanoTime();
        int step = Math.max(1, batches.size() / 10);
        List<Thread> threads = new ArrayList<>();
        for (int worker = 0; worker < CONNECTIONS; worker++) {
            threads.add(Thread.ofPlatform().name("seed-", worker).start(() -> {
                try (KeepAliveConnection connection = new KeepAliveConnection(host, port, (int) TIMEOUT.toMillis())) {
                    for (int index = next.getAndIncrement();
                            index < batches.size() && failure.get() == null;
                            index = next.getAndIncrement()) {
                        int[] events = batches.get(index);
                        accepted.addAndGet(post(connection, events, order));
                        if ((index + 1) % step == 0) {
                            double seconds = (System.nanoTime() - start) / 1e9;
                            progress.accept(String.format(
                                    "seeded %,d of %,d events (%,.0f/s)",
                                    accepted.get(), plan.events(), accepted.get() / seconds));
                        }
                    }
                } catch (BenchFailure e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchFailure("seeding interrupted", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new Outcome(accepted.get(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * The send order cut into bodies: each app's events in the order they come, {@value #BATCH} at a time; a body is
     * listed when it fills, so both apps' bodies interleave as their events do.
     */
    static List<int[]> batches(int[] order) {
        List<int[]> batches = new ArrayList<>(order.length / BATCH + SeedPlan.APPS);
        int[][] filling = new int[SeedPlan.APPS][BATCH];
        int[] filled = new int[SeedPlan.APPS];
        for (int index = 0; index < order.length; index++) {
            int app = SeedPlan.appOf(order[index]);
            filling[app][filled[app]++] = index;
            if (filled[app] == BATCH) {
                batches.add(filling[app].clone());
                filled[app] = 0;
            }
        }
        for (int app = 0; app < SeedPlan.APPS; app++) {
            if (filled[app] > 0) {
                batches.add(Arrays.copyOf(filling[app], filled[app]));
            }
        }
        return batches;
    }

    private int post(KeepAliveConnection connection, int[] events, int[] order) {
        List<SeedEvent> entries = new ArrayList<>(events.length);
        for (int index : events) {
            entries.add(plan.seedEvent(index, order[index], seedTime));
        }
        byte[] body = SeedEntry.bulk(entries);
        Map<String, String> headers =
                Map.of("X-ApiKey", SeedPlan.API_KEYS.get(entries.getFirst().app()), "Content-Type", "application/json");
        String last = "";
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                HttpResponse response = connection.post("/entries/bulk", headers, body);
                if (response.status() == 202) {
                    int accepted =
                            JSON.readTree(response.body()).path("accepted").asInt(-1);
                    if (accepted != entries.size()) {
                        throw new BenchFailure("the server accepted " + accepted + " of " + entries.size()
                                + " seed entries: " + response.bodyText());
                    }
                    return accepted;
                }
                if (response.status() != 429 && response.status() != 503) {
                    throw new BenchFailure(
                            "seeding: POST /entries/bulk answered " + response.status() + ": " + response.bodyText());
                }
                last = "HTTP " + response.status();
            } catch (IOException e) {
                // A body whose answer was lost may have been stored: a retry can add up to one batch twice.
                last = e.toString();
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new BenchFailure("seeding: a bulk body failed " + MAX_ATTEMPTS + " times, last with " + last);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("seeding interrupted", e);
        }
    }
}
