package dev.faultline.server.notify;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.model.Group;
import dev.faultline.core.notify.Delivery;
import dev.faultline.core.notify.EventType;
import dev.faultline.core.notify.Notification;
import dev.faultline.core.notify.Outbox;
import dev.faultline.core.notify.Webhook;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.core.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the REST API and the dashboard both do to webhooks: create one with a checked URL and a new
 * secret, send a test, resend a delivery. Callers check access first. Thread-safe.
 */
public final class WebhookActions {
    private final Store store;
    private final Outbox outbox;
    private final Clock clock;

    public WebhookActions(Store store, Outbox outbox, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.outbox = requireNonNull(outbox, "outbox");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Creates a webhook with a new secret.
     *
     * @throws IllegalArgumentException with a message for the user when the URL is not one a webhook may have
     */
    public Webhook create(long appId, String url, boolean enabled, Set<EventType> events, Webhook.Style style) {
        return outbox.createWebhook(new Webhook(
                0,
                appId,
                OutboundHttp.checkedUrl(url).toString(),
                enabled,
                events,
                Signatures.newSecret(),
                style,
                clock.instant()));
    }

    /**
     * Enqueues a new-error notification of the app's newest group for this webhook alone; empty when
     * the app has no group to send.
     */
    public Optional<Delivery> sendTest(Webhook webhook) {
        List<Group> newest = store.groups(new GroupQuery(webhook.appId(), null, GroupQuery.Sort.FIRST_SEEN, null, 1))
                .items();
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        Group group = newest.getFirst();
        Notification notification = new Notification(
                0,
                webhook.appId(),
                group.id(),
                store.latestEvent(group.id()).orElse(null),
                EventType.NEW_ERROR_OCCURRED,
                Map.of(),
                clock.instant());
        return Optional.of(outbox.enqueueTest(webhook.id(), notification));
    }

    /** Makes one of the webhook's deliveries due now; false when the webhook has no such delivery. */
    public boolean resend(Webhook webhook, long deliveryId) {
        boolean owned = outbox.delivery(deliveryId)
                .filter(delivery -> delivery.webhookId() == webhook.id())
                .isPresent();
        return owned && outbox.resend(deliveryId, clock.instant());
    }
}
