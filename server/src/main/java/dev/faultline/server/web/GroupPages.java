package dev.faultline.server.web;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.store.Activity;
import dev.faultline.core.store.GroupChange;
import dev.faultline.core.store.GroupDetail;
import dev.faultline.core.store.Page;
import dev.faultline.core.store.Store;
import dev.faultline.core.store.StoredEvent;
import dev.faultline.server.access.Access;
import dev.faultline.server.access.Principal;
import dev.faultline.server.http.JsonResponses;
import dev.faultline.server.triage.Triage;
import dev.faultline.server.web.GroupPage.ActivityView;
import dev.faultline.server.web.GroupPage.Breakdown;
import dev.faultline.server.web.GroupPage.BreakdownRow;
import dev.faultline.server.web.GroupPage.Header;
import dev.faultline.server.web.GroupPage.TriagePanel;
import dev.faultline.server.web.GroupPage.UsersPage;
import dev.faultline.server.web.view.Buckets;
import dev.faultline.server.web.view.Option;
import dev.faultline.server.web.view.StatusView;
import dev.faultline.server.web.view.TimeView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The group page ({@code /groups/{id}}), its chart data, its affected users, and its triage
 * actions (status, assignment, comments). Every action goes through {@link Triage} and comes back
 * to the page; a form that cannot be applied shows the page again with the reason (400).
 */
public final class GroupPages {
    static final int USERS_SHOWN = 20;
    static final int USERS_PAGE = 200;
    static final int VERSIONS_SHOWN = 30;
    static final String DEFAULT_RANGE = "7d";
    private static final Map<String, String> RANGES =
            Map.of("24h", "24 hours", "7d", "7 days", "30d", "30 days", "90d", "90 days");

    private final Store store;
    private final Access access;
    private final Triage triage;
    private final Assignees assignees;
    private final EventSections events;
    private final Pages pages;
    private final Clock clock;

    public GroupPages(Store store, Accounts accounts, Access access, Triage triage, Pages pages, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.assignees = new Assignees(requireNonNull(accounts, "accounts"));
        this.access = requireNonNull(access, "access");
        this.triage = requireNonNull(triage, "triage");
        this.pages = requireNonNull(pages, "pages");
        this.clock = requireNonNull(clock, "clock");
        this.events = new EventSections(store, access);
    }

    public void register(RoutesConfig routes) {
        routes.get("/groups/{groupId}", ctx -> show(ctx, 200, null));
        routes.get("/groups/{groupId}/chart.json", this::chart);
        routes.get("/groups/{groupId}/users", this::users);
        routes.post("/groups/{groupId}/status", ctx -> act(ctx, () -> changeStatus(ctx)));
        routes.post("/groups/{groupId}/assign", ctx -> act(ctx, () -> assign(ctx)));
        routes.post(
                "/groups/{groupId}/comments",
                ctx -> act(
                        ctx,
                        () -> triage.comment(
                                WebAuth.principal(ctx), WebParams.pathId(ctx, "groupId"), ctx.formParam("text"))));
        events.register(routes);
    }

    private void show(Context ctx, int status, String error) {
        Principal principal = WebAuth.principal(ctx);
        long groupId = WebParams.pathId(ctx, "groupId");
        GroupDetail detail = access.group(principal, groupId);
        Group group = detail.group();
        App app = access.app(principal, group.appId());
        String range = ctx.queryParam("range") == null ? DEFAULT_RANGE : ctx.queryParam("range");
        if (!RANGES.containsKey(range)) {
            error = "The chart shows 24h, 7d, 30d or 90d; showing " + RANGES.get(DEFAULT_RANGE) + ".";
            range = DEFAULT_RANGE;
            status = 400;
        }
        Instant now = clock.instant();
        String eventParam = ctx.queryParam("event");
        Optional<StoredEvent> event = eventParam == null
                ? store.latestEvent(groupId).map(id -> access.event(principal, id))
                : Optional.of(events.eventOfGroup(principal, groupId, eventParam));
        Page<String> users = store.affectedUsers(groupId, null, USERS_SHOWN);
        String base = "/groups/" + groupId;
        Long assignee = group.assigneeId();
        pages.render(
                ctx,
                status,
                "group.jte",
                new GroupPage(
                        pages.chrome(ctx, "groups"),
                        header(group, app, now),
                        ranges(base, eventParam, range),
                        base + "/chart.json?range=" + range,
                        event.map(stored -> events.section(stored, base, eventParam == null, now))
                                .orElse(null),
                        breakdowns(detail),
                        users.items(),
                        users.next() == null ? null : base + "/users",
                        new TriagePanel(
                                statusOptions(group),
                                group.resolvedInVersion(),
                                group.discardNew(),
                                assignees.options(List.of(app.teamId()), principal, assignee)),
                        activity(triage.activity(principal, groupId), now),
                        error));
    }

