package dev.faultline.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The command line of {@code bench/run dashboard}, parsed once. Immutable. */
record DashboardOptions(
        int seedEvents,
        int seedGroups,
        boolean reseed,
        int ingestRate,
        int queryConnections,
        Duration duration,
        Duration warmup,
        List<String> serverJvmOpts,
        Map<String, String> serverEnv,
        Path jar,
        Path out) {

    static final String SCENARIO = "dashboard";

    static final String USAGE = """
            usage: bench/run dashboard [options]
              seeds (once, then cached) and measures the group list's latency while ingestion runs
              --seed-events <n>          events in the data set (default 1000000)
              --seed-groups <n>          groups in the data set, at least 10 (default 10000)
              --reseed                   seed again even if a cached data set of that size exists
              --ingest-rate <n>          Raygun reports/s posted to /entries while measuring, 0 for none (default 500)
              --query-connections <n>    connections querying the group list, closed loop (default 4)
              --duration <time>          measured window, e.g. 30s, 500ms, 2m (default 30s)
              --warmup <time>            unmeasured load before the window (default 10s)
              --server-jvm-opts "<opts>" JVM options for the server, split on spaces (default none)
              --server-env KEY=VALUE     extra environment for the server, repeatable
              --jar <path>               Faultline server jar (default server/target/faultline.jar)
              --out <path>               JSON result file (default bench/target/dashboard-result.json)
            """;

    /** Parses {@code args}, whose first element is {@value #SCENARIO}; default paths resolve against {@code repoRoot}. */
    static DashboardOptions parse(String[] args, Path repoRoot) {
        if (args.length == 0 || !args[0].equals(SCENARIO)) {
            throw new IllegalArgumentException("the dashboard options follow the scenario name " + SCENARIO);
        }
        int seedEvents = 1_000_000;
        int seedGroups = 10_000;
        boolean reseed = false;
        int ingestRate = 500;
        int queryConnections = 4;
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(10);
        List<String> serverJvmOpts = List.of();
        Map<String, String> serverEnv = new TreeMap<>();
        Path jar = repoRoot.resolve("server/target/faultline.jar");
        Path out = repoRoot.resolve("bench/target/dashboard-result.json");
        for (int index = 1; index < args.length; index++) {
            String flag = args[index];
            if (flag.equals("--reseed")) {
                reseed = true;
                continue;
            }
            if (index + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++index];
            switch (flag) {
                // The send order and the bodies' event lists, 8 bytes an event, live in the bench's 256 MB heap.
                case "--seed-events" -> seedEvents = BenchOptions.number(flag, value, 10, 10_000_000);
                case "--seed-groups" -> seedGroups = BenchOptions.number(flag, value, 10, 1_000_000);
                case "--ingest-rate" -> ingestRate = BenchOptions.number(flag, value, 0, 100_000);
                case "--query-connections" -> queryConnections = BenchOptions.number(flag, value, 1, 256);
                case "--duration" -> duration = BenchOptions.time(flag, value);
                case "--warmup" -> warmup = BenchOptions.time(flag, value);
                case "--server-jvm-opts" -> serverJvmOpts = BenchOptions.jvmOptions(value);
                case "--server-env" -> BenchOptions.putEnv(serverEnv, value);
                case "--jar" -> jar = Path.of(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (seedEvents < seedGroups) {
            throw new IllegalArgumentException(
                    "--seed-events must be at least --seed-groups, so every group has an event: " + seedEvents + " < "
                            + seedGroups);
        }
        if (duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        return new DashboardOptions(
                seedEvents,
                seedGroups,
                reseed,
                ingestRate,
                queryConnections,
                duration,
                warmup,
                serverJvmOpts,
                Map.copyOf(serverEnv),
                jar,
                out);
    }
}
