package dev.faultline.server.web;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.Team;
import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Versions;
import dev.faultline.core.store.DropCounter;
import dev.faultline.core.store.SessionDay;
import dev.faultline.core.store.Store;
import dev.faultline.server.access.Access;
import dev.faultline.server.access.NotFoundException;
import dev.faultline.server.access.Principal;
import dev.faultline.server.api.Tokens;
import dev.faultline.server.web.view.SetupLine;
import dev.faultline.server.web.view.TimeView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * An app's settings page: name, keys with setup lines, key rotation, rate limit, retention,
 * dropped-report counts and crash-free rates. Team members see it read-only; only the team's
 * admins (and instance administrators) may change anything, others get 403.
 */
public final class AppSettingsPages {
    static final int MAX_RATE_LIMIT = 1_000_000;
    static final int MAX_RETENTION_DAYS = 36_500;
    private static final Map<String, String> NOTICES = Map.of(
            "name", "The app was renamed.",
            "rate-limit", "The rate limit was saved.",
            "retention", "The retention was saved.",
            "api-key", "A new API key was made. Put it in your apps; the old one keeps working until it expires.",
            "app-secret",
                    "A new app secret was made. Put it in your apps; the old one keeps working until it expires.");

    private final Store store;
    private final Accounts accounts;
    private final Access access;
    private final DropCounter drops;
    private final Pages pages;
    private final Clock clock;
    private final String publicUrl;
    private final Duration keyGrace;

    /**
     * @param publicUrl the address users reach the server at, for the setup lines; null to use the
     *     address the browser asked for
     * @param keyGrace how long a rotated-out key keeps working
     */
    public AppSettingsPages(
            Store store,
            Accounts accounts,
            Access access,
            DropCounter drops,
            Pages pages,
            Clock clock,
            String publicUrl,
            Duration keyGrace) {
        this.store = requireNonNull(store, "store");
        this.accounts = requireNonNull(accounts, "accounts");
        this.access = requireNonNull(access, "access");
        this.drops = requireNonNull(drops, "drops");
        this.pages = requireNonNull(pages, "pages");
        this.clock = requireNonNull(clock, "clock");
        this.publicUrl = publicUrl;
        this.keyGrace = requireNonNull(keyGrace, "keyGrace");
    }

    public void register(RoutesConfig routes) {
        routes.get("/apps/{appId}/settings", ctx -> show(ctx, 200, null));
        routes.post(
                "/apps/{appId}/name",
                ctx -> change(ctx, "name", (app, form) -> {
                    String name = form.strip();
                    String problem = AppPages.nameProblem(name);
                    if (problem != null) {
                        throw new IllegalArgumentException(problem);
                    }
                    return store.renameApp(app.id(), name);
                }));
        routes.post(
                "/apps/{appId}/rate-limit",
                ctx -> change(
                        ctx,
                        "rate-limit",
                        (app, form) -> store.setRateLimit(
                                app.id(),
                                optionalNumber(form, MAX_RATE_LIMIT, "The rate limit", "reports per minute"))));
        routes.post(
                "/apps/{appId}/retention",
                ctx -> change(
                        ctx,
                        "retention",
                        (app, form) -> store.setRetention(
                                app.id(), optionalNumber(form, MAX_RETENTION_DAYS, "The retention", "days"))));
        routes.post(
                "/apps/{appId}/rotate-api-key",
                ctx -> change(
                        ctx,
                        "api-key",
                        (app, form) -> store.rotateApiKey(
                                app.id(), Tokens.newApiKey(), clock.instant().plus(keyGrace))));
        routes.post(
                "/apps/{appId}/rotate-app-secret",
                ctx -> change(
                        ctx,
                        "app-secret",
                        (app, form) -> store.rotateAppSecret(
                                app.id(),
                                UUID.randomUUID().toString(),
                                clock.instant().plus(keyGrace))));
    }

    /**
     * Applies one change for a team admin and comes back to the page with a notice, or shows the
     * page with the reason (400).
     *
     * @param what the change's name, which is also the form field read and the notice shown
     */
    private void change(Context ctx, String what, BiFunction<App, String, Optional<App>> apply) {
        Principal principal = WebAuth.principal(ctx);
        App app = access.managedApp(principal, WebParams.pathId(ctx, "appId"));
        String value = ctx.formParam(what);
        try {
            apply.apply(app, value == null ? "" : value).orElseThrow(() -> new NotFoundException("app " + app.id()));
        } catch (IllegalArgumentException e) {
            show(ctx, 400, e.getMessage());
            return;
        }
        ctx.redirect("/apps/" + app.id() + "/settings?saved=" + what, HttpStatus.SEE_OTHER);
    }

