package dev.faultline.server.web;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.Role;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.store.GroupChange;
import dev.faultline.core.store.GroupDetail.HourCount;
import dev.faultline.core.store.Page;
import dev.faultline.core.store.Store;
import dev.faultline.server.access.Access;
import dev.faultline.server.access.Principal;
import dev.faultline.server.triage.GroupFilters;
import dev.faultline.server.triage.Triage;
import dev.faultline.server.web.view.Buckets;
import dev.faultline.server.web.view.Option;
import dev.faultline.server.web.view.Sparkline;
import dev.faultline.server.web.view.StatusView;
import dev.faultline.server.web.view.TimeView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The error group lists: {@code /groups} across the user's apps and {@code /apps/{appId}/groups}
 * for one, with filters, sorts and keyset paging in the URL, and bulk triage. An htmx request
 * (the filter form, the next-page link) gets only the table, which the page swaps in.
 */
public final class GroupListPages {
    static final int PAGE_SIZE = 50;
    static final int MAX_BULK = 500;

    private final Store store;
    private final Access access;
    private final Triage triage;
    private final Assignees assignees;
    private final Pages pages;
    private final Clock clock;

    public GroupListPages(Store store, Accounts accounts, Access access, Triage triage, Pages pages, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.assignees = new Assignees(requireNonNull(accounts, "accounts"));
        this.access = requireNonNull(access, "access");
        this.triage = requireNonNull(triage, "triage");
        this.pages = requireNonNull(pages, "pages");
        this.clock = requireNonNull(clock, "clock");
    }

    public void register(RoutesConfig routes) {
        routes.get("/groups", ctx -> list(ctx, null));
        routes.get("/apps/{appId}/groups", ctx -> list(ctx, WebParams.pathId(ctx, "appId")));
        routes.post("/groups/bulk", this::bulk);
    }

    private void list(Context ctx, Long appId) {
        Principal principal = WebAuth.principal(ctx);
        List<App> apps = appId == null ? access.apps(principal) : List.of(access.app(principal, appId));
        FilterValues filters = FilterValues.from(ctx::queryParam);
        String path = appId == null ? "/groups" : "/apps/" + appId + "/groups";
        String cursor = blankToNull(ctx.queryParam("cursor"));
        Listing listing = new Listing(
                appId == null ? "Errors" : apps.getFirst().name(),
                path,
                appId == null ? null : apps.getFirst(),
                filters,
                QueryString.link(path, filters.with("cursor", cursor)),
                cursor != null ? QueryString.link(path, filters.params()) : null,
                canCreateApp(principal));
        ctx.header("Vary", "HX-Request");
        if (apps.isEmpty()) {
            render(ctx, 200, page(ctx, listing, List.of(), null, null, Empty.NO_APPS, List.of()));
            return;
        }
        GroupFilters parsed;
        try {
            parsed = GroupFilters.parse(ctx::queryParam, clock);
        } catch (IllegalArgumentException e) {
            render(ctx, 400, page(ctx, listing, List.of(), null, e.getMessage(), Empty.NONE, List.of()));
            return;
        }
        Page<Group> groups;
        try {
            groups = store.groups(parsed.query(ids(apps), cursor, PAGE_SIZE));
        } catch (IllegalArgumentException e) {
            String message = "This page link no longer works; start again from the first page.";
            render(ctx, 400, page(ctx, listing, List.of(), null, message, Empty.NONE, List.of()));
            return;
        }
        Empty empty = !groups.items().isEmpty()
                ? Empty.NONE
                : filters.any() || cursor != null ? Empty.NO_MATCHES : Empty.NO_GROUPS;
        String next = groups.next() == null ? null : QueryString.link(path, filters.with("cursor", groups.next()));
        List<Option> members =
                assignees.options(apps.stream().map(App::teamId).distinct().toList(), principal, null);
        List<GroupRow> rows = rows(groups.items(), apps, hourly(filters));
        render(ctx, 200, page(ctx, listing, rows, next, null, empty, members));
    }

    private GroupListPage page(
            Context ctx,
            Listing listing,
            List<GroupRow> rows,
            String next,
            String error,
            Empty empty,
            List<Option> members) {
        return new GroupListPage(
                pages.chrome(ctx, "groups"),
                listing,
                rows,
                next,
                error,
                empty,
                members,
                hourly(listing.filters()) ? "24 h" : "14 days");
    }

    /**
     * Only the table when htmx asks for it (not when it restores history: that needs the page).
     * htmx swaps in only successful answers, so a fragment that explains a bad filter is a 200.
     */
    private void render(Context ctx, int status, GroupListPage page) {
        boolean fragment = ctx.header("HX-Request") != null && ctx.header("HX-History-Restore-Request") == null;
        if (fragment) {
            pages.render(ctx, 200, "groupsTable.jte", page);
        } else {
            pages.render(ctx, status, "groups.jte", page);
        }
    }

