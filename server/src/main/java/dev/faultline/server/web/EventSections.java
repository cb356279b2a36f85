package dev.faultline.server.web;

import dev.faultline.core.model.Report;
import dev.faultline.core.store.Attachment;
import dev.faultline.core.store.AttachmentContent;
import dev.faultline.core.store.Store;
import dev.faultline.core.store.StoredEvent;
import dev.faultline.server.access.Access;
import dev.faultline.server.access.NotFoundException;
import dev.faultline.server.access.Principal;
import dev.faultline.server.api.Downloads;
import dev.faultline.server.api.StoredReports;
import dev.faultline.server.web.GroupPage.AttachmentView;
import dev.faultline.server.web.GroupPage.EventSection;
import dev.faultline.server.web.view.ReportView;
import dev.faultline.server.web.view.TimeView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One event of a group as the group page shows it, and the event's downloads: the original
 * payload and the attachments, always as files ({@code Content-Disposition: attachment}, {@code
 * nosniff}), never rendered on the dashboard's origin, whatever type the client declared.
 */
final class EventSections {
    /** Attachments up to this size get a text preview when they look like text. */
    static final int PREVIEW_MAX_BYTES = 64 * 1024;

    private final Store store;
    private final Access access;

    EventSections(Store store, Access access) {
        this.store = store;
        this.access = access;
    }

    void register(RoutesConfig routes) {
        routes.get("/events/{eventId}", ctx -> {
            StoredEvent event = access.event(WebAuth.principal(ctx), WebParams.pathId(ctx, "eventId"));
            ctx.redirect("/groups/" + event.groupId() + "?event=" + event.id(), HttpStatus.SEE_OTHER);
        });
        routes.get("/events/{eventId}/payload", this::payload);
        routes.get("/events/{eventId}/attachments/{attachmentId}", this::attachment);
    }

    /** The event {@code ?event=} names, which must belong to the group (404 otherwise). */
    StoredEvent eventOfGroup(Principal principal, long groupId, String eventParam) {
        long eventId;
        try {
            eventId = Long.parseLong(eventParam);
        } catch (NumberFormatException e) {
            throw new NotFoundException("event '" + eventParam + "'");
        }
        StoredEvent event = access.event(principal, eventId);
        if (event.groupId() != groupId) {
            throw new NotFoundException("event " + eventId + " of group " + groupId);
        }
        return event;
    }

    /**
     * @param base the group page's path
     * @param latest whether the page shows the newest event (no "newest" link then)
     */
    EventSection section(StoredEvent event, String base, boolean latest, Instant now) {
        Optional<Report> report = StoredReports.report(event);
        Store.Neighbours neighbours = store.neighbours(event.id());
        return new EventSection(
                event.id(),
                TimeView.of(report.map(Report::occurredAt).orElse(event.receivedAt()), now),
                TimeView.of(event.receivedAt(), now),
                "appcenter".equals(event.protocol()) ? "App Center" : "Raygun",
                report.map(Report::version).orElse(null),
                neighbours.older() == null ? null : base + "?event=" + neighbours.older(),
                neighbours.newer() == null ? null : base + "?event=" + neighbours.newer(),
                latest || neighbours.newer() == null ? null : base,
                "/events/" + event.id() + "/payload",
                report.map(ReportView::of).orElse(null),
                attachments(event));
    }

    private List<AttachmentView> attachments(StoredEvent event) {
        if (event.logId() == null) {
            return List.of();
        }
        List<AttachmentView> views = new ArrayList<>();
        for (Attachment attachment : store.attachments(event.id())) {
            String preview = null;
            if (previewable(attachment)) {
                preview = store.attachment(event.id(), attachment.id())
                        .map(content -> new String(content.data(), StandardCharsets.UTF_8))
                        .orElse(null);
            }
            views.add(new AttachmentView(
                    attachment.fileName() == null ? attachment.id() : attachment.fileName(),
                    attachment.contentType(),
                    size(attachment.size()),
                    "/events/" + event.id() + "/attachments/" + QueryString.encode(attachment.id()),
                    preview,
                    attachment.minidump()));
        }
        return List.copyOf(views);
    }

    static boolean previewable(Attachment attachment) {
        if (attachment.size() > PREVIEW_MAX_BYTES || attachment.minidump()) {
            return false;
        }
        String type =
                attachment.contentType() == null ? "" : attachment.contentType().toLowerCase(Locale.ROOT);
        String name = attachment.fileName() == null ? "" : attachment.fileName().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.startsWith("application/json")
                || type.contains("+json")
                || name.endsWith(".txt")
                || name.endsWith(".log")
                || name.endsWith(".json");
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private void payload(Context ctx) {
        StoredEvent event = access.event(WebAuth.principal(ctx), WebParams.pathId(ctx, "eventId"));
        ctx.header("Content-Disposition", "attachment; filename=\"event-" + event.id() + ".json\"");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("application/json").result(event.payload().decompress());
    }

    private void attachment(Context ctx) {
        StoredEvent event = access.event(WebAuth.principal(ctx), WebParams.pathId(ctx, "eventId"));
        String attachmentId = ctx.pathParam("attachmentId");
        AttachmentContent content = store.attachment(event.id(), attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment " + attachmentId + " of event " + event.id()));
        ctx.header(
                "Content-Disposition",
                Downloads.contentDisposition(content.attachment().fileName(), attachmentId));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("application/octet-stream").result(content.data());
    }
}