    /** A whole number from 1 to {@code max}, or null for an empty field. */
    static Integer optionalNumber(String value, int max, String what, String unit) {
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number >= 1 && number <= max) {
            return number;
        }
        throw new IllegalArgumentException(
                what + " must be a whole number of " + unit + " from 1 to " + max + ", or empty for none.");
    }

    private void show(Context ctx, int status, String error) {
        Principal principal = WebAuth.principal(ctx);
        App app = access.app(principal, WebParams.pathId(ctx, "appId"));
        Instant now = clock.instant();
        String team = accounts.team(app.teamId()).map(Team::name).orElse("");
        String baseUrl = Links.baseUrl(ctx, publicUrl);
        drops.flush(); // so that what this process counted a moment ago shows at once
        List<DropRow> dropRows = new ArrayList<>();
        store.drops(app.id())
                .forEach((reason, count) -> dropRows.add(new DropRow(reason.code(), label(reason), count)));
        dropRows.sort(Comparator.comparingLong(DropRow::count).reversed());
        pages.render(
                ctx,
                status,
                "appSettings.jte",
                new AppSettingsPage(
                        pages.chrome(ctx, "apps"),
                        app,
                        team,
                        principal.canManage(app),
                        baseUrl,
                        SetupLine.all(baseUrl, app.apiKey(), app.appSecret()),
                        store.retiredKeys(app.id()).stream()
                                .map(key -> new RetiredKeyView(
                                        Store.RetiredKey.API_KEY.equals(key.kind()) ? "API key" : "App secret",
                                        key.key(),
                                        TimeView.exact(key.expires()),
                                        key.expires().toString()))
                                .toList(),
                        hours(keyGrace),
                        List.copyOf(dropRows),
                        crashFree(store.sessions(app.id(), null)),
                        "/apps/" + app.id() + "/groups",
                        error == null ? NOTICES.get(String.valueOf(ctx.queryParam("saved"))) : null,
                        error,
                        TimeView.of(app.createdAt(), now)));
    }

    static String hours(Duration duration) {
        long hours = duration.toHours();
        return hours == 1 ? "1 hour" : hours + " hours";
    }

    static String label(DropReason reason) {
        return switch (reason) {
            case INVALID_JSON -> "Not JSON";
            case INVALID_REPORT -> "Invalid Raygun report";
            case INVALID_LOG -> "Invalid App Center log";
            case TIMESTAMP_OUT_OF_RANGE -> "Timestamp out of range";
            case TOO_LARGE -> "Too large";
            case MISSING_KEY -> "No key";
            case UNKNOWN_KEY -> "Unknown key";
            case RATE_LIMITED -> "Rate limited";
            case OVERLOADED -> "Server overloaded";
            case STORAGE_ERROR -> "Storage error";
            case DISCARDED -> "Discarded (permanently ignored group)";
        };
    }

    /** Sessions per version summed over the days, newest version first. */
    static List<CrashFreeRow> crashFree(List<SessionDay> days) {
        Map<String, long[]> byVersion =
                new TreeMap<>((a, b) -> Versions.compare(b, a) != 0 ? Versions.compare(b, a) : b.compareTo(a));
        for (SessionDay day : days) {
            long[] sums = byVersion.computeIfAbsent(day.version() == null ? "" : day.version(), v -> new long[4]);
            sums[0] += day.sessions();
            sums[1] += day.crashedSessions();
            sums[2] += day.users();
            sums[3] += day.crashedUsers();
        }
        List<CrashFreeRow> rows = new ArrayList<>();
        byVersion.forEach((version, sums) -> rows.add(new CrashFreeRow(
                version, sums[0], sums[1], rate(sums[1], sums[0]), sums[2], sums[3], rate(sums[3], sums[2]))));
        return List.copyOf(rows);
    }

    static String rate(long crashed, long all) {
        if (all == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f %%", 100.0 * (all - crashed) / all);
    }

    /**
     * The settings page.
     *
     * @param canManage whether the viewer may change anything (forms are shown only then)
     * @param baseUrl the address the setup lines point at
     * @param keyGrace how long a rotated-out key keeps working, in words
     * @param notice what the last change did, or null
     */
    public record AppSettingsPage(
            Chrome chrome,
            App app,
            String team,
            boolean canManage,
            String baseUrl,
            List<SetupLine> setupLines,
            List<RetiredKeyView> retiredKeys,
            String keyGrace,
            List<DropRow> drops,
            List<CrashFreeRow> crashFree,
            String groupsHref,
            String notice,
            String error,
            TimeView created) {

        public long dropTotal() {
            return drops.stream().mapToLong(DropRow::count).sum();
        }

        public String rateLimit() {
            return app.rateLimitPerMinute() == null
                    ? ""
                    : app.rateLimitPerMinute().toString();
        }

        public String retention() {
            return app.retentionDays() == null ? "" : app.retentionDays().toString();
        }
    }

    /** A rotated-out key that still works until {@code expires}. */
    public record RetiredKeyView(String kind, String key, String expires, String expiresIso) {}

    /** Reports dropped for one reason. */
    public record DropRow(String code, String label, long count) {}

    /** Crash-free sessions and users of one version, over every day counted. */
    public record CrashFreeRow(
            String version,
            long sessions,
            long crashedSessions,
            String crashFreeSessions,
            long users,
            long crashedUsers,
            String crashFreeUsers) {}
}
