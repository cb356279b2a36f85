package dev.faultline.server.cli;

import dev.faultline.core.model.App;
import dev.faultline.core.store.Store;
import dev.faultline.server.api.Tokens;
import dev.faultline.storage.sqlite.SqliteStore;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "apps",
        mixinStandardHelpOptions = true,
        description = "Create, list and change apps.",
        subcommands = {AppsCommand.Create.class, AppsCommand.ListApps.class, AppsCommand.Update.class})
public final class AppsCommand {

    /** The JSON printed for an app. */
    record AppOutput(
            long id,
            String name,
            long teamId,
            String apiKey,
            String appSecret,
            Instant createdAt,
            Integer rateLimitPerMinute) {
        static AppOutput of(App app) {
            return new AppOutput(
                    app.id(),
                    app.name(),
                    app.teamId(),
                    app.apiKey(),
                    app.appSecret(),
                    app.createdAt(),
                    app.rateLimitPerMinute());
        }
    }

    /** App Center's own limit: 60 crashes and handled errors per minute per app. */
    static final int APP_CENTER_RATE_LIMIT = 60;

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an app and print it as JSON.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "The app's name.")
        String name;

        @Option(names = "--api-key", description = "The Raygun API key its SDKs send (random when omitted).")
        String apiKey;

        @Option(
                names = "--app-secret",
                description = "The App Center app secret (a GUID) its SDKs send (random when omitted).")
        String appSecret;

        @Option(
                names = "--rate-limit",
                description = "The most reports accepted per minute, or 'appcenter' for App Center's 60"
                        + " (no limit when omitted).")
        String rateLimit;

        @Option(
                names = "--team",
                description = "The team (name or id) whose members see the app (the oldest team when omitted).")
        String team;

        @Override
        public Integer call() {
            if (name.isBlank()) {
                throw new IllegalArgumentException("--name must not be blank");
            }
            if (apiKey != null && apiKey.isBlank()) {
                throw new IllegalArgumentException("--api-key must not be blank");
            }
            if (appSecret != null && !GUID.matcher(appSecret.trim()).matches()) {
                throw new IllegalArgumentException(
                        "--app-secret must be a GUID such as 8e14e67c-7c91-40ac-8517-c62ece8424a6, got '" + appSecret
                                + "'");
            }
            Integer perMinute = rateLimit == null ? null : parseRateLimit(rateLimit);
            try (SqliteStore store = StoreCommand.open()) {
                String key = apiKey == null ? Tokens.newApiKey() : apiKey.trim();
                String secret = appSecret == null
                        ? UUID.randomUUID().toString()
                        : appSecret.trim().toLowerCase(Locale.ROOT);
                App app = team == null
                        ? store.createApp(name.trim(), key, secret)
                        : store.createApp(AccountOptions.team(store, team).id(), name.trim(), key, secret);
                if (perMinute != null) {
                    app = store.setRateLimit(app.id(), perMinute).orElseThrow();
                }
                StoreCommand.print(AppOutput.of(app));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print every app as a JSON array.")
    static final class ListApps implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Store store = StoreCommand.open()) {
                StoreCommand.print(store.apps().stream().map(AppOutput::of).toList());
            }
            return 0;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Change an app's settings.")
    static final class Update implements Callable<Integer> {
        @Option(names = "--id", required = true, description = "The app's id.")
        long id;

        @Option(
                names = "--rate-limit",
                required = true,
                description = "The most reports accepted per minute, 'appcenter' for App Center's 60, or 'off'.")
        String rateLimit;

        @Override
        public Integer call() {
            Integer perMinute = "off".equalsIgnoreCase(rateLimit.trim()) ? null : parseRateLimit(rateLimit);
            try (Store store = StoreCommand.open()) {
                App app = store.setRateLimit(id, perMinute)
                        .orElseThrow(() -> new IllegalArgumentException("app " + id + " does not exist"));
                StoreCommand.print(AppOutput.of(app));
            }
            return 0;
        }
    }

    /** A number of reports per minute, or the {@code appcenter} preset. */
    static int parseRateLimit(String value) {
        if ("appcenter".equalsIgnoreCase(value.trim())) {
            return APP_CENTER_RATE_LIMIT;
        }
        try {
            return positive(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--rate-limit must be a number, 'appcenter' or (for update) 'off', got '" + value + "'");
        }
    }

    private static int positive(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("--rate-limit must be at least 1");
        }
        return perMinute;
    }
}
