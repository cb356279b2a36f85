package dev.faultline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The dashboard's load: Raygun reports posted to {@code /entries} at a fixed rate (open loop: report n is due at
 * n / rate seconds, whatever the answers before it did), and at the same time group-list queries over a few
 * connections (closed loop), every shape timed on its own: API calls with the bearer token, pages with the session
 * cookie. As in {@link LoadGenerator}, a query counts if its response completes inside the measured window; a report
 * counts if it was due inside it, so that the stored rate falls short of the asked one exactly when the server falls
 * behind (a report still unsent when the window closes is dropped). Latencies are of successes only (202 for reports,
 * 200 for queries), from the first byte sent to the last byte read (pages: of the gzipped body, not inflated).
 */
final class DashboardLoad {

    private static final long MAX_LATENCY_MICROS = Duration.ofMinutes(2).toNanos() / 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String host;
    private final int port;
    private final Map<QueryShape.Kind, Map<String, String>> headers = new EnumMap<>(QueryShape.Kind.class);
    private final DashboardSession.SignIn session;
    private final List<QueryShape> shapes;
    private final SeedPlan plan;
    private final int ingestRate;
    private final int queryConnections;

    DashboardLoad(
            String host,
            int port,
            String token,
            DashboardSession.SignIn session,
            List<QueryShape> shapes,
            SeedPlan plan,
            int ingestRate,
            int queryConnections) {
        this.host = host;
        this.port = port;
        this.session = session;
        headers.put(QueryShape.Kind.API, Map.of("Authorization", "Bearer " + token, "Accept", "application/json"));
        // Without a session the pages are still asked, and their redirects to /login counted as errors.
        Map<String, String> page = new LinkedHashMap<>();
        if (session.cookie() != null) {
            page.put("Cookie", session.cookie());
        }
        page.put("Accept", "text/html");
        page.put("Accept-Encoding", "gzip"); // as every browser asks; the 50-row page is 120 KB of HTML, 9 KB gzipped
        headers.put(QueryShape.Kind.PAGE, Map.copyOf(page));
        page.put("HX-Request", "true");
        headers.put(QueryShape.Kind.HTMX, Map.copyOf(page));
        this.shapes = List.copyOf(shapes);
        this.plan = plan;
        this.ingestRate = ingestRate;
        this.queryConnections = queryConnections;
    }

    /** What each shape did in the window, in the order of the shapes, and what the reports did. */
    record Outcome(
            double measuredSeconds,
            List<Histogram> shapeLatencyMicros,
            List<Map<String, Long>> shapeErrors,
            long reports,
            Histogram reportLatencyMicros,
            Map<String, Long> reportErrors,
            double serverCpuSeconds,
            double benchCpuSeconds) {}

    /**
     * Sends each shape once, with its checks ({@link QueryShape}); returns, per shape name, why it cannot be
     * trusted: a status other than 200, or a check that shows the server ignored its parameter.
     */
    Map<String, String> probe() {
        Map<String, String> problems = new LinkedHashMap<>();
        try (KeepAliveConnection connection = connection()) {
            for (QueryShape shape : shapes) {
                try {
                    String problem = check(connection, shape);
                    if (problem != null) {
                        problems.put(shape.name(), problem);
                    }
                } catch (IOException e) {
                    problems.put(shape.name(), e.toString());
                }
            }
        }
        return problems;
    }

    private String check(KeepAliveConnection connection, QueryShape shape) throws IOException {
        if (shape.kind() != QueryShape.Kind.API) {
            return checkPage(connection, shape);
        }
        Map<String, String> auth = headers.get(QueryShape.Kind.API);
        HttpResponse first = connection.get(shape.target(), auth);
        if (first.status() != 200) {
            return answered(first);
        }
        JsonNode page = JSON.readTree(first.body());
        if (shape.secondPage()) {
            String next = QueryShape.next(page);
            if (next == null) {
                return "page 1 has no next cursor";
            }
            HttpResponse second = connection.get(QueryShape.withCursor(shape.target(), next), auth);
            if (second.status() != 200) {
                return answered(second);
            }
            return QueryShape.secondPageProblem(page, JSON.readTree(second.body()));
        }
        String order = shape.orderProblem(page);
        if (order != null || shape.control() == null) {
            return order;
        }
        HttpResponse control = connection.get(shape.control(), auth);
        // A control the server refuses says nothing about the shape itself, which it answered.
        return control.status() == 200 ? QueryShape.controlProblem(JSON.readTree(control.body())) : null;
    }

