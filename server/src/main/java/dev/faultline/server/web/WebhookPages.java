package dev.faultline.server.web;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.Team;
import dev.faultline.core.model.App;
import dev.faultline.core.notify.Delivery;
import dev.faultline.core.notify.EventType;
import dev.faultline.core.notify.Outbox;
import dev.faultline.core.notify.Webhook;
import dev.faultline.server.access.Access;
import dev.faultline.server.access.NotFoundException;
import dev.faultline.server.access.Principal;
import dev.faultline.server.notify.OutboundHttp;
import dev.faultline.server.notify.WebhookActions;
import dev.faultline.server.web.view.TimeView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An app's webhooks: the list with a create form, and each webhook's settings, test and deliveries
 * with resend. Team members see them read-only and never see a secret; changes need the team's
 * admins ({@link Access#managedApp}, 403 otherwise), and another team's app or webhook is 404.
 */
public final class WebhookPages {
    /** How many of a webhook's newest deliveries the page shows. */
    static final int DELIVERIES_SHOWN = 50;

    private static final Map<String, String> NOTICES = Map.of(
            "created", "The webhook was made. Its secret signs every delivery; put it in the receiver.",
            "saved", "The webhook was saved.",
            "test", "A test delivery was queued; it shows below once it was posted.",
            "resent", "The delivery was queued again.");

    private final Outbox outbox;
    private final Accounts accounts;
    private final Access access;
    private final WebhookActions actions;
    private final Pages pages;
    private final Clock clock;

    public WebhookPages(
            Outbox outbox, Accounts accounts, Access access, WebhookActions actions, Pages pages, Clock clock) {
        this.outbox = requireNonNull(outbox, "outbox");
        this.accounts = requireNonNull(accounts, "accounts");
        this.access = requireNonNull(access, "access");
        this.actions = requireNonNull(actions, "actions");
        this.pages = requireNonNull(pages, "pages");
        this.clock = requireNonNull(clock, "clock");
    }

    public void register(RoutesConfig routes) {
        routes.get("/apps/{appId}/webhooks", ctx -> list(ctx, 200, WebhookForm.blank(), null));
        routes.post("/apps/{appId}/webhooks", this::create);
        routes.get("/apps/{appId}/webhooks/{webhookId}", ctx -> show(ctx, 200, null, null));
        routes.post("/apps/{appId}/webhooks/{webhookId}", this::save);
        routes.post("/apps/{appId}/webhooks/{webhookId}/delete", this::delete);
        routes.post("/apps/{appId}/webhooks/{webhookId}/test", this::test);
        routes.post("/apps/{appId}/webhooks/{webhookId}/deliveries/{deliveryId}/resend", this::resend);
    }

    private void create(Context ctx) {
        App app = access.managedApp(WebAuth.principal(ctx), WebParams.pathId(ctx, "appId"));
        WebhookForm form = WebhookForm.of(ctx);
        Webhook webhook;
        try {
            webhook = actions.create(app.id(), form.url(), form.enabled(), form.eventTypes(), form.styleValue());
        } catch (IllegalArgumentException e) {
            list(ctx, 400, form, e.getMessage());
            return;
        }
        ctx.redirect(webhookHref(webhook) + "?saved=created", HttpStatus.SEE_OTHER);
    }

    private void save(Context ctx) {
        Webhook current = managedWebhook(ctx);
        WebhookForm form = WebhookForm.of(ctx);
        try {
            outbox.updateWebhook(new Webhook(
                            current.id(),
                            current.appId(),
                            OutboundHttp.checkedUrl(form.url()).toString(),
                            form.enabled(),
                            form.eventTypes(),
                            current.secret(),
                            form.styleValue(),
                            current.createdAt()))
                    .orElseThrow(() -> new NotFoundException("webhook " + current.id()));
        } catch (IllegalArgumentException e) {
            show(ctx, 400, form, e.getMessage());
            return;
        }
        ctx.redirect(webhookHref(current) + "?saved=saved", HttpStatus.SEE_OTHER);
    }

    private void delete(Context ctx) {
        Webhook webhook = managedWebhook(ctx);
        outbox.deleteWebhook(webhook.id());
        ctx.redirect("/apps/" + webhook.appId() + "/webhooks", HttpStatus.SEE_OTHER);
    }

    private void test(Context ctx) {
        Webhook webhook = managedWebhook(ctx);
        if (actions.sendTest(webhook).isEmpty()) {
            show(ctx, 409, null, "The app has no error group yet, so there is nothing to send as a test.");
            return;
        }
        ctx.redirect(webhookHref(webhook) + "?saved=test", HttpStatus.SEE_OTHER);
    }

    private void resend(Context ctx) {
        Webhook webhook = managedWebhook(ctx);
        long deliveryId = WebParams.pathId(ctx, "deliveryId");
        if (!actions.resend(webhook, deliveryId)) {
            throw new NotFoundException("delivery " + deliveryId + " of webhook " + webhook.id());
        }
        ctx.redirect(webhookHref(webhook) + "?saved=resent", HttpStatus.SEE_OTHER);
    }

    private void list(Context ctx, int status, WebhookForm form, String error) {
        Principal principal = WebAuth.principal(ctx);
        App app = access.app(principal, WebParams.pathId(ctx, "appId"));
        Instant now = clock.instant();
        pages.render(
                ctx,
                status,
                "webhooks.jte",
                new WebhooksPage(
                        pages.chrome(ctx, "apps"),
                        app,
                        team(app),
                        principal.canManage(app),
                        outbox.webhooks(app.id()).stream()
                                .map(webhook -> WebhookRow.of(webhook, now))
                                .toList(),
                        form,
                        error));
    }

    /** @param form what was posted, to show again with the error; null for the stored settings */
    private void show(Context ctx, int status, WebhookForm form, String error) {
        Principal principal = WebAuth.principal(ctx);
        App app = access.app(principal, WebParams.pathId(ctx, "appId"));
        Webhook webhook = webhookOf(ctx, app);
        boolean canManage = principal.canManage(app);
        Instant now = clock.instant();
        pages.render(
                ctx,
                status,
                "webhook.jte",
                new WebhookPage(
                        pages.chrome(ctx, "apps"),
                        app,
                        team(app),
                        canManage,
                        WebhookRow.of(webhook, now),
                        canManage ? webhook.secret() : null,
                        form == null ? WebhookForm.of(webhook) : form,
                        outbox.deliveries(webhook.id(), DELIVERIES_SHOWN).stream()
                                .map(delivery -> DeliveryRow.of(delivery, now))
                                .toList(),
                        error == null ? NOTICES.get(String.valueOf(ctx.queryParam("saved"))) : null,
                        error));
    }

    private Webhook managedWebhook(Context ctx) {
        App app = access.managedApp(WebAuth.principal(ctx), WebParams.pathId(ctx, "appId"));
        return webhookOf(ctx, app);
    }

    /** The path's webhook when it belongs to {@code app}; 404 otherwise, as for one that does not exist. */
    private Webhook webhookOf(Context ctx, App app) {
        long id = WebParams.pathId(ctx, "webhookId");
        return outbox.webhook(id)
                .filter(webhook -> webhook.appId() == app.id())
                .orElseThrow(() -> new NotFoundException("webhook " + id));
    }

    private String team(App app) {
        return accounts.team(app.teamId()).map(Team::name).orElse("");
    }

    static String webhookHref(Webhook webhook) {
        return "/apps/" + webhook.appId() + "/webhooks/" + webhook.id();
    }

    static String styleLabel(Webhook.Style style) {
        return switch (style) {
            case RAYGUN -> "Raygun JSON";
            case SLACK -> "Slack";
            case TEAMS -> "Microsoft Teams";
        };
    }

    /** The list page; {@code form} is the create form's values. */
    public record WebhooksPage(
            Chrome chrome,
            App app,
            String team,
            boolean canManage,
            List<WebhookRow> webhooks,
            WebhookForm form,
            String error) {}

    /**
     * One webhook's page.
     *
     * @param secret null unless the viewer manages the app
     * @param notice what the last action did, or null
     */
    public record WebhookPage(
            Chrome chrome,
            App app,
            String team,
            boolean canManage,
            WebhookRow webhook,
            String secret,
            WebhookForm form,
            List<DeliveryRow> deliveries,
            String notice,
            String error) {}

    /** A webhook as the pages show it. */
    public record WebhookRow(
            long id, String href, String url, String style, String events, boolean enabled, TimeView created) {
        static WebhookRow of(Webhook webhook, Instant now) {
            return new WebhookRow(
                    webhook.id(),
                    webhookHref(webhook),
                    webhook.url(),
                    styleLabel(webhook.style()),
                    webhook.events().size() == EventType.values().length
                            ? "All"
                            : webhook.events().stream()
                                    .sorted()
                                    .map(EventType::wireName)
                                    .collect(Collectors.joining(", ")),
                    webhook.enabled(),
                    TimeView.of(webhook.createdAt(), now));
        }
    }

    /** One delivery in the table. */
    public record DeliveryRow(
            long id,
            TimeView time,
            String eventType,
            String state,
            String status,
            String duration,
            int attempts,
            String lastError) {
        static DeliveryRow of(Delivery delivery, Instant now) {
            return new DeliveryRow(
                    delivery.id(),
                    TimeView.of(delivery.notification().at(), now),
                    delivery.notification().type().wireName(),
                    delivery.state().name().toLowerCase(Locale.ROOT),
                    delivery.lastStatus() == null ? "–" : delivery.lastStatus().toString(),
                    delivery.lastDurationMillis() == null ? "–" : delivery.lastDurationMillis() + " ms",
                    delivery.attempts(),
                    delivery.lastError() == null ? "" : delivery.lastError());
        }
    }

    /** A choice of the form: value, label, and whether it is selected. */
    public record Choice(String value, String label, boolean selected) {}

    /** The settings form's values: {@code style} is a lower-case style name, {@code events} wire names. */
    public record WebhookForm(String url, String style, Set<String> events, boolean enabled) {

        static WebhookForm blank() {
            return new WebhookForm(
                    "",
                    "raygun",
                    Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.toSet()),
                    true);
        }

        static WebhookForm of(Webhook webhook) {
            return new WebhookForm(
                    webhook.url(),
                    webhook.style().name().toLowerCase(Locale.ROOT),
                    webhook.events().stream().map(EventType::wireName).collect(Collectors.toSet()),
                    webhook.enabled());
        }

        static WebhookForm of(Context ctx) {
            String url = ctx.formParam("url");
            String style = ctx.formParam("style");
            return new WebhookForm(
                    url == null ? "" : url.strip(),
                    style == null ? "" : style,
                    Set.copyOf(ctx.formParams("events")),
                    ctx.formParam("enabled") != null);
        }

        public List<Choice> styles() {
            return Arrays.stream(Webhook.Style.values())
                    .map(option -> {
                        String value = option.name().toLowerCase(Locale.ROOT);
                        return new Choice(value, styleLabel(option), value.equals(style));
                    })
                    .toList();
        }

        public List<Choice> eventChoices() {
            return Arrays.stream(EventType.values())
                    .map(type -> new Choice(type.wireName(), type.wireName(), events.contains(type.wireName())))
                    .toList();
        }

        Webhook.Style styleValue() {
            return Arrays.stream(Webhook.Style.values())
                    .filter(option -> option.name().equalsIgnoreCase(style))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Choose one of the styles offered."));
        }

        Set<EventType> eventTypes() {
            Set<EventType> types = EnumSet.noneOf(EventType.class);
            for (String name : events) {
                types.add(EventType.fromWireName(name)
                        .orElseThrow(() -> new IllegalArgumentException("Choose event types among those offered.")));
            }
            if (types.isEmpty()) {
                throw new IllegalArgumentException("Choose at least one event type.");
            }
            return types;
        }
    }
}
