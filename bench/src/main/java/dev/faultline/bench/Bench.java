package dev.faultline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Load-tests the real Faultline server and a bare Javalin server with the same requests, one after the other, and
 * prints reports/s, latency percentiles, peak RSS and CPU for each, plus the ratio of the two throughputs.
 * Depends on Faultline only through its jar's command line and HTTP.
 */
public final class Bench {

    static final String HOST = "127.0.0.1";
    static final String FAULTLINE_READY_MARKER = "Faultline listening on http://";
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration WEBHOOK_GRACE = Duration.ofSeconds(3);

    private final BenchOptions options;
    private final Path logDirectory;
    private List<Long> webhookPosts = List.of();

    private Bench(BenchOptions options) {
        this.options = options;
        this.logDirectory = options.out().toAbsolutePath().getParent();
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(BenchOptions.USAGE);
            System.out.println();
            System.out.print(DashboardOptions.USAGE);
            return;
        }
        if (args.length > 0 && args[0].equals(DashboardOptions.SCENARIO)) {
            dashboard(args);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, repoRoot());
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            new Bench(options).run();
        } catch (BenchFailure e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void dashboard(String[] args) {
        DashboardOptions options;
        try {
            options = DashboardOptions.parse(args, repoRoot());
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(DashboardOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            new DashboardBench(options, repoRoot()).run();
        } catch (BenchFailure e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run() {
        Scenario scenario = switch (options.scenario()) {
            case "raygun" -> RaygunScenario.create(options.bulkPercent(), options.newGroupPercent());
            case "appcenter" -> AppCenterScenario.create(options.newGroupPercent());
            default -> throw new IllegalStateException("no factory for scenario " + options.scenario());
        };
        List<TargetResult> plain = new ArrayList<>();
        List<TargetResult> hooked = new ArrayList<>();
        if (!options.bareOnly()) {
            if (!Files.isRegularFile(options.jar())) {
                throw new BenchFailure(
                        "no Faultline jar at " + options.jar() + " (build the server, or use --bare-only)");
            }
            for (int round = 0; round < options.rounds(); round++) {
                // alternating order, so that a machine getting faster or slower favours neither
                boolean hooksFirst = round % 2 == 1;
                if (options.webhooks() > 0 && hooksFirst) {
                    hooked.add(measureFaultline(scenario, options.webhooks()));
                }
                plain.add(measureFaultline(scenario, 0));
                if (options.webhooks() > 0 && !hooksFirst) {
                    hooked.add(measureFaultline(scenario, options.webhooks()));
                }
            }
        }
        TargetResult bare = options.skipBare() ? null : measureBare(scenario);
        List<TargetResult> results = new ArrayList<>();
        if (!plain.isEmpty()) {
            results.add(median(plain));
        }
        if (!hooked.isEmpty()) {
            results.add(median(hooked));
        }
        if (bare != null) {
            results.add(bare);
        }
        Double ratio = !plain.isEmpty() && bare != null && bare.reportsPerSecond() > 0
                ? median(plain).reportsPerSecond() / bare.reportsPerSecond()
                : null;
        Double webhooksRatio = hooked.isEmpty() || median(plain).reportsPerSecond() <= 0
                ? null
                : median(hooked).reportsPerSecond() / median(plain).reportsPerSecond();
        System.out.println();
        if (plain.size() + hooked.size() > 2 || options.rounds() > 1) {
            List<TargetResult> every = new ArrayList<>(plain);
            every.addAll(hooked);
            System.out.println("every run:");
            System.out.print(ResultTable.format(every, null));
            System.out.println();
            System.out.println("median of " + options.rounds() + (options.rounds() == 1 ? " run:" : " runs:"));
        }
        System.out.print(ResultTable.format(results, ratio));
        if (webhooksRatio != null) {
            System.out.printf(
                    Locale.ROOT,
                    "ratio with %d webhooks/without: %.3f (%+.1f%%)%n",
                    options.webhooks(),
                    webhooksRatio,
                    (webhooksRatio - 1) * 100);
        }
        writeJson(scenario, results, ratio, webhooksRatio);
    }

    /** The run of median throughput (the lower middle one of an even count). */
    static TargetResult median(List<TargetResult> runs) {
        List<TargetResult> sorted = runs.stream()
                .sorted(Comparator.comparingDouble(TargetResult::reportsPerSecond))
                .toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private TargetResult measureFaultline(Scenario scenario, int webhooks) {
        Path data = createTempDirectory();
        // the receivers first: the server's free port is then never one a receiver is about to take
        try (WebhookReceivers receivers = WebhookReceivers.start(HOST, webhooks)) {
            int port = freePort();
            Map<String, String> env = new TreeMap<>(options.serverEnv());
            env.put("FAULTLINE_DATA", data.toString());
            env.put("FAULTLINE_PORT", Integer.toString(port));
            env.put("FAULTLINE_HOST", HOST);
            String jar = options.jar().toString();
            List<String> createApp = new ArrayList<>(List.of(java(), "-jar", jar, "apps", "create", "--name", "bench"));
            createApp.addAll(scenario.appOptions());
            String app = ChildProcess.run(
                    "faultline apps create",
                    createApp,
                    env,
                    logDirectory.resolve("faultline-apps-create.log"),
                    STARTUP_TIMEOUT);
            progress("created app: " + app.strip());
            String token = webhooks > 0 ? createToken(env, jar) : null;
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(options.serverJvmOpts());
            command.addAll(List.of("-jar", jar, "serve"));
            ChildProcess server = ChildProcess.start(
                    "faultline", command, env, logDirectory.resolve("faultline-server.log"), FAULTLINE_READY_MARKER);
            return measure(
                    "faultline-" + scenario.name() + (webhooks > 0 ? "+" + webhooks + "hooks" : ""),
                    scenario,
                    server,
                    port,
                    () -> createWebhooks(port, token, appId(app), receivers),
                    () -> countWebhookPosts(receivers));
        } finally {
            deleteRecursively(data);
        }
    }

    private TargetResult measureBare(Scenario scenario) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(options.serverJvmOpts());
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                BareServer.class.getName(),
                HOST,
                Integer.toString(port)));
        command.addAll(scenario.paths());
        ChildProcess server = ChildProcess.start(
                "bare server", command, Map.of(), logDirectory.resolve("bare-server.log"), BareServer.READY_MARKER);
        return measure("bare-server", scenario, server, port, () -> {}, () -> {});
    }

    private String createToken(Map<String, String> env, String jar) {
        String created = ChildProcess.run(
                "faultline tokens create",
                List.of(java(), "-jar", jar, "tokens", "create", "--name", "bench"),
                env,
                logDirectory.resolve("faultline-tokens-create.log"),
                STARTUP_TIMEOUT);
        return json(created, "tokens create").path("token").asText();
    }

    private static long appId(String created) {
        return json(created, "apps create").path("id").asLong();
    }

    private static JsonNode json(String output, String command) {
        try {
            return new ObjectMapper().readTree(output);
        } catch (IOException e) {
            throw new BenchFailure(command + " printed no JSON: " + output.strip(), e);
        }
    }

    private void createWebhooks(int port, String token, long appId, WebhookReceivers receivers) {
        if (receivers.urls().isEmpty()) {
            return;
        }
        WebhookApi.create(HOST, port, token, appId, receivers.urls());
        progress("created " + receivers.urls().size() + " webhooks on app " + appId + " (every event type), "
                + options.newGroupPercent() + "% of requests in new groups");
    }

    /** Counts at the end of the load and again after a grace, as the server delivers from its outbox. */
    private void countWebhookPosts(WebhookReceivers receivers) {
        if (receivers.urls().isEmpty()) {
            return;
        }
        long atEnd = receivers.posts().stream().mapToLong(Long::longValue).sum();
        sleep(WEBHOOK_GRACE);
        webhookPosts = receivers.posts();
        progress("webhook posts received: " + atEnd + " by the end of the load, "
                + webhookPosts.stream().mapToLong(Long::longValue).sum() + " after " + seconds(WEBHOOK_GRACE)
                + " more (per receiver " + webhookPosts + ")");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TargetResult measure(
            String target, Scenario scenario, ChildProcess server, int port, Runnable beforeLoad, Runnable afterLoad) {
        try (server;
                ProcStats.RssSampler rss = new ProcStats.RssSampler(server.pid());
                LoadClient client = options.client().open(scenario, HOST, port, (int) REQUEST_TIMEOUT.toMillis())) {
            server.awaitReady(port, STARTUP_TIMEOUT);
            progress(target + " ready (pid " + server.pid() + "): "
                    + server.markerLine().strip());
            beforeLoad.run();
            LoadGenerator load = new LoadGenerator(client, scenario, options.connections());
            load.probe().forEach(problem -> progress("WARNING " + target + " did not accept " + problem));
            progress(String.format(
                    "%s: %d connections, %s warm-up, %s measured (%s client)",
                    target,
                    options.connections(),
                    seconds(options.warmup()),
                    seconds(options.duration()),
                    options.client().name().toLowerCase(Locale.ROOT)));
            LoadGenerator.Outcome outcome =
                    load.run(options.warmup(), options.duration(), REQUEST_TIMEOUT, server.pid());
            afterLoad.run();
            long peakRss = ProcStats.statusBytes(server.pid(), "VmHWM").orElse(-1);
            return result(target, outcome, peakRss, rss.maxBytes());
        }
    }

    private static TargetResult result(
            String target, LoadGenerator.Outcome outcome, long peakRssBytes, long sampledRssBytes) {
        Histogram latency = outcome.latencyMicros();
        boolean any = latency.getTotalCount() > 0;
        return new TargetResult(
                target,
                outcome.measuredSeconds(),
                outcome.requests(),
                outcome.reports(),
                outcome.reports() / outcome.measuredSeconds(),
                any ? latency.getValueAtPercentile(50) / 1000.0 : 0,
                any ? latency.getValueAtPercentile(90) / 1000.0 : 0,
                any ? latency.getValueAtPercentile(99) / 1000.0 : 0,
                any ? latency.getMaxValue() / 1000.0 : 0,
                megabytes(Math.max(peakRssBytes, sampledRssBytes)),
                megabytes(sampledRssBytes),
                outcome.serverCpuSeconds(),
                outcome.benchCpuSeconds(),
                outcome.errors().values().stream().mapToLong(Long::longValue).sum(),
                outcome.errors());
    }

    private void writeJson(Scenario scenario, List<TargetResult> results, Double ratio, Double webhooksRatio) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("durationSeconds", options.duration().toMillis() / 1000.0);
        settings.put("warmupSeconds", options.warmup().toMillis() / 1000.0);
        settings.put("connections", options.connections());
        settings.put("serverJvmOpts", options.serverJvmOpts());
        settings.put("serverEnv", new TreeMap<>(options.serverEnv()));
        settings.put("bulkPercent", options.bulkPercent());
        settings.put("webhooks", options.webhooks());
        settings.put("newGroupPercent", options.newGroupPercent());
        settings.put("rounds", options.rounds());
        settings.put("client", options.client().name().toLowerCase(Locale.ROOT));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("scenario", scenario.name());
        report.put("finishedAt", Instant.now().toString());
        report.put("java", Runtime.version().toString());
        report.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        report.put("settings", settings);
        report.put("results", results);
        report.put("ratioFaultlineToBare", ratio);
        report.put("ratioWithWebhooksToWithout", webhooksRatio);
        report.put("webhookPostsPerReceiver", webhookPosts);
        try {
            Files.createDirectories(options.out().toAbsolutePath().getParent());
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(options.out().toFile(), report);
            System.out.println("results written to " + options.out());
        } catch (IOException e) {
            throw new BenchFailure("cannot write " + options.out() + ": " + e.getMessage(), e);
        }
    }

    /** The java launcher this bench runs on, so both servers run on the same JDK. */
    static String java() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The repository root: three levels above {@code bench/target/faultline-bench.jar}, else the working directory. */
    private static Path repoRoot() {
        Path classPath =
                Path.of(System.getProperty("java.class.path")).toAbsolutePath().normalize();
        if (classPath.getNameCount() >= 3
                && classPath.getParent().endsWith(Path.of("bench", "target"))
                && classPath.toString().endsWith(".jar")) {
            return classPath.getParent().getParent().getParent();
        }
        return Path.of("").toAbsolutePath();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BenchFailure("no free port on " + HOST + ": " + e.getMessage(), e);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("faultline-bench-");
        } catch (IOException e) {
            throw new BenchFailure("cannot create a data directory: " + e.getMessage(), e);
        }
    }

    static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            progress("could not delete " + directory + ": " + e.getMessage());
        }
    }

    static double megabytes(long bytes) {
        return bytes < 0 ? -1 : bytes / (1024.0 * 1024.0);
    }

    static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + " s";
    }

    static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}
