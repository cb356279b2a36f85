package dev.faultline.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.account.Accounts;
import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.store.Attachment;
import dev.faultline.core.store.AttachmentContent;
import dev.faultline.core.store.DropCounter;
import dev.faultline.core.store.EventSummary;
import dev.faultline.core.store.Page;
import dev.faultline.core.store.SessionDay;
import dev.faultline.core.store.Store;
import dev.faultline.core.store.StoredEvent;
import dev.faultline.server.access.Access;
import dev.faultline.server.access.Principal;
import dev.faultline.server.api.Views.AppView;
import dev.faultline.server.api.Views.AttachmentView;
import dev.faultline.server.api.Views.EventView;
import dev.faultline.server.api.Views.GroupDetailView;
import dev.faultline.server.api.Views.GroupView;
import dev.faultline.server.api.Views.PageView;
import dev.faultline.server.api.Views.SessionDayView;
import dev.faultline.server.http.JsonResponses;
import dev.faultline.server.triage.GroupFilters;
import dev.faultline.server.triage.Triage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The REST API under {@code /api/v1}. Every route needs {@code Authorization: Bearer <token>} and
 * reads through {@link Access} as the token's principal, so that what another team has answers 404
 * exactly as what does not exist; errors use the same body shape as the ingest endpoints.
 */
public final class ApiRoutes {
    private final Store store;
    private final Accounts accounts;
    private final Access access;
    private final DropCounter drops;
    private final int maxPage;
    private final Clock clock;
    private final ApiAuth auth;
    private final TriageRoutes triage;

    public ApiRoutes(
            Store store, Accounts accounts, Access access, Triage triage, DropCounter drops, int maxPage, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.accounts = requireNonNull(accounts, "accounts");
        this.access = requireNonNull(access, "access");
        this.drops = requireNonNull(drops, "drops");
        this.maxPage = maxPage;
        this.clock = requireNonNull(clock, "clock");
        this.auth = new ApiAuth(accounts);
        this.triage = new TriageRoutes(accounts, requireNonNull(triage, "triage"));
    }

    public void register(RoutesConfig routes) {
        routes.before("/api/*", auth::authenticate);
        routes.get("/api/v1/apps", this::apps);
        routes.get("/api/v1/apps/{appId}/groups", this::appGroups);
        routes.get("/api/v1/apps/{appId}/drops", this::drops);
        routes.get("/api/v1/apps/{appId}/sessions", this::sessions);
        routes.get("/api/v1/drops/unattributed", this::unattributedDrops);
        routes.get("/api/v1/groups", this::groups);
        routes.get("/api/v1/groups/{groupId}", this::group);
        routes.get("/api/v1/groups/{groupId}/events", this::events);
        triage.register(routes);
        routes.get("/api/v1/events/{eventId}", this::event);
        routes.get("/api/v1/events/{eventId}/payload", this::payload);
        routes.get("/api/v1/events/{eventId}/attachments/{attachmentId}", this::attachment);
        routes.exception(
                ApiException.class, (e, ctx) -> JsonResponses.error(ctx, e.status(), e.code(), e.getMessage()));
    }

    private void apps(Context ctx) {
        ok(ctx, access.apps(ApiAuth.principal(ctx)).stream().map(AppView::of).toList());
    }

    private void appGroups(Context ctx) {
        App app = access.app(ApiAuth.principal(ctx), Params.id(ctx, "appId"));
        listGroups(ctx, Set.of(app.id()));
    }

    /** Groups across apps: those named by repeated {@code app} parameters, or every app visible. */
    private void groups(Context ctx) {
        Principal principal = ApiAuth.principal(ctx);
        List<String> named = ctx.queryParams("app");
        Set<Long> appIds;
        if (named.isEmpty()) {
            appIds = access.appIds(principal);
        } else {
            appIds = new LinkedHashSet<>();
            for (String value : named) {
                appIds.add(access.app(principal, Params.number("app", value)).id());
            }
        }
        listGroups(ctx, appIds);
    }

    private void listGroups(Context ctx, Set<Long> appIds) {
        GroupFilters filters;
        try {
            filters = GroupFilters.parse(name -> param(ctx, name), clock);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        int limit = Params.limit(ctx, maxPage);
        if (appIds.isEmpty()) {
            ok(ctx, new PageView<>(List.of(), null));
            return;
        }
        Page<Group> page = withCursor(() -> store.groups(filters.query(appIds, ctx.queryParam("cursor"), limit)));
        Emails emails = new Emails(accounts);
        ok(
                ctx,
                new PageView<>(
                        page.items().stream()
                                .map(group -> GroupView.of(group, emails))
                                .toList(),
                        page.next()));
    }

    /** A query parameter, with the sort names of the API's first version still accepted. */
    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if ("sort".equals(name) && value != null) {
            return switch (value.strip()) {
                case "lastSeen" -> "last_seen";
                case "firstSeen" -> "first_seen";
                default -> value;
            };
        }
        return value;
    }

