package dev.faultline.server.cli;

import dev.faultline.core.model.App;
import dev.faultline.core.store.Store;
import dev.faultline.server.api.Tokens;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "apps",
        mixinStandardHelpOptions = true,
        description = "Create, list and change apps.",
        subcommands = {AppsCommand.Create.class, AppsCommand.ListApps.class, AppsCommand.Update.class})
public final class AppsCommand {

    /** The JSON printed for an app. */
    record AppOutput(long id, String name, String apiKey, Instant createdAt, Integer rateLimitPerMinute) {
        static AppOutput of(App app) {
            return new AppOutput(app.id(), app.name(), app.apiKey(), app.createdAt(), app.rateLimitPerMinute());
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an app and print it as JSON.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "The app's name.")
        String name;

        @Option(names = "--api-key", description = "The Raygun API key its SDKs send (random when omitted).")
        String apiKey;

        @Option(names = "--rate-limit", description = "The most reports accepted per minute (no limit when omitted).")
        Integer rateLimit;

        @Override
        public Integer call() {
            if (name.isBlank()) {
                throw new IllegalArgumentException("--name must not be blank");
            }
            if (apiKey != null && apiKey.isBlank()) {
                throw new IllegalArgumentException("--api-key must not be blank");
            }
            try (Store store = StoreCommand.open()) {
                App app = store.createApp(name.trim(), apiKey == null ? Tokens.newApiKey() : apiKey.trim());
                if (rateLimit != null) {
                    app = store.setRateLimit(app.id(), positive(rateLimit)).orElseThrow();
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
                description = "The most reports accepted per minute, or 'off'.")
        String rateLimit;

        @Override
        public Integer call() {
            Integer perMinute = "off".equalsIgnoreCase(rateLimit.trim()) ? null : parse(rateLimit);
            try (Store store = StoreCommand.open()) {
                App app = store.setRateLimit(id, perMinute)
                        .orElseThrow(() -> new IllegalArgumentException("app " + id + " does not exist"));
                StoreCommand.print(AppOutput.of(app));
            }
            return 0;
        }

        private static Integer parse(String value) {
            try {
                return positive(Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--rate-limit must be a number or 'off', got '" + value + "'");
            }
        }
    }

    private static int positive(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("--rate-limit must be at least 1");
        }
        return perMinute;
    }
}
