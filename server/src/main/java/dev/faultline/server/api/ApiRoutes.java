package dev.faultline.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.model.Group;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.store.Attachment;
import dev.faultline.core.store.AttachmentContent;
import dev.faultline.core.store.DropCounter;
import dev.faultline.core.store.EventSummary;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.core.store.Page;
import dev.faultline.core.store.SessionDay;
import dev.faultline.core.store.Store;
import dev.faultline.core.store.StoredEvent;
import dev.faultline.server.api.Views.AppView;
import dev.faultline.server.api.Views.AttachmentView;
import dev.faultline.server.api.Views.EventView;
import dev.faultline.server.api.Views.GroupDetailView;
import dev.faultline.server.api.Views.GroupView;
import dev.faultline.server.api.Views.PageView;
import dev.faultline.server.api.Views.SessionDayView;
import dev.faultline.server.http.JsonResponses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The read side of the REST API under {@code /api/v1}. Every route needs {@code Authorization:
 * Bearer <token>}; errors use the same body shape as the ingest endpoints.
 */
public final class ApiRoutes {
    private static final int DEFAULT_PAGE = 50;

    private final Store store;
    private final DropCounter drops;
    private final int maxPage;
    private final Map<String, Boolean> knownTokens = new ConcurrentHashMap<>();

    public ApiRoutes(Store store, DropCounter drops, int maxPage) {
        this.store = requireNonNull(store, "store");
        this.drops = requireNonNull(drops, "drops");
        this.maxPage = maxPage;
    }

    public void register(RoutesConfig routes) {
        routes.before("/api/*", this::authenticate);
        routes.get(
                "/api/v1/apps",
                ctx -> ok(ctx, store.apps().stream().map(AppView::of).toList()));
        routes.get("/api/v1/apps/{appId}/groups", this::groups);
        routes.get("/api/v1/apps/{appId}/drops", this::drops);
        routes.get("/api/v1/drops/unattributed", this::unattributedDrops);
        routes.get("/api/v1/groups/{groupId}", this::group);
        routes.get("/api/v1/groups/{groupId}/events", this::events);
        routes.get("/api/v1/events/{eventId}", this::event);
        routes.get("/api/v1/events/{eventId}/payload", this::payload);
        routes.get("/api/v1/events/{eventId}/attachments/{attachmentId}", this::attachment);
        routes.get("/api/v1/apps/{appId}/sessions", this::sessions);
        routes.exception(
                ApiException.class, (e, ctx) -> JsonResponses.error(ctx, e.status(), e.code(), e.getMessage()));
    }

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        String prefix = "bearer ";
        if (header == null || !header.regionMatches(true, 0, prefix, 0, prefix.length())) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "unauthorized", "send an API token as 'Authorization: Bearer <token>'");
        }
        String hash = Tokens.hash(header.substring(prefix.length()).trim());
        if (knownTokens.containsKey(hash)) {
            return;
        }
        if (!store.tokenExists(hash)) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new ApiException(401, "unauthorized", "the API token is not valid");
        }
        knownTokens.put(hash, Boolean.TRUE);
    }

    private void groups(Context ctx) {
        long appId = requireApp(ctx);
        GroupStatus status = parseStatus(ctx.queryParam("status"));
        GroupQuery.Sort sort = parseSort(ctx.queryParam("sort"));
        GroupQuery query = new GroupQuery(appId, status, sort, ctx.queryParam("cursor"), limit(ctx));
        Page<Group> page = withCursor(() -> store.groups(query));
        ok(ctx, new PageView<>(page.items().stream().map(GroupView::of).toList(), page.next()));
    }

    private void drops(Context ctx) {
        ok(ctx, dropCounts(requireApp(ctx)));
    }

    /** Reports refused before any app was known (no key, or an unknown one) are counted under app 0. */
    private void unattributedDrops(Context ctx) {
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

    private void group(Context ctx) {
        long groupId = id(ctx, "groupId");
        ok(ctx, GroupDetailView.of(store.group(groupId).orElseThrow(() -> ApiException.notFound("group " + groupId))));
    }

    private void events(Context ctx) {
        long groupId = id(ctx, "groupId");
        String cursor = ctx.queryParam("cursor");
        int limit = limit(ctx);
        Page<EventSummary> page = withCursor(() -> store.events(groupId, cursor, limit));
        // Every group has an event, so only an empty page needs the (costlier) existence check.
        if (page.items().isEmpty() && store.group(groupId).isEmpty()) {
            throw ApiException.notFound("group " + groupId);
        }
        ok(ctx, new PageView<>(page.items().stream().map(EventView::of).toList(), page.next()));
    }

    private void event(Context ctx) {
        StoredEvent event = requireEvent(ctx);
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
        long eventId = id(ctx, "eventId");
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

    private void sessions(Context ctx) {
        long appId = requireApp(ctx);
        String version = ctx.queryParam("version");
        List<SessionDay> days = store.sessions(appId, version == null || version.isBlank() ? null : version);
        ok(ctx, days.stream().map(SessionDayView::of).toList());
    }

    private void payload(Context ctx) {
        StoredEvent event = requireEvent(ctx);
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

    private StoredEvent requireEvent(Context ctx) {
        long eventId = id(ctx, "eventId");
        return store.event(eventId).orElseThrow(() -> ApiException.notFound("event " + eventId));
    }

    private long requireApp(Context ctx) {
        long appId = id(ctx, "appId");
        if (store.app(appId).isEmpty()) {
            throw ApiException.notFound("app " + appId);
        }
        return appId;
    }

    private static long id(Context ctx, String name) {
        String value = ctx.pathParam(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a number, got '" + value + "'");
        }
    }

    private int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null || value.isBlank()) {
            return DEFAULT_PAGE;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit < 1 || limit > maxPage) {
                throw ApiException.badRequest("limit must be between 1 and " + maxPage);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be a number, got '" + value + "'");
        }
    }

    private static GroupStatus parseStatus(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return GroupStatus.fromCode(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "status must be one of " + codes(GroupStatus.values()) + ", got '" + value + "'");
        }
    }

    private static GroupQuery.Sort parseSort(String value) {
        if (value == null || value.isBlank()) {
            return GroupQuery.Sort.LAST_SEEN;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "lastseen", "last_seen" -> GroupQuery.Sort.LAST_SEEN;
            case "count" -> GroupQuery.Sort.COUNT;
            default -> throw ApiException.badRequest("sort must be lastSeen or count, got '" + value + "'");
        };
    }

    private static String codes(GroupStatus[] statuses) {
        StringBuilder out = new StringBuilder();
        for (GroupStatus status : statuses) {
            out.append(out.isEmpty() ? "" : ", ").append(status.code());
        }
        return out.toString();
    }

    private static void ok(Context ctx, Object body) {
        JsonResponses.json(ctx, 200, body);
    }
}
