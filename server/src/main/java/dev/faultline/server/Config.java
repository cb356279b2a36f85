package dev.faultline.server;

import dev.faultline.server.notify.DeliveryPacing;
import dev.faultline.server.notify.EmailSettings;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
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
 * @param maxLogsBytes the largest App Center {@code /logs} body accepted, before and after
 *     inflating gzip (413 above)
 * @param maxAttachmentBytes the largest App Center attachment, decoded (dropped above)
 * @param logMaxAge how far in the past an App Center log's timestamp may lie (dropped beyond)
 * @param logMaxFuture how far in the future an App Center log's timestamp may lie (dropped beyond)
 * @param tlsCert the PEM certificate (chain) for HTTPS, or null for no HTTPS
 * @param tlsKey the PEM private key of {@code tlsCert}, or null
 * @param httpsPort the port HTTPS listens on when a certificate is configured
 * @param publicUrl the address users reach this server at, for links it prints and shows; null to
 *     derive it from the request (pages) or the host and port (the console)
 * @param sessionLifetime how long a dashboard sign-in lasts
 * @param signInFailures how many failed sign-ins one email or one client address may have per
 *     {@code signInWindow} before further attempts are refused (429)
 * @param signInWindow the window of {@code signInFailures}
 * @param keyGrace how long a rotated-out API key or app secret keeps working
 * @param linkLifetime how long setup, invite and password links stay valid
 * @param webhookTimeout the connect timeout, and separately the whole-request timeout, of a webhook
 *     delivery
 * @param webhookMaxResponseBytes how much of a receiver's answer is read (the rest is discarded)
 * @param webhookRetryPeriod how long after its first attempt a failing delivery is retried
 * @param webhookFirstRetry the wait before the first retry; each later one waits twice as long
 *     (at most an hour)
 * @param webhookPacing how often the outbox is looked at for due deliveries and how many are posted
 *     each time, fewer while the machine is busy
 * @param webhookBlockPrivate whether webhooks to private, loopback, link-local and unspecified
 *     addresses are refused
 * @param email the SMTP server and the schedule of alert and digest email
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
        int maxApiPage,
        int maxLogsBytes,
        int maxAttachmentBytes,
        Duration logMaxAge,
        Duration logMaxFuture,
        Path tlsCert,
        Path tlsKey,
        int httpsPort,
        String publicUrl,
        Duration sessionLifetime,
        int signInFailures,
        Duration signInWindow,
        Duration keyGrace,
        Duration linkLifetime,
        Duration webhookTimeout,
        int webhookMaxResponseBytes,
        Duration webhookRetryPeriod,
        Duration webhookFirstRetry,
        DeliveryPacing webhookPacing,
        boolean webhookBlockPrivate,
        EmailSettings email) {

    public Config {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("FAULTLINE_TLS_CERT and FAULTLINE_TLS_KEY must be set together");
        }
    }

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
        defaults.put("FAULTLINE_MAX_LOGS_BYTES", "10485760");
        defaults.put("FAULTLINE_MAX_ATTACHMENT_BYTES", "7340032");
        defaults.put("FAULTLINE_LOG_MAX_AGE_DAYS", "25");
        defaults.put("FAULTLINE_LOG_MAX_FUTURE_DAYS", "3");
        defaults.put("FAULTLINE_TLS_CERT", "");
        defaults.put("FAULTLINE_TLS_KEY", "");
        defaults.put("FAULTLINE_HTTPS_PORT", "8443");
        defaults.put("FAULTLINE_PUBLIC_URL", "");
        defaults.put("FAULTLINE_SESSION_DAYS", "14");
        defaults.put("FAULTLINE_SIGNIN_MAX_FAILURES", "10");
        defaults.put("FAULTLINE_SIGNIN_WINDOW_MINUTES", "15");
        defaults.put("FAULTLINE_KEY_GRACE_HOURS", "24");
        defaults.put("FAULTLINE_LINK_HOURS", "72");
        defaults.put("FAULTLINE_WEBHOOK_TIMEOUT_SECONDS", "10");
        defaults.put("FAULTLINE_WEBHOOK_MAX_RESPONSE_BYTES", "65536");
        defaults.put("FAULTLINE_WEBHOOK_RETRY_HOURS", "24");
        defaults.put("FAULTLINE_WEBHOOK_FIRST_RETRY_SECONDS", "30");
        defaults.put("FAULTLINE_WEBHOOK_POLL_MILLIS", "500");
        defaults.put("FAULTLINE_WEBHOOK_BATCH", "50");
        defaults.put("FAULTLINE_WEBHOOK_BUSY_BATCH", "5");
        defaults.put("FAULTLINE_WEBHOOK_BUSY_CPU_PERCENT", "80");
        defaults.put("FAULTLINE_WEBHOOK_BLOCK_PRIVATE", "false");
        defaults.put("FAULTLINE_SMTP_HOST", "");
        defaults.put("FAULTLINE_SMTP_PORT", "587");
        defaults.put("FAULTLINE_SMTP_SECURITY", "starttls");
        defaults.put("FAULTLINE_SMTP_USERNAME", "");
        defaults.put("FAULTLINE_SMTP_PASSWORD", "");
        defaults.put("FAULTLINE_SMTP_FROM", "faultline@localhost");
        defaults.put("FAULTLINE_SMTP_TIMEOUT_SECONDS", "10");
        defaults.put("FAULTLINE_EMAIL_INTERVAL_SECONDS", "60");
        defaults.put("FAULTLINE_EMAIL_MAX_GROUPS", "10");
        defaults.put("FAULTLINE_EMAIL_DIGEST_HOUR", "8");
        defaults.put("FAULTLINE_EMAIL_RETRY_HOURS", "24");
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
                integer(get, "FAULTLINE_API_MAX_PAGE", 1, 10_000),
                integer(get, "FAULTLINE_MAX_LOGS_BYTES", 1024, Integer.MAX_VALUE - 1),
                integer(get, "FAULTLINE_MAX_ATTACHMENT_BYTES", 1, Integer.MAX_VALUE - 1),
                Duration.ofDays(integer(get, "FAULTLINE_LOG_MAX_AGE_DAYS", 0, 36_500)),
                Duration.ofDays(integer(get, "FAULTLINE_LOG_MAX_FUTURE_DAYS", 0, 36_500)),
                path(get, "FAULTLINE_TLS_CERT"),
                path(get, "FAULTLINE_TLS_KEY"),
                integer(get, "FAULTLINE_HTTPS_PORT", 0, 65535),
                url(get, "FAULTLINE_PUBLIC_URL"),
                Duration.ofDays(integer(get, "FAULTLINE_SESSION_DAYS", 1, 3650)),
                integer(get, "FAULTLINE_SIGNIN_MAX_FAILURES", 1, 1_000_000),
                Duration.ofMinutes(integer(get, "FAULTLINE_SIGNIN_WINDOW_MINUTES", 1, 10_080)),
                Duration.ofHours(integer(get, "FAULTLINE_KEY_GRACE_HOURS", 0, 87_600)),
                Duration.ofHours(integer(get, "FAULTLINE_LINK_HOURS", 1, 87_600)),
                Duration.ofSeconds(integer(get, "FAULTLINE_WEBHOOK_TIMEOUT_SECONDS", 1, 600)),
                integer(get, "FAULTLINE_WEBHOOK_MAX_RESPONSE_BYTES", 0, 104_857_600),
                Duration.ofHours(integer(get, "FAULTLINE_WEBHOOK_RETRY_HOURS", 0, 8_760)),
                Duration.ofSeconds(integer(get, "FAULTLINE_WEBHOOK_FIRST_RETRY_SECONDS", 1, 3600)),
                new DeliveryPacing(
                        Duration.ofMillis(integer(get, "FAULTLINE_WEBHOOK_POLL_MILLIS", 10, 3_600_000)),
                        integer(get, "FAULTLINE_WEBHOOK_BATCH", 1, 10_000),
                        integer(get, "FAULTLINE_WEBHOOK_BUSY_BATCH", 1, 10_000),
                        integer(get, "FAULTLINE_WEBHOOK_BUSY_CPU_PERCENT", 0, 100)),
                bool(get, "FAULTLINE_WEBHOOK_BLOCK_PRIVATE"),
                email(get));
    }

    private static EmailSettings email(Function<String, String> get) {
        String security = get.apply("FAULTLINE_SMTP_SECURITY");
        EmailSettings.Security parsed = switch (security.toLowerCase(Locale.ROOT)) {
            case "starttls" -> EmailSettings.Security.STARTTLS;
            case "tls" -> EmailSettings.Security.TLS;
            case "none" -> EmailSettings.Security.NONE;
            default ->
                throw new IllegalArgumentException(
                        "FAULTLINE_SMTP_SECURITY must be starttls, tls or none, got '" + security + "'");
        };
        String from = get.apply("FAULTLINE_SMTP_FROM");
        try {
            new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("FAULTLINE_SMTP_FROM is not an email address: '" + from + "'");
        }
        return new EmailSettings(
                blankToNull(get.apply("FAULTLINE_SMTP_HOST")),
                integer(get, "FAULTLINE_SMTP_PORT", 1, 65535),
                parsed,
                blankToNull(get.apply("FAULTLINE_SMTP_USERNAME")),
                blankToNull(get.apply("FAULTLINE_SMTP_PASSWORD")),
                from,
                Duration.ofSeconds(integer(get, "FAULTLINE_SMTP_TIMEOUT_SECONDS", 1, 600)),
                Duration.ofSeconds(integer(get, "FAULTLINE_EMAIL_INTERVAL_SECONDS", 1, 86_400)),
                integer(get, "FAULTLINE_EMAIL_MAX_GROUPS", 1, 1000),
                integer(get, "FAULTLINE_EMAIL_DIGEST_HOUR", 0, 23),
                Duration.ofHours(integer(get, "FAULTLINE_EMAIL_RETRY_HOURS", 0, 8_760)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String url(Function<String, String> get, String name) {
        String value = get.apply(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
            throw new IllegalArgumentException(name + " must start with http:// or https://, got '" + value + "'");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static boolean bool(Function<String, String> get, String name) {
        String value = get.apply(name);
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
        };
    }

    private static Path path(Function<String, String> get, String name) {
        String value = get.apply(name);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /** Whether HTTPS is configured. */
    public boolean tls() {
        return tlsCert != null;
    }

    /** The largest request body any endpoint accepts. */
    public int maxRequestBytes() {
        return Math.max(maxLogsBytes, Math.max(maxEntryBytes, maxBulkBytes));
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
