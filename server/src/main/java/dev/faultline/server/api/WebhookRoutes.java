package dev.faultline.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.model.App;
import dev.faultline.core.notify.Delivery;
import dev.faultline.core.notify.EventType;
import dev.faultline.core.notify.Outbox;
import dev.faultline.core.notify.Webhook;
import dev.faultline.core.store.Store;
import dev.faultline.server.access.Access;
import dev.faultline.server.access.NotFoundException;
import dev.faultline.server.access.Principal;
import dev.faultline.server.http.JsonResponses;
import dev.faultline.server.notify.OutboundHttp;
import dev.faultline.server.notify.WebhookActions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Webhooks through the REST API. Listing an app's webhooks and their deliveries needs the app to be
 * visible (the secret is shown to those who manage the app only); creating, changing, deleting,
 * resending and testing need {@link Access#managedApp}. A webhook of an app the principal does not
 * see answers 404, as one that does not exist.
 */
public final class WebhookRoutes {
    private static final List<String> FIELDS = List.of("url", "enabled", "events", "style");
    private static final String EVENT_NAMES =
            Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.joining(", "));

    private final Outbox outbox;
    private final Access access;
    private final int maxPage;
    private final WebhookActions actions;

    public WebhookRoutes(Store store, Outbox outbox, Access access, int maxPage, Clock clock) {
        this.outbox = requireNonNull(outbox, "outbox");
        this.access = requireNonNull(access, "access");
        this.maxPage = maxPage;
        this.actions = new WebhookActions(store, outbox, clock);
    }

    /** Registers the routes; {@link ApiRoutes#register} must have run (authentication, errors). */
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/apps/{appId}/webhooks", this::list);
        routes.post("/api/v1/apps/{appId}/webhooks", this::create);
        routes.patch("/api/v1/webhooks/{webhookId}", this::change);
        routes.delete("/api/v1/webhooks/{webhookId}", this::delete);
        routes.get("/api/v1/webhooks/{webhookId}/deliveries", this::deliveries);
        routes.post("/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/resend", this::resend);
        routes.post("/api/v1/webhooks/{webhookId}/test", this::test);
    }

    private void list(Context ctx) {
        Principal principal = ApiAuth.principal(ctx);
        App app = access.app(principal, Params.id(ctx, "appId"));
        boolean manages = principal.canManage(app);
        ApiRoutes.ok(
                ctx,
                outbox.webhooks(app.id()).stream()
                        .map(webhook -> WebhookView.of(webhook, manages))
                        .toList());
    }

    private void create(Context ctx) {
        App app = access.managedApp(ApiAuth.principal(ctx), Params.id(ctx, "appId"));
        JsonNode body = Params.object(ctx, FIELDS);
        if (!body.has("url")) {
            throw ApiException.badRequest("url is required");
        }
        Webhook webhook = actions.create(
                app.id(),
                url(body.get("url")),
                body.has("enabled") ? flag(body.get("enabled")) : true,
                body.has("events") ? events(body.get("events")) : EnumSet.allOf(EventType.class),
                body.has("style") ? style(body.get("style")) : Webhook.Style.RAYGUN);
        JsonResponses.json(ctx, 201, WebhookView.of(webhook, true));
    }

    /** Fields left out are not changed. */
    private void change(Context ctx) {
        Webhook current = managedWebhook(ctx);
        JsonNode body = Params.object(ctx, FIELDS);
        Webhook changed = new Webhook(
                current.id(),
                current.appId(),
                body.has("url") ? url(body.get("url")) : current.url(),
                body.has("enabled") ? flag(body.get("enabled")) : current.enabled(),
                body.has("events") ? events(body.get("events")) : current.events(),
                current.secret(),
                body.has("style") ? style(body.get("style")) : current.style(),
                current.createdAt());
        Webhook updated =
                outbox.updateWebhook(changed).orElseThrow(() -> new NotFoundException("webhook " + current.id()));
        ApiRoutes.ok(ctx, WebhookView.of(updated, true));
    }

    private void delete(Context ctx) {
        Webhook webhook = managedWebhook(ctx);
        outbox.deleteWebhook(webhook.id());
        ctx.status(204);
    }

    private void deliveries(Context ctx) {
        Webhook webhook = visibleWebhook(ctx);
        ApiRoutes.ok(
                ctx,
                outbox.deliveries(webhook.id(), Params.limit(ctx, maxPage)).stream()
                        .map(DeliveryView::of)
                        .toList());
    }

    private void resend(Context ctx) {
        Webhook webhook = managedWebhook(ctx);
        long deliveryId = Params.id(ctx, "deliveryId");
        if (!actions.resend(webhook, deliveryId)) {
            throw new NotFoundException("delivery " + deliveryId + " of webhook " + webhook.id());
        }
        ctx.status(202);
    }

    /** Enqueues a new-error notification of the app's newest group for this webhook alone. */
    private void test(Context ctx) {
        Webhook webhook = managedWebhook(ctx);
        Delivery delivery = actions.sendTest(webhook)
                .orElseThrow(() ->
                        new ApiException(409, "no_groups", "app " + webhook.appId() + " has no error group to send"));
        JsonResponses.json(ctx, 202, DeliveryView.of(delivery));
    }

    private Webhook visibleWebhook(Context ctx) {
        Webhook webhook = webhook(ctx);
        access.app(ApiAuth.principal(ctx), webhook.appId());
        return webhook;
    }

    private Webhook managedWebhook(Context ctx) {
        Webhook webhook = webhook(ctx);
        access.managedApp(ApiAuth.principal(ctx), webhook.appId());
        return webhook;
    }

    private Webhook webhook(Context ctx) {
        long id = Params.id(ctx, "webhookId");
        return outbox.webhook(id).orElseThrow(() -> new NotFoundException("webhook " + id));
    }

    private static String url(JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw ApiException.badRequest("url must be a string");
        }
        try {
            return OutboundHttp.checkedUrl(value.asText()).toString();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static boolean flag(JsonNode value) {
        if (!value.isBoolean()) {
            throw ApiException.badRequest("enabled must be true or false, got " + value);
        }
        return value.booleanValue();
    }

    private static Set<EventType> events(JsonNode value) {
        if (!value.isArray()) {
            throw ApiException.badRequest("events must be a list of event types: " + EVENT_NAMES);
        }
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        for (JsonNode name : value) {
            events.add(EventType.fromWireName(name.asText())
                    .filter(type -> name.isTextual())
                    .orElseThrow(() ->
                            ApiException.badRequest("unknown event type " + name + "; the types are " + EVENT_NAMES)));
        }
        return events;
    }

    private static Webhook.Style style(JsonNode value) {
        String name = value.isTextual() ? value.asText().strip().toUpperCase(Locale.ROOT) : "";
        try {
            return Webhook.Style.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("style must be one of raygun, slack, teams, got " + value);
        }
    }

    /** A webhook; {@code secret} is absent for those who cannot manage its app. */
    record WebhookView(
            long id,
            long appId,
            String url,
            boolean enabled,
            List<String> events,
            String style,
            String secret,
            Instant createdAt) {
        static WebhookView of(Webhook webhook, boolean withSecret) {
            return new WebhookView(
                    webhook.id(),
                    webhook.appId(),
                    webhook.url(),
                    webhook.enabled(),
                    webhook.events().stream().sorted().map(EventType::wireName).toList(),
                    webhook.style().name().toLowerCase(Locale.ROOT),
                    withSecret ? webhook.secret() : null,
                    webhook.createdAt());
        }
    }

    record DeliveryView(
            long id,
            long webhookId,
            String eventType,
            long groupId,
            Instant createdAt,
            String state,
            Instant dueAt,
            int attempts,
            Integer lastStatus,
            String lastError,
            Long lastDurationMillis,
            Instant deliveredAt) {
        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(
                    delivery.id(),
                    delivery.webhookId(),
                    delivery.notification().type().wireName(),
                    delivery.notification().groupId(),
                    delivery.notification().at(),
                    delivery.state().name().toLowerCase(Locale.ROOT),
                    delivery.dueAt(),
                    delivery.attempts(),
                    delivery.lastStatus(),
                    delivery.lastError(),
                    delivery.lastDurationMillis(),
                    delivery.deliveredAt());
        }
    }
}