    /** {@link PageCheck}: a signed-in 200 of HTML listing groups, its sort applied, its control empty. */
    private String checkPage(KeepAliveConnection connection, QueryShape shape) throws IOException {
        Map<String, String> page = headers.get(shape.kind());
        HttpResponse response = connection.get(shape.target(), page);
        String problem = PageCheck.answerProblem(response);
        if (problem != null) {
            return session.problem() == null ? problem : problem + " (no session: " + session.problem() + ")";
        }
        String html = PageCheck.html(response);
        problem = PageCheck.documentProblem(html, shape.kind());
        if (problem == null) {
            problem = PageCheck.rowsProblem(html, shape.control() != null);
        }
        if (problem == null && shape.order() != null) {
            problem = PageCheck.orderProblem(html, shape.order());
        }
        if (problem != null || shape.control() == null) {
            return problem;
        }
        HttpResponse control = connection.get(shape.control(), page);
        return control.status() == 200 ? PageCheck.controlProblem(PageCheck.html(control)) : null;
    }

    private static String answered(HttpResponse response) {
        String body = response.bodyText().replaceAll("\\s+", " ").strip();
        return "answered " + response.status() + (body.isEmpty() ? "" : ": " + abbreviate(body));
    }

    Outcome run(Duration warmup, Duration measured, long serverPid) {
        long start = System.nanoTime();
        Window window = new Window(start + warmup.toNanos(), start + warmup.toNanos() + measured.toNanos());
        List<QueryWorker> queryWorkers = new ArrayList<>();
        List<IngestWorker> ingestWorkers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int index = 0; index < queryConnections; index++) {
            QueryWorker worker = new QueryWorker(index * shapes.size() / queryConnections, window);
            queryWorkers.add(worker);
            threads.add(Thread.ofPlatform().daemon(true).name("query-", index).start(worker));
        }
        AtomicLong tickets = new AtomicLong();
        // Enough connections that reports stay on schedule while a few wait for a slow write.
        int ingestConnections = ingestRate == 0 ? 0 : Math.clamp(ingestRate / 10L, 4, 200);
        for (int index = 0; index < ingestConnections; index++) {
            IngestWorker worker = new IngestWorker(tickets, start, window);
            ingestWorkers.add(worker);
            threads.add(Thread.ofPlatform()
                    .daemon(true)
                    .name("ingest-", index)
                    .stackSize(256 * 1024)
                    .start(worker));
        }
        long benchPid = ProcessHandle.current().pid();
        Pacing.sleepUntil(window.start);
        double serverCpuBefore = ProcStats.cpuSeconds(serverPid);
        double benchCpuBefore = ProcStats.cpuSeconds(benchPid);
        Pacing.sleepUntil(window.end);
        double serverCpu = ProcStats.cpuDelta(ProcStats.cpuSeconds(serverPid), serverCpuBefore);
        double benchCpu = ProcStats.cpuDelta(ProcStats.cpuSeconds(benchPid), benchCpuBefore);
        Pacing.joinAll(
                threads,
                System.nanoTime() + TIMEOUT.toNanos() + Duration.ofSeconds(1).toNanos());

