package dev.faultline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The dashboard scenario: seeds a data set through the real server's Raygun ingest (or reuses the cached one), then
 * starts the server on a copy of it and times the group list while reports come in. Depends on Faultline only
 * through its jar's command line and HTTP, as {@link Bench} does.
 */
final class DashboardBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DashboardOptions options;
    private final Path logDirectory;
    private final Path cacheRoot;
    private final SeedPlan plan;

    DashboardBench(DashboardOptions options, Path repoRoot) {
        this.options = options;
        this.logDirectory = options.out().toAbsolutePath().getParent();
        this.cacheRoot = repoRoot.resolve("bench/target");
        this.plan = SeedPlan.create(options.seedEvents(), options.seedGroups());
    }

    void run() {
        if (!Files.isRegularFile(options.jar())) {
            throw new BenchFailure("no Faultline jar at " + options.jar() + " (build the server, or pass --jar)");
        }
        List<String> migrations = SeedCache.migrations(options.jar());
        SeedCache cache = new SeedCache(cacheRoot.resolve("dashboard-data-" + options.seedEvents() + "-"
                + options.seedGroups() + "-" + SeedCache.schemaId(migrations)));
        SeedCache.Manifest manifest = seededData(cache, migrations);
        Path work = createRunDirectory();
        try {
            long start = System.nanoTime();
            long bytes = cache.copyDataTo(work);
            Bench.progress(String.format(
                    "copied the data set (%.0f MB) to %s in %.1f s",
                    Bench.megabytes(bytes), work, (System.nanoTime() - start) / 1e9));
            DashboardResult result = measure(work, manifest);
            System.out.println();
            System.out.print(DashboardTable.format(result));
            writeJson(manifest, result);
        } finally {
            Bench.deleteRecursively(work);
        }
    }

    /** The cached data set if it fits this plan and jar, else a new one. */
    private SeedCache.Manifest seededData(SeedCache cache, List<String> migrations) {
        if (!options.reseed()) {
            SeedCache.Manifest cached = cache.manifest().orElse(null);
            String stale = cached == null ? "there is none" : SeedCache.staleReason(cached, plan, migrations);
            if (stale == null) {
                Bench.progress("using the data set seeded " + cached.seededAt() + " in " + cache.directory());
                return cached;
            }
            Bench.progress("seeding, not reusing the cached data set: " + stale);
        }
        return seed(cache, migrations);
    }

    private SeedCache.Manifest seed(SeedCache cache, List<String> migrations) {
        cache.clear();
        Map<String, String> env = serverEnv(cache.data(), Bench.freePort());
        Map<String, Long> appIds = ensureApps(env);
        int port = Integer.parseInt(env.get("FAULTLINE_PORT"));
        Instant seedTime = Instant.now();
        Seeder.Outcome outcome;
        try (ChildProcess server = startServer(env, "faultline-seed-server.log")) {
            server.awaitReady(port, Bench.STARTUP_TIMEOUT);
            Bench.progress(String.format(
                    "seeding %,d events in %,d groups over %d connections (bulk bodies of %d)",
                    plan.events(), plan.groups(), Seeder.CONNECTIONS, Seeder.BATCH));
            outcome = new Seeder(plan, Bench.HOST, port, seedTime, Bench::progress).run();
        }
        Bench.progress(String.format(
                "seeded %,d events in %.1f s: %,.0f events/s",
                outcome.events(), outcome.seconds(), outcome.perSecond()));
        SeedCache.Manifest manifest = new SeedCache.Manifest(
                SeedPlan.VERSION,
                plan.events(),
                plan.groups(),
                outcome.events(),
                seedTime.toString(),
                outcome.seconds(),
                outcome.perSecond(),
                migrations,
                appIds);
        cache.write(manifest);
        return manifest;
    }

    /** The plan's apps by name, created unless the data folder has them already; their ids by name. */
    private Map<String, Long> ensureApps(Map<String, String> env) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (JsonNode app : cli(env, "apps-list", List.of("apps", "list"))) {
            ids.put(app.path("name").asText(), app.path("id").asLong());
        }
        for (int app = 0; app < SeedPlan.APPS; app++) {
            String name = SeedPlan.APP_NAMES.get(app);
            if (!ids.containsKey(name)) {
                JsonNode created = cli(
                        env,
                        "apps-create",
                        List.of("apps", "create", "--name", name, "--api-key", SeedPlan.API_KEYS.get(app)));
                ids.put(name, created.path("id").asLong());
                Bench.progress("created app " + name + " (id " + ids.get(name) + ")");
            }
        }
        return ids;
    }

    private DashboardResult measure(Path data, SeedCache.Manifest manifest) {
        int port = Bench.freePort();
        Map<String, String> env = serverEnv(data, port);
        String token = cli(env, "tokens-create", List.of("tokens", "create", "--name", "bench-dashboard"))
                .path("token")
                .asText();
        String setPasswordLink = createUser(env);
        long appId = manifest.appIds().get(SeedPlan.APP_NAMES.getFirst());
        List<QueryShape> shapes = QueryShape.all(appId);
        try (ChildProcess server = startServer(env, "faultline-dashboard-server.log");
                ProcStats.RssSampler rss = new ProcStats.RssSampler(server.pid())) {
            server.awaitReady(port, Bench.STARTUP_TIMEOUT);
            Bench.progress("faultline ready (pid " + server.pid() + "): "
                    + server.markerLine().strip());
            DashboardSession.SignIn session = setPasswordLink == null
                    ? DashboardSession.SignIn.failed(
                            "faultline users create failed or printed no setPasswordLink (faultline-users-create.log)")
                    : DashboardSession.signIn(Bench.HOST, port, setPasswordLink);
            Bench.progress(
                    session.cookie() != null
                            ? "signed in to the dashboard as the new user"
                            : "WARNING no dashboard session, the page shapes will fail: " + session.problem());
            DashboardLoad load = new DashboardLoad(
                    Bench.HOST, port, token, session, shapes, plan, options.ingestRate(), options.queryConnections());
            Map<String, String> problems = load.probe();
            problems.forEach((shape, problem) -> Bench.progress("WARNING " + shape + ": " + problem));
            Bench.progress(String.format(
                    "%d reports/s to /entries, %d query connections over %d shapes, %s warm-up, %s measured",
                    options.ingestRate(),
                    options.queryConnections(),
                    shapes.size(),
                    Bench.seconds(options.warmup()),
                    Bench.seconds(options.duration())));
            DashboardLoad.Outcome outcome = load.run(options.warmup(), options.duration(), server.pid());
            long peakRss = ProcStats.statusBytes(server.pid(), "VmHWM").orElse(-1);
            return result(shapes, problems, outcome, peakRss, rss.maxBytes());
        }
    }

    /**
     * Creates an administrator without a password in the run's copy of the data, for the page shapes; returns the
     * link where the password is set, or null if the jar could not (one without {@code users create} still measures
     * the API). The email is new every run: {@code users create} refuses one that exists, and a data set seeded with
     * users must not stop the run.
     */
    private String createUser(Map<String, String> env) {
        String email = "bench-" + System.currentTimeMillis() + "@example.com";
        try {
            JsonNode user = cli(env, "users-create", List.of("users", "create", "--email", email, "--admin"));
            return user.path("setPasswordLink").asText(null);
        } catch (BenchFailure e) {
            Bench.progress("WARNING " + e.getMessage());
            return null;
        }
    }

    private DashboardResult result(
            List<QueryShape> shapes,
            Map<String, String> problems,
            DashboardLoad.Outcome outcome,
            long peakRssBytes,
            long sampledRssBytes) {
        List<DashboardResult.Shape> rows = new ArrayList<>();
        for (int index = 0; index < shapes.size(); index++) {
            QueryShape shape = shapes.get(index);
            Histogram latency = outcome.shapeLatencyMicros().get(index);
            Map<String, Long> errors = outcome.shapeErrors().get(index);
            rows.add(new DashboardResult.Shape(
                    shape.name(),
                    shape.target(),
                    latency.getTotalCount(),
                    millis(latency, 50),
                    millis(latency, 95),
                    millis(latency, 99),
                    latency.getTotalCount() == 0 ? 0 : latency.getMaxValue() / 1000.0,
                    errors.values().stream().mapToLong(Long::longValue).sum(),
                    errors,
                    problems.get(shape.name())));
        }
        Histogram reports = outcome.reportLatencyMicros();
        DashboardResult.Ingest ingest = new DashboardResult.Ingest(
                options.ingestRate(),
                outcome.reports(),
                outcome.reports() / outcome.measuredSeconds(),
                millis(reports, 50),
                millis(reports, 99),
                outcome.reportErrors().values().stream()
                        .mapToLong(Long::longValue)
                        .sum(),
                outcome.reportErrors());
        return new DashboardResult(
                outcome.measuredSeconds(),
                rows,
                ingest,
                Bench.megabytes(Math.max(peakRssBytes, sampledRssBytes)),
                Bench.megabytes(sampledRssBytes),
                outcome.serverCpuSeconds(),
                outcome.benchCpuSeconds());
    }

    private static double millis(Histogram latency, double percentile) {
        return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / 1000.0;
    }

    private Map<String, String> serverEnv(Path data, int port) {
        Map<String, String> env = new TreeMap<>(options.serverEnv());
        env.put("FAULTLINE_DATA", data.toAbsolutePath().toString());
        env.put("FAULTLINE_PORT", Integer.toString(port));
        env.put("FAULTLINE_HOST", Bench.HOST);
        return env;
    }

    private ChildProcess startServer(Map<String, String> env, String log) {
        List<String> command = new ArrayList<>(List.of(Bench.java()));
        command.addAll(options.serverJvmOpts());
        command.addAll(List.of("-jar", options.jar().toString(), "serve"));
        return ChildProcess.start("faultline", command, env, logDirectory.resolve(log), Bench.FAULTLINE_READY_MARKER);
    }

    /** Runs a command of the server jar and reads the JSON it prints. */
    private JsonNode cli(Map<String, String> env, String name, List<String> arguments) {
        List<String> command =
                new ArrayList<>(List.of(Bench.java(), "-jar", options.jar().toString()));
        command.addAll(arguments);
        String output = ChildProcess.run(
                "faultline " + String.join(" ", arguments.subList(0, 2)),
                command,
                env,
                logDirectory.resolve("faultline-" + name + ".log"),
                Bench.STARTUP_TIMEOUT);
        try {
            return JSON.readTree(output.substring(jsonStart(output)));
        } catch (IOException | RuntimeException e) {
            throw new BenchFailure("faultline " + String.join(" ", arguments) + " printed no JSON: " + output, e);
        }
    }

    /** Where the printed JSON begins: the first line that opens an object or an array. */
    static int jsonStart(String output) {
        int line = 0;
        while (line < output.length() && output.charAt(line) != '{' && output.charAt(line) != '[') {
            int end = output.indexOf('\n', line);
            if (end < 0) {
                return 0;
            }
            line = end + 1;
        }
        return line < output.length() ? line : 0;
    }

    private Path createRunDirectory() {
        try {
            return Files.createTempDirectory(cacheRoot, "dashboard-run-");
        } catch (IOException e) {
            throw new BenchFailure("cannot create a data directory: " + e.getMessage(), e);
        }
    }

    private void writeJson(SeedCache.Manifest manifest, DashboardResult result) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("seedEvents", options.seedEvents());
        settings.put("seedGroups", options.seedGroups());
        settings.put("ingestRate", options.ingestRate());
        settings.put("queryConnections", options.queryConnections());
        settings.put("durationSeconds", options.duration().toMillis() / 1000.0);
        settings.put("warmupSeconds", options.warmup().toMillis() / 1000.0);
        settings.put("serverJvmOpts", options.serverJvmOpts());
        settings.put("serverEnv", new TreeMap<>(options.serverEnv()));
        settings.put("jar", options.jar().toString());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("scenario", DashboardOptions.SCENARIO);
        report.put("finishedAt", Instant.now().toString());
        report.put("java", Runtime.version().toString());
        report.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        report.put("settings", settings);
        report.put("seed", manifest);
        report.put("result", result);
        try {
            Files.createDirectories(options.out().toAbsolutePath().getParent());
            JSON.copy()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(options.out().toFile(), report);
            System.out.println("results written to " + options.out());
        } catch (IOException e) {
            throw new BenchFailure("cannot write " + options.out() + ": " + e.getMessage(), e);
        }
    }
}
