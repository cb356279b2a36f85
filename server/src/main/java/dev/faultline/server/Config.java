package dev.faultline.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Every setting of the server, read once from the environment. Each is listed in the README's
 * configuration table with its default.
 *
 * @param maxEntryBytes the largest single Raygun entry accepted (413 above)
 * @param maxBulkBytes the largest {@code /entries/bulk} body accepted (413 above)
 * @param maxBulkEntries the most entries in one bulk body (413 above)
 * @param writerQueue how many reports may wait for the writer before clients get 503
 * @param writerBatch the most reports committed in one transaction
 * @param writeTimeout how long a request waits for its report to commit before answering 503
 * @param retryAfter the {@code Retry-After} sent with 503 answers
 * @param keyCache how long an app looked up by key is cached (settings changes show after this)
 * @param corsOrigin the {@code Access-Control-Allow-Origin} sent by the ingest endpoints
 * @param maxApiPage the most items one REST API page may ask for
 */
public record Config(
        String host,
        int port,
        Path dataDir,
        int maxEntryBytes,
        int maxBulkBytes,
        int maxBulkEntries,
        int writerQueue,
        int writerBatch,
        Duration writeTimeout,
        Duration retryAfter,
        Duration keyCache,
        String corsOrigin,
        int maxApiPage) {

    /** The settings with their environment variable names and defaults, in README order. */
    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("FAULTLINE_HOST", "0.0.0.0");
        defaults.put("FAULTLINE_PORT", "8080");
        defaults.put("FAULTLINE_DATA", "./data");
        defaults.put("FAULTLINE_MAX_ENTRY_BYTES", "131072");
        defaults.put("FAULTLINE_MAX_BULK_BYTES", "4194304");
        defaults.put("FAULTLINE_MAX_BULK_ENTRIES", "100");
        defaults.put("FAULTLINE_WRITER_QUEUE", "5000");
        defaults.put("FAULTLINE_WRITER_BATCH", "500");
        defaults.put("FAULTLINE_WRITE_TIMEOUT_SECONDS", "30");
        defaults.put("FAULTLINE_RETRY_AFTER_SECONDS", "5");
        defaults.put("FAULTLINE_KEY_CACHE_SECONDS", "10");
        defaults.put("FAULTLINE_CORS_ORIGIN", "*");
        defaults.put("FAULTLINE_API_MAX_PAGE", "200");
        return defaults;
    }

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads the settings from {@code env}; fails with a message naming a malformed setting. */
    public static Config from(Map<String, String> env) {
        Function<String, String> get = name -> {
            String value = env.get(name);
            return value == null || value.isBlank() ? DEFAULTS.get(name) : value.trim();
        };
        return new Config(
                get.apply("FAULTLINE_HOST"),
                integer(get, "FAULTLINE_PORT", 0, 65535),
                Path.of(get.apply("FAULTLINE_DATA")),
                integer(get, "FAULTLINE_MAX_ENTRY_BYTES", 1024, Integer.MAX_VALUE),
                integer(get, "FAULTLINE_MAX_BULK_BYTES", 1024, Integer.MAX_VALUE),
                integer(get, "FAULTLINE_MAX_BULK_ENTRIES", 1, 100_000),
                integer(get, "FAULTLINE_WRITER_QUEUE", 1, 10_000_000),
                integer(get, "FAULTLINE_WRITER_BATCH", 1, 100_000),
                Duration.ofSeconds(integer(get, "FAULTLINE_WRITE_TIMEOUT_SECONDS", 1, 3600)),
                Duration.ofSeconds(integer(get, "FAULTLINE_RETRY_AFTER_SECONDS", 1, 3600)),
                Duration.ofSeconds(integer(get, "FAULTLINE_KEY_CACHE_SECONDS", 0, 3600)),
                get.apply("FAULTLINE_CORS_ORIGIN"),
                integer(get, "FAULTLINE_API_MAX_PAGE", 1, 10_000));
    }

    private static int integer(Function<String, String> get, String name, int min, int max) {
        String value = get.apply(name);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    /** The SQLite database file under the data folder. */
    public Path databaseFile() {
        return dataDir.resolve("faultline.db");
    }
}