    private Header header(Group group, App app, Instant now) {
        String assignee = group.assigneeId() == null
                ? null
                : assignees.emails(List.of(group.assigneeId())).get(group.assigneeId());
        List<String> versions = group.versions();
        return new Header(
                group.id(),
                group.className().isBlank() ? group.title() : group.className(),
                group.message(),
                app.name(),
                "/apps/" + app.id() + "/groups",
                StatusView.of(group),
                group.count(),
                group.userCount(),
                TimeView.of(group.firstSeen(), now),
                TimeView.of(group.lastSeen(), now),
                versions.subList(0, Math.min(VERSIONS_SHOWN, versions.size())),
                assignee);
    }

    private static List<Option> ranges(String base, String event, String current) {
        List<Option> links = new ArrayList<>();
        for (String range : List.of("24h", "7d", "30d", "90d")) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("event", event);
            params.put("range", range);
            links.add(new Option(QueryString.link(base, params), RANGES.get(range), range.equals(current)));
        }
        return List.copyOf(links);
    }

    private static List<Breakdown> breakdowns(GroupDetail detail) {
        long total = Math.max(1, detail.group().count());
        List<Breakdown> breakdowns = new ArrayList<>();
        breakdowns.add(new Breakdown(
                "versions",
                "Versions",
                detail.versions().stream()
                        .map(version -> row(version.version(), version.count(), total))
                        .toList()));
        breakdowns.add(breakdown("os", "Operating systems", detail.operatingSystems(), total));
        breakdowns.add(breakdown("devices", "Devices", detail.devices(), total));
        breakdowns.add(breakdown("tags", "Tags", detail.tags(), total));
        return breakdowns.stream().filter(b -> !b.rows().isEmpty()).toList();
    }

    private static Breakdown breakdown(String id, String title, List<GroupDetail.Count> counts, long total) {
        return new Breakdown(
                id,
                title,
                counts.stream()
                        .map(count -> row(count.value(), count.count(), total))
                        .toList());
    }

    private static BreakdownRow row(String value, long count, long total) {
        double share = 100.0 * count / total;
        String percent =
                share >= 10 || share == 0 ? Math.round(share) + " %" : String.format(Locale.ROOT, "%.1f %%", share);
        return new BreakdownRow(value == null ? "(none)" : value, count, total, percent);
    }

    private static List<Option> statusOptions(Group group) {
        String current = group.status() == GroupStatus.RESOLVED && group.resolvedInVersion() != null
                ? "resolved_in_version"
                : group.status().code();
        return FilterValues.options(
                current,
                "active",
                "Active",
                "resolved",
                "Resolved",
                "resolved_in_version",
                "Resolved in version…",
                "ignored",
                "Ignored",
                "permanently_ignored",
                "Permanently ignored");
    }

    private List<ActivityView> activity(List<Activity> history, Instant now) {
        Map<Long, String> emails = assignees.emails(history.stream()
                .map(Activity::assigneeId)
                .filter(id -> id != null)
                .toList());
        List<ActivityView> views = new ArrayList<>();
        for (Activity entry : history) {
            String actor = entry.actorName() != null ? entry.actorName() : "Faultline";
            String text = switch (entry.kind()) {
                case STATUS_CHANGED ->
                    "set the status to "
                            + StatusView.of(entry.status(), entry.resolvedInVersion(), false)
                                    .label();
                case ASSIGNED ->
                    entry.assigneeId() == null
                            ? "unassigned it"
                            : "assigned it to " + emails.getOrDefault(entry.assigneeId(), "user " + entry.assigneeId());
                case COMMENTED -> "commented";
                case REGRESSED ->
                    "Regression: a new report"
                            + (entry.text() == null ? "" : " from version " + entry.text())
                            + " reopened it";
            };
            views.add(new ActivityView(
                    entry.kind().code(),
                    TimeView.of(entry.at(), now),
                    actor,
                    text,
                    entry.kind() == Activity.Kind.COMMENTED ? entry.text() : null));
        }
        return List.copyOf(views);
    }

    /** Runs a triage action and goes back to the page, or shows the page with the reason. */
    private void act(Context ctx, Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException e) {
            show(ctx, 400, e.getMessage());
            return;
        }
        ctx.redirect("/groups/" + WebParams.pathId(ctx, "groupId"), HttpStatus.SEE_OTHER);
    }

    private void changeStatus(Context ctx) {
        String status = GroupListPages.blankToNull(ctx.formParam("status"));
        String version = GroupListPages.blankToNull(ctx.formParam("version"));
        GroupChange change;
        if (status == null) {
            throw new IllegalArgumentException("Choose a status.");
        } else if ("resolved_in_version".equals(status)) {
            if (version == null) {
                throw new IllegalArgumentException("Enter the version the fix ships in.");
            }
            change = GroupChange.resolvedIn(version);
        } else if ("permanently_ignored".equals(status)) {
            change = new GroupChange(
                    GroupStatus.PERMANENTLY_IGNORED, null, ctx.formParam("discard") != null, false, null);
        } else {
            change = GroupChange.status(WebParams.status(status));
        }
        triage.change(WebAuth.principal(ctx), List.of(WebParams.pathId(ctx, "groupId")), change);
    }

    private void assign(Context ctx) {
        String assignee = GroupListPages.blankToNull(ctx.formParam("assignee"));
        triage.change(
                WebAuth.principal(ctx),
                List.of(WebParams.pathId(ctx, "groupId")),
                GroupChange.assign(assignee == null ? null : WebParams.number(assignee, "The assignee")));
    }

    /**
     * Occurrences over the chosen range, zero-filled: hourly buckets up to 7 days, daily beyond.
     * {@code {"times": [epoch seconds of each bucket's start], "counts": [...], "bucket": "hour"}}.
     */
    private void chart(Context ctx) {
        Principal principal = WebAuth.principal(ctx);
        long groupId = WebParams.pathId(ctx, "groupId");
        access.group(principal, groupId);
        String range = ctx.queryParam("range") == null ? DEFAULT_RANGE : ctx.queryParam("range");
        Instant now = clock.instant();
        Buckets buckets = switch (range) {
            case "24h" -> Buckets.hours(now, 24);
            case "7d" -> Buckets.hours(now, 7 * 24);
            case "30d" -> Buckets.days(now, 30);
            case "90d" -> Buckets.days(now, 90);
            default -> null;
        };
        if (buckets == null) {
            JsonResponses.error(
                    ctx, 400, "invalid_range", "range must be one of 24h, 7d, 30d, 90d, got '" + range + "'");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("range", range);
        body.put("bucket", buckets.hourly() ? "hour" : "day");
        body.put("times", buckets.times());
        body.put("counts", buckets.fill(store.hourly(groupId, buckets.start(), buckets.end())));
        JsonResponses.json(ctx, 200, body);
    }

    private void users(Context ctx) {
        Principal principal = WebAuth.principal(ctx);
        long groupId = WebParams.pathId(ctx, "groupId");
        Group group = access.group(principal, groupId).group();
        String cursor = GroupListPages.blankToNull(ctx.queryParam("cursor"));
        String title = group.className().isBlank() ? group.title() : group.className();
        Page<String> users;
        try {
            users = store.affectedUsers(groupId, cursor, USERS_PAGE);
        } catch (IllegalArgumentException e) {
            pages.render(
                    ctx,
                    400,
                    "groupUsers.jte",
                    new UsersPage(
                            pages.chrome(ctx, "groups"),
                            groupId,
                            title,
                            List.of(),
                            null,
                            "This page link no longer works; start again from the first page."));
            return;
        }
        String next = users.next() == null
                ? null
                : "/groups/" + groupId + "/users?cursor=" + QueryString.encode(users.next());
        pages.render(
                ctx,
                "groupUsers.jte",
                new UsersPage(pages.chrome(ctx, "groups"), groupId, title, users.items(), next, null));
    }
}