    private List<GroupRow> rows(List<Group> groups, List<App> apps, boolean hourly) {
        Instant now = clock.instant();
        Buckets buckets = hourly ? Buckets.hours(now, 24) : Buckets.days(now, 14);
        Map<Long, List<HourCount>> counts = groups.isEmpty()
                ? Map.of()
                : store.hourly(groups.stream().map(Group::id).toList(), buckets.start());
        Map<Long, App> appsById = apps.stream().collect(Collectors.toMap(App::id, Function.identity()));
        Map<Long, String> emails = assignees.emails(
                groups.stream().map(Group::assigneeId).filter(id -> id != null).toList());
        List<GroupRow> rows = new ArrayList<>();
        for (Group group : groups) {
            App app = appsById.get(group.appId());
            List<String> versions = group.versions();
            rows.add(new GroupRow(
                    group.id(),
                    "/groups/" + group.id(),
                    group.className().isBlank() ? group.title() : group.className(),
                    group.message(),
                    app == null ? "" : app.name(),
                    "/apps/" + group.appId() + "/groups",
                    group.count(),
                    group.userCount(),
                    TimeView.of(group.firstSeen(), now),
                    TimeView.of(group.lastSeen(), now),
                    Sparkline.of(buckets, counts.getOrDefault(group.id(), List.of()), hourly ? "24 hours" : "14 days"),
                    StatusView.of(group),
                    group.assigneeId() == null ? null : emails.get(group.assigneeId()),
                    versions.subList(0, Math.min(3, versions.size())),
                    Math.max(0, versions.size() - 3)));
        }
        return List.copyOf(rows);
    }

    /** Hourly sparklines when the list looks at a day or less, daily ones otherwise. */
    private static boolean hourly(FilterValues filters) {
        return "1h".equals(filters.range()) || "24h".equals(filters.range());
    }

    private void bulk(Context ctx) {
        Principal principal = WebAuth.principal(ctx);
        String back = safeBack(ctx.formParam("back"));
        try {
            List<Long> ids = new ArrayList<>();
            for (String id : ctx.formParams("id")) {
                ids.add(WebParams.number(id, "a group id"));
            }
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("Select at least one group first.");
            }
            if (ids.size() > MAX_BULK) {
                throw new IllegalArgumentException("Select at most " + MAX_BULK + " groups at once.");
            }
            triage.change(principal, ids, change(ctx));
        } catch (IllegalArgumentException e) {
            pages.message(ctx, 400, "Nothing was changed", e.getMessage(), back, "Back to the list");
            return;
        }
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    private static GroupChange change(Context ctx) {
        String action = ctx.formParam("action");
        if ("assign".equals(action)) {
            String assignee = blankToNull(ctx.formParam("assignee"));
            return GroupChange.assign(assignee == null ? null : WebParams.number(assignee, "the assignee"));
        }
        if ("status".equals(action)) {
            String status = blankToNull(ctx.formParam("status"));
            if (status == null) {
                throw new IllegalArgumentException("Choose a status.");
            }
            return GroupChange.status(WebParams.status(status));
        }
        throw new IllegalArgumentException("Choose what to do with the selected groups.");
    }

    /** The list to go back to: one of the group lists, never another site. */
    static String safeBack(String back) {
        String local = WebAuth.safeNext(back);
        return local.startsWith("/groups") || local.matches("/apps/\\d+/groups.*") ? local : "/groups";
    }

    private static Set<Long> ids(List<App> apps) {
        return apps.stream().map(App::id).collect(Collectors.toUnmodifiableSet());
    }

    private static boolean canCreateApp(Principal principal) {
        return principal.seesEverything() || principal.teams().values().stream().anyMatch(role -> role == Role.ADMIN);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Why the table is empty, so that the page can say what to do. */
    public enum Empty {
        NONE,
        /** The user sees no app at all. */
        NO_APPS,
        /** No report has arrived yet. */
        NO_GROUPS,
        /** The filters leave nothing. */
        NO_MATCHES
    }

    /**
     * What the list is of.
     *
     * @param app the app of a per-app list, or null across apps
     * @param self this list's URL with its filters and cursor (the bulk form comes back here)
     * @param first the first page's URL when this is a later page, else null
     */
    public record Listing(
            String title, String path, App app, FilterValues filters, String self, String first, boolean canCreateApp) {

        /** Where the setup lines are. */
        public String setupHref() {
            return app == null ? "/apps" : "/apps/" + app.id() + "/settings#setup";
        }
    }

    /** The group list page (and, for htmx, its table fragment). */
    public record GroupListPage(
            Chrome chrome,
            Listing listing,
            List<GroupRow> rows,
            String next,
            String error,
            Empty empty,
            List<Option> assignees,
            String sparkPeriod) {

        public List<Option> statusOptions() {
            return FilterValues.options(
                    listing.filters().status(),
                    "",
                    "Any status",
                    "active",
                    "Active",
                    "resolved",
                    "Resolved",
                    "ignored",
                    "Ignored",
                    "permanently_ignored",
                    "Permanently ignored");
        }

        public List<Option> rangeOptions() {
            return FilterValues.options(
                    listing.filters().range(),
                    "",
                    "All time",
                    "1h",
                    "Last hour",
                    "24h",
                    "Last 24 hours",
                    "7d",
                    "Last 7 days",
                    "30d",
                    "Last 30 days",
                    "90d",
                    "Last 90 days");
        }

        public List<Option> sortOptions() {
            return FilterValues.options(
                    listing.filters().sort() == null
                            ? "last_seen"
                            : listing.filters().sort(),
                    "last_seen",
                    "Last seen",
                    "first_seen",
                    "First seen",
                    "count",
                    "Events",
                    "users",
                    "Users");
        }

        /** The statuses offered for bulk changes. */
        public List<Option> bulkStatuses() {
            List<Option> options = new ArrayList<>();
            for (GroupStatus status : GroupStatus.values()) {
                options.add(new Option(
                        status.code(), StatusView.of(status, null, false).label(), false));
            }
            return List.copyOf(options);
        }

        public boolean crossApp() {
            return listing.app() == null;
        }
    }

    /** One row of the table. */
    public record GroupRow(
            long id,
            String href,
            String type,
            String message,
            String appName,
            String appHref,
            long count,
            long users,
            TimeView firstSeen,
            TimeView lastSeen,
            Sparkline spark,
            StatusView status,
            String assignee,
            List<String> versions,
            int moreVersions) {}
}