    private void drops(Context ctx) {
        App app = access.app(ApiAuth.principal(ctx), Params.id(ctx, "appId"));
        ok(ctx, dropCounts(app.id()));
    }

    /**
     * Reports refused before any app was known (no key, or an unknown one) are counted under app 0;
     * they belong to no team, so only a principal that sees every app sees them.
     */
    private void unattributedDrops(Context ctx) {
        if (!ApiAuth.principal(ctx).seesEverything()) {
            throw new ApiException(
                    404,
                    "not_found",
                    "unattributed drops are shown to instance administrators and instance-wide tokens only");
        }
        ok(ctx, dropCounts(0));
    }

    private Map<String, Object> dropCounts(long appId) {
        drops.flush(); // so that what this process counted a moment ago shows at once
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<DropReason, Long> entry : store.drops(appId).entrySet()) {
            counts.put(entry.getKey().code(), entry.getValue());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appId", appId);
        body.put("drops", counts);
        body.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
        return body;
    }

    private void sessions(Context ctx) {
        App app = access.app(ApiAuth.principal(ctx), Params.id(ctx, "appId"));
        String version = ctx.queryParam("version");
        List<SessionDay> days = store.sessions(app.id(), version == null || version.isBlank() ? null : version);
        ok(ctx, days.stream().map(SessionDayView::of).toList());
    }

    private void group(Context ctx) {
        ok(
                ctx,
                GroupDetailView.of(
                        access.group(ApiAuth.principal(ctx), Params.id(ctx, "groupId")), new Emails(accounts)));
    }

    private void events(Context ctx) {
        long groupId = access.group(ApiAuth.principal(ctx), Params.id(ctx, "groupId"))
                .group()
                .id();
        String cursor = ctx.queryParam("cursor");
        int limit = Params.limit(ctx, maxPage);
        Page<EventSummary> page = withCursor(() -> store.events(groupId, cursor, limit));
        ok(ctx, new PageView<>(page.items().stream().map(EventView::of).toList(), page.next()));
    }

    private void event(Context ctx) {
        StoredEvent event = access.event(ApiAuth.principal(ctx), Params.id(ctx, "eventId"));
        byte[] original = event.payload().decompress();
        Object payload;
        try {
            JsonNode tree = JsonResponses.mapper().readTree(original);
            payload = tree == null ? new String(original, StandardCharsets.UTF_8) : tree;
        } catch (IOException e) {
            payload = new String(original, StandardCharsets.UTF_8);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id());
        body.put("appId", event.appId());
        body.put("groupId", event.groupId());
        body.put("protocol", event.protocol());
        body.put("receivedAt", event.receivedAt());
        body.put("report", StoredReports.report(event).orElse(null));
        body.put("payload", payload);
        List<Attachment> attachments = event.logId() == null ? List.of() : store.attachments(event.id());
        body.put("minidump", attachments.stream().anyMatch(Attachment::minidump));
        body.put(
                "attachments",
                attachments.stream()
                        .map(attachment -> AttachmentView.of(event.id(), attachment))
                        .toList());
        ok(ctx, body);
    }

    /**
     * An attachment's content, always as a download of {@code application/octet-stream}: its
     * declared type comes from the client and could be {@code text/html}, which a browser would
     * otherwise render on the dashboard's origin.
     */
    private void attachment(Context ctx) {
        long eventId =
                access.event(ApiAuth.principal(ctx), Params.id(ctx, "eventId")).id();
        String attachmentId = ctx.pathParam("attachmentId");
        AttachmentContent content = store.attachment(eventId, attachmentId)
                .orElseThrow(() -> ApiException.notFound("attachment " + attachmentId + " of event " + eventId));
        ctx.header(
                "Content-Disposition",
                Downloads.contentDisposition(content.attachment().fileName(), attachmentId));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header(
                "X-Declared-Content-Type",
                Downloads.headerSafe(content.attachment().contentType()));
        ctx.contentType("application/octet-stream").result(content.data());
    }

    private void payload(Context ctx) {
        StoredEvent event = access.event(ApiAuth.principal(ctx), Params.id(ctx, "eventId"));
        ctx.header("Content-Disposition", "attachment; filename=\"event-" + event.id() + ".json\"");
        ctx.contentType("application/json").result(event.payload().decompress());
    }

    /** Runs a paged read; a cursor the store cannot read is the client's error. */
    private static <T> Page<T> withCursor(Supplier<Page<T>> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("cursor is not valid: pass the 'next' value of the previous page");
        }
    }

    static void ok(Context ctx, Object body) {
        JsonResponses.json(ctx, 200, body);
    }
}
