package dev.faultline.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bench's command line, parsed once. Immutable. */
record BenchOptions(
        String scenario,
        Duration duration,
        Duration warmup,
        int connections,
        List<String> serverJvmOpts,
        Map<String, String> serverEnv,
        boolean skipBare,
        boolean bareOnly,
        int bulkPercent,
        int webhooks,
        int newGroupPercent,
        int rounds,
        LoadClient.Kind client,
        Path jar,
        Path out) {

    static final List<String> SCENARIOS = List.of("raygun", "appcenter");

    static final String USAGE = """
            usage: bench/run <scenario> [options]
              scenarios: raygun (POST /entries), appcenter (gzipped crash logs to POST /logs);
                dashboard (group list queries while reports come in) has options of its own, below
              --duration <time>          measured window, e.g. 30s, 500ms, 2m (default 30s)
              --warmup <time>            unmeasured load before the window (default 10s)
              --connections <n>          concurrent keep-alive connections (default 64)
              --server-jvm-opts "<opts>" JVM options for both servers, split on spaces (default none)
              --server-env KEY=VALUE     extra environment for the Faultline server, repeatable
              --bulk-percent <0..100>    raygun: share of requests posting the bulk fixture to /entries/bulk (default 0)
              --webhooks <n>             webhooks on the bench app, each to a receiver in the bench (default 0)
              --new-group-percent <n>    share of requests (0..100) whose reports make new groups, so the
                                         server notifies (default 1 with --webhooks, else 0)
              --rounds <n>               measure Faultline n times and report the median run (default 1); with
                                         --webhooks each round also measures it without webhooks, the two
                                         in alternating order, and prints the ratio of the medians
              --skip-bare                measure Faultline only
              --bare-only                measure the bare server only (no Faultline jar needed)
              --client socket|jdk        load client (default socket; jdk is kept for comparison)
              --jar <path>               Faultline server jar (default server/target/faultline.jar)
              --out <path>               JSON result file (default bench/target/bench-result.json)
            """;

    private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");

    /** Parses {@code args}; relative default paths resolve against {@code repoRoot}. */
    static BenchOptions parse(String[] args, Path repoRoot) {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new IllegalArgumentException("a scenario comes first");
        }
        String scenario = args[0];
        if (!SCENARIOS.contains(scenario)) {
            throw new IllegalArgumentException(
                    "unknown scenario " + scenario + "; known: " + SCENARIOS + " and " + DashboardOptions.SCENARIO);
        }
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(10);
        int connections = 64;
        List<String> serverJvmOpts = List.of();
        Map<String, String> serverEnv = new TreeMap<>();
        boolean skipBare = false;
        boolean bareOnly = false;
        int bulkPercent = 0;
        int webhooks = 0;
        Integer newGroupPercent = null;
        int rounds = 1;
        LoadClient.Kind client = LoadClient.Kind.SOCKET;
        Path jar = repoRoot.resolve("server/target/faultline.jar");
        Path out = repoRoot.resolve("bench/target/bench-result.json");
        for (int index = 1; index < args.length; index++) {
            String flag = args[index];
            switch (flag) {
                case "--skip-bare" -> skipBare = true;
                case "--bare-only" -> bareOnly = true;
                default -> {
                    if (index + 1 >= args.length) {
                        throw new IllegalArgumentException(flag + " needs a value");
                    }
                    String value = args[++index];
                    switch (flag) {
                        case "--duration" -> duration = time(flag, value);
                        case "--warmup" -> warmup = time(flag, value);
                        case "--connections" -> connections = number(flag, value, 1, 10_000);
                        case "--server-jvm-opts" -> serverJvmOpts = jvmOptions(value);
                        case "--server-env" -> putEnv(serverEnv, value);
                        case "--bulk-percent" -> bulkPercent = number(flag, value, 0, 100);
                        case "--webhooks" -> webhooks = number(flag, value, 0, 100);
                        case "--new-group-percent" -> newGroupPercent = number(flag, value, 0, 100);
                        case "--rounds" -> rounds = number(flag, value, 1, 20);
                        case "--client" -> client = client(value);
                        case "--jar" -> jar = Path.of(value);
                        case "--out" -> out = Path.of(value);
                        default -> throw new IllegalArgumentException("unknown option " + flag);
                    }
                }
            }
        }
        if (skipBare && bareOnly) {
            throw new IllegalArgumentException("--skip-bare and --bare-only exclude each other");
        }
        if (bulkPercent > 0 && !scenario.equals("raygun")) {
            // App Center crash SDKs send one error log per request; there is no bulk request to mix in.
            throw new IllegalArgumentException("--bulk-percent applies to the raygun scenario only");
        }
        if (webhooks > 0 && bareOnly) {
            throw new IllegalArgumentException("--webhooks needs the Faultline server; drop --bare-only");
        }
        if (duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        return new BenchOptions(
                scenario,
                duration,
                warmup,
                connections,
                serverJvmOpts,
                Map.copyOf(serverEnv),
                skipBare,
                bareOnly,
                bulkPercent,
                webhooks,
                newGroupPercent != null ? newGroupPercent : webhooks > 0 ? 1 : 0,
                rounds,
                client,
                jar,
                out);
    }

    static Duration time(String flag, String value) {
        Matcher matcher = TIME.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(flag + " takes a time such as 30s, 500ms or 2m: " + value);
        }
        double amount = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            default -> amount * 1000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    /** {@code --server-jvm-opts}: split on spaces. */
    static List<String> jvmOptions(String value) {
        return Arrays.stream(value.trim().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .toList();
    }

    /** {@code --server-env KEY=VALUE}: the value may hold further equals signs. */
    static void putEnv(Map<String, String> env, String value) {
        int equals = value.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("--server-env takes KEY=VALUE: " + value);
        }
        env.put(value.substring(0, equals), value.substring(equals + 1));
    }

    static int number(String flag, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw new IllegalArgumentException(flag + " must be " + min + ".." + max + ": " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a whole number: " + value, e);
        }
    }

    private static LoadClient.Kind client(String value) {
        try {
            return LoadClient.Kind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--client is socket or jdk: " + value, e);
        }
    }
}