        List<Histogram> latencies = new ArrayList<>();
        List<Map<String, Long>> errors = new ArrayList<>();
        for (int shape = 0; shape < shapes.size(); shape++) {
            Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
            Map<String, Long> shapeErrors = new TreeMap<>();
            for (QueryWorker worker : queryWorkers) {
                latency.add(worker.latency[shape]);
                worker.errors.get(shape).forEach((reason, count) -> shapeErrors.merge(reason, count, Long::sum));
            }
            latencies.add(latency);
            errors.add(shapeErrors);
        }
        Histogram reportLatency = new Histogram(MAX_LATENCY_MICROS, 3);
        Map<String, Long> reportErrors = new TreeMap<>();
        long reports = 0;
        for (IngestWorker worker : ingestWorkers) {
            reportLatency.add(worker.latency);
            reports += worker.stored;
            worker.errors.forEach((reason, count) -> reportErrors.merge(reason, count, Long::sum));
        }
        return new Outcome(
                measured.toNanos() / 1e9, latencies, errors, reports, reportLatency, reportErrors, serverCpu, benchCpu);
    }

    private KeepAliveConnection connection() {
        return new KeepAliveConnection(host, port, (int) TIMEOUT.toMillis());
    }

    private record Window(long start, long end) {
        boolean contains(long nanoTime) {
            return nanoTime >= start && nanoTime < end;
        }
    }

    /** Walks the shapes in turn from its own starting point; the first page of "page 2" counts under its shape. */
    private final class QueryWorker implements Runnable {

        final Histogram[] latency = new Histogram[shapes.size()];
        final List<Map<String, Long>> errors = new ArrayList<>();
        final int firstShape;
        final Window window;

        QueryWorker(int firstShape, Window window) {
            this.firstShape = firstShape;
            this.window = window;
            for (int shape = 0; shape < shapes.size(); shape++) {
                latency[shape] = new Histogram(MAX_LATENCY_MICROS, 3);
                errors.add(new TreeMap<>());
            }
        }

        @Override
        public void run() {
            try (KeepAliveConnection connection = connection()) {
                for (int turn = firstShape; System.nanoTime() < window.end; turn++) {
                    int shapeIndex = turn % shapes.size();
                    QueryShape shape = shapes.get(shapeIndex);
                    if (!shape.secondPage()) {
                        send(connection, shapeIndex, shape.target());
                        continue;
                    }
                    HttpResponse first = send(connection, firstPageShape(shape), shape.target());
                    String next = first == null || first.status() != 200 ? null : next(first);
                    if (next == null) {
                        count(shapeIndex, System.nanoTime(), "no page 1 to go on from");
                    } else {
                        send(connection, shapeIndex, QueryShape.withCursor(shape.target(), next));
                    }
                }
            }
        }

        /** Sends one query and records it under {@code shapeIndex}; null after an I/O error. */
        private HttpResponse send(KeepAliveConnection connection, int shapeIndex, String target) {
            long sent = System.nanoTime();
            try {
                HttpResponse response = connection.get(
                        target, headers.get(shapes.get(shapeIndex).kind()));
                long done = System.nanoTime();
                if (response.status() == 200) {
                    if (window.contains(done)) {
                        latency[shapeIndex].recordValue(Math.min((done - sent) / 1000, MAX_LATENCY_MICROS));
                    }
                } else {
                    count(shapeIndex, done, PageCheck.errorName(response));
                }
                return response;
            } catch (IOException e) {
                count(shapeIndex, System.nanoTime(), e.getClass().getSimpleName());
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // no busy loop against a dead server
                return null;
            }
        }

        private void count(int shapeIndex, long done, String reason) {
            if (window.contains(done)) {
                errors.get(shapeIndex).merge(reason, 1L, Long::sum);
            }
        }

        private int firstPageShape(QueryShape secondPage) {
            for (int index = 0; index < shapes.size(); index++) {
                QueryShape shape = shapes.get(index);
                if (!shape.secondPage()
                        && shape.kind() == secondPage.kind()
                        && shape.target().equals(secondPage.target())) {
                    return index;
                }
            }
            return shapes.indexOf(secondPage);
        }

        private static String next(HttpResponse page) {
            try {
                return QueryShape.next(JSON.readTree(page.body()));
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** Takes the next report's ticket, waits until it is due, posts it. */
    private final class IngestWorker implements Runnable {

        final Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
        final Map<String, Long> errors = new TreeMap<>();
        final AtomicLong tickets;
        final long start;
        final Window window;
        long stored;

        IngestWorker(AtomicLong tickets, long start, Window window) {
            this.tickets = tickets;
            this.start = start;
            this.window = window;
        }

        @Override
        public void run() {
            try (KeepAliveConnection connection = connection()) {
                while (true) {
                    long ticket = tickets.getAndIncrement();
                    long due = start + ticket * 1_000_000_000L / ingestRate;
                    if (due >= window.end) {
                        return;
                    }
                    Pacing.sleepUntil(due);
                    if (System.nanoTime() >= window.end) {
                        return; // a backlog left when the window closed is not sent
                    }
                    post(connection, ticket, window.contains(due));
                }
            }
        }

        /** Posts report {@code ticket}; records it if it was due in the window, however late it is answered. */
        private void post(KeepAliveConnection connection, long ticket, boolean counts) {
            SeedPlan.SeedEvent event = plan.liveEvent(ticket, Instant.now());
            Map<String, String> headers =
                    Map.of("X-ApiKey", SeedPlan.API_KEYS.get(event.app()), "Content-Type", "application/json");
            long sent = System.nanoTime();
            try {
                HttpResponse response = connection.post("/entries", headers, SeedEntry.single(event));
                long done = System.nanoTime();
                if (!counts) {
                    return;
                }
                if (response.status() == 202) {
                    latency.recordValue(Math.min((done - sent) / 1000, MAX_LATENCY_MICROS));
                    stored++;
                } else {
                    errors.merge("HTTP " + response.status(), 1L, Long::sum);
                }
            } catch (IOException e) {
                if (counts) {
                    errors.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                }
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }
}
