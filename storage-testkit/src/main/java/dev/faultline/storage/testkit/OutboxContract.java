package dev.faultline.storage.testkit;

import static dev.faultline.storage.testkit.TestReport.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.faultline.core.account.User;
import dev.faultline.core.ingest.IngestItem;
import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.notify.Delivery;
import dev.faultline.core.notify.Delivery.State;
import dev.faultline.core.notify.EventType;
import dev.faultline.core.notify.FollowUp;
import dev.faultline.core.notify.Notification;
import dev.faultline.core.notify.Outbox;
import dev.faultline.core.notify.Outcome;
import dev.faultline.core.notify.Webhook;
import dev.faultline.core.store.Actor;
import dev.faultline.core.store.GroupChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox ({@link Outbox}): webhooks, the notifications the store writes with what causes them
 * (new groups, regressions, triage, comments), their fan-out into deliveries, and the states a
 * delivery goes through. A backend's store implements {@link Outbox} too.
 */
public abstract class OutboxContract extends StoreContractSupport {
    /** Later than any notification a test writes (they are written at the wall clock's now). */
    private static final Duration AHEAD = Duration.ofDays(1);

    private App app;
    private User alice;
    private Actor byAlice;

    @BeforeEach
    void setUp() {
        app = newApp();
        alice = accounts().createUser("alice@example.com", null, false);
        byAlice = new Actor(alice.id(), "alice@example.com");
    }

    @Test
    void createWebhook_storesItsSettings() {
        Webhook asked = new Webhook(
                99,
                app.id(),
                "https://example.com/hook",
                true,
                Set.of(EventType.NEW_ERROR_OCCURRED),
                "s3cret",
                Webhook.Style.SLACK,
                Instant.EPOCH);

        Webhook created = outbox().createWebhook(asked);

        assertThat(created.id()).isNotEqualTo(99);
        assertThat(created.createdAt()).isAfter(Instant.EPOCH);
        assertThat(created)
                .usingRecursiveComparison()
                .ignoringFields("id", "createdAt")
                .isEqualTo(asked);
        assertThat(outbox().webhook(created.id())).contains(created);
        assertThat(outbox().webhooks(app.id())).containsExactly(created);
        assertThat(outbox().webhooks(newApp().id())).isEmpty();
    }

    @Test
    void updateWebhook_replacesItsSettings() {
        Webhook created = webhook(app, true, EventType.NEW_ERROR_OCCURRED);
        Webhook changed = new Webhook(
                created.id(),
                app.id(),
                "https://example.com/other",
                false,
                Set.of(EventType.COMMENT_ADDED, EventType.STATUS_CHANGED),
                "other",
                Webhook.Style.TEAMS,
                created.createdAt());

        assertThat(outbox().updateWebhook(changed)).contains(changed);
        assertThat(outbox().webhook(created.id())).contains(changed);
        assertThat(outbox().updateWebhook(new Webhook(
                        created.id() + 1000, app.id(), "u", true, Set.of(), "s", Webhook.Style.RAYGUN, Instant.EPOCH)))
                .isEmpty();
    }

    @Test
    void deleteWebhook_deletesItsDeliveries() {
        Webhook hook = webhook(app, true, EventType.NEW_ERROR_OCCURRED);
        write(report().ingest(app));

        assertThat(outbox().deleteWebhook(hook.id())).isTrue();

        assertThat(outbox().webhook(hook.id())).isEmpty();
        assertThat(outbox().deliveries(hook.id(), 10)).isEmpty();
        assertThat(due()).isEmpty();
        assertThat(outbox().deleteWebhook(hook.id())).isFalse();
    }

    @Test
    void newGroup_isDeliveredToEachEnabledWebhookThatTakesIt() {
        Webhook first = webhook(app, true, EventType.NEW_ERROR_OCCURRED, EventType.ERROR_REOCCURRED);
        Webhook second = webhook(app, true, EventType.NEW_ERROR_OCCURRED);
        Webhook disabled = webhook(app, false, EventType.NEW_ERROR_OCCURRED);
        Webhook unsubscribed = webhook(app, true, EventType.COMMENT_ADDED, EventType.ERROR_REOCCURRED);
        Webhook otherApp = webhook(newApp(), true, EventType.NEW_ERROR_OCCURRED);

        Stored stored =
                write(report().tags("checkout", "v1").user("u-1", "uuid-1").ingest(app));

        List<Delivery> due = due();
        assertThat(due).extracting(Delivery::webhookId).containsExactly(first.id(), second.id());
        for (Delivery delivery : due) {
            assertThat(delivery.state()).isEqualTo(State.PENDING);
            assertThat(delivery.attempts()).isZero();
            assertThat(delivery.lastStatus()).isNull();
            assertThat(delivery.lastError()).isNull();
            assertThat(delivery.deliveredAt()).isNull();
            Notification notification = delivery.notification();
            assertThat(notification.type()).isEqualTo(EventType.NEW_ERROR_OCCURRED);
            assertThat(notification.appId()).isEqualTo(app.id());
            assertThat(notification.groupId()).isEqualTo(stored.groupId());
            assertThat(notification.eventId()).isEqualTo(stored.eventId());
            assertThat(notification.details())
                    .as("what the report told, for the payload's error.instance")
                    .isEqualTo(Map.of(
                            "instance",
                            "{\"tags\":[\"checkout\",\"v1\"],\"user\":{\"identifier\":\"u-1\",\"uuid\":\"uuid-1\"},"
                                    + "\"customData\":{}}"));
        }
        assertThat(due.get(0).notification()).isEqualTo(due.get(1).notification());
        for (Webhook none : List.of(disabled, unsubscribed, otherApp)) {
            assertThat(outbox().deliveries(none.id(), 10)).isEmpty();
        }
    }

    @Test
    void occurrencesAndDuplicates_notifyNothing() {
        Webhook hook = webhook(app, true, EventType.values());

        write(report().logId("log-1").ingest(app));
        write(report().logId("log-1").ingest(app));
        write(report().ingest(app), report().ingest(app));

        assertThat(outbox().deliveries(hook.id(), 10))
                .extracting(delivery -> delivery.notification().type())
                .containsExactly(EventType.NEW_ERROR_OCCURRED);
    }

    @Test
    void withoutWebhooks_nothingIsDue() {
        write(report().ingest(app));
        store.updateGroups(
                List.of(write(report().fingerprint("b").ingest(app)).groupId()),
                GroupChange.status(GroupStatus.RESOLVED),
                byAlice);

        assertThat(due()).isEmpty();
    }

    @Test
    void regression_notifiesErrorReoccurred() {
        Webhook hook = webhook(app, true, EventType.NEW_ERROR_OCCURRED, EventType.ERROR_REOCCURRED);
        long groupId = write(report().ingest(app)).groupId();
        store.updateGroups(List.of(groupId), GroupChange.status(GroupStatus.RESOLVED), byAlice);

        Stored regressed = write(report().ingest(app));
        write(report().ingest(app));

        assertThat(outbox().deliveries(hook.id(), 10))
                .extracting(Delivery::notification)
                .extracting(Notification::type, Notification::groupId, Notification::eventId)
                .containsExactly(
                        tuple(EventType.ERROR_REOCCURRED, groupId, regressed.eventId()),
                        tuple(EventType.NEW_ERROR_OCCURRED, groupId, regressed.eventId() - 1));
    }

    @Test
    void triageAndComments_notifyActivityWithDetails() {
        Webhook hook =
                webhook(app, true, EventType.STATUS_CHANGED, EventType.ASSIGNED_TO_USER, EventType.COMMENT_ADDED);
        User bob = accounts().createUser("Bob@Example.com", null, false);
        long groupId = write(report().ingest(app)).groupId();

        store.updateGroups(List.of(groupId), GroupChange.resolvedIn("2.0"), byAlice);
        store.updateGroups(List.of(groupId), GroupChange.resolvedIn("2.0"), byAlice);
        store.updateGroups(List.of(groupId), GroupChange.status(GroupStatus.IGNORED), byAlice);
        store.updateGroups(List.of(groupId), GroupChange.assign(bob.id()), byAlice);
        store.updateGroups(List.of(groupId), GroupChange.assign(null), byAlice);
        store.comment(groupId, "looking \"into\" it\n\\ é", byAlice);

        List<Notification> notifications = outbox().deliveries(hook.id(), 10).reversed().stream()
                .map(Delivery::notification)
                .toList();
        assertThat(notifications)
                .extracting(Notification::type, Notification::details)
                .containsExactly(
                        tuple(
                                EventType.STATUS_CHANGED,
                                Map.of("user", "alice@example.com", "status", "resolved", "resolvedInVersion", "2.0")),
                        tuple(EventType.STATUS_CHANGED, Map.of("user", "alice@example.com", "status", "ignored")),
                        tuple(
                                EventType.ASSIGNED_TO_USER,
                                Map.of("user", "alice@example.com", "assignedTo", "bob@example.com")),
                        tuple(EventType.ASSIGNED_TO_USER, Map.of("user", "alice@example.com")),
                        tuple(
                                EventType.COMMENT_ADDED,
                                Map.of("user", "alice@example.com", "comment", "looking \"into\" it\n\\ é")));
        assertThat(notifications).allSatisfy(notification -> {
            assertThat(notification.groupId()).isEqualTo(groupId);
            assertThat(notification.appId()).isEqualTo(app.id());
            assertThat(notification.eventId()).isNull();
        });
    }

    @Test
    void due_holdsBackAGroupsLaterNotificationsWhileAnEarlierOneIsRetried() {
        Webhook hook = webhook(app, true, EventType.values());
        Webhook other = webhook(app, true, EventType.NEW_ERROR_OCCURRED);
        long groupA = write(report().fingerprint("a").ingest(app)).groupId();
        long groupB = write(report().fingerprint("b").ingest(app)).groupId();
        store.comment(groupA, "later", byAlice);

        List<Delivery> due = due();
        assertThat(due)
                .extracting(
                        Delivery::webhookId,
                        delivery -> delivery.notification().groupId(),
                        delivery -> delivery.notification().type())
                .containsExactly(
                        tuple(hook.id(), groupA, EventType.NEW_ERROR_OCCURRED),
                        tuple(other.id(), groupA, EventType.NEW_ERROR_OCCURRED),
                        tuple(hook.id(), groupB, EventType.NEW_ERROR_OCCURRED),
                        tuple(other.id(), groupB, EventType.NEW_ERROR_OCCURRED));
        assertThat(outbox().due(now().plus(AHEAD), 2)).containsExactlyElementsOf(due.subList(0, 2));

        Delivery first = due.getFirst();
        Instant retryAt = now().plus(AHEAD).plus(Duration.ofHours(1));
        outbox().failed(first.id(), 500, "Internal Server Error", 12, retryAt);
        for (Delivery delivery : due.subList(1, 4)) {
            outbox().delivered(delivery.id(), 200, 5, now());
        }

        assertThat(due()).as("the comment waits for the new-error notification").isEmpty();
        assertThat(outbox().due(retryAt, 10)).extracting(Delivery::id).containsExactly(first.id());
        outbox().delivered(first.id(), 200, 5, retryAt);
        assertThat(outbox().due(retryAt, 10))
                .extracting(delivery -> delivery.notification().type())
                .containsExactly(EventType.COMMENT_ADDED);
    }

    @Test
    void failedDelivery_isRetriedThenGivenUpThenResent() {
        Webhook hook = webhook(app, true, EventType.NEW_ERROR_OCCURRED);
        write(report().ingest(app));
        long id = due().getFirst().id();
        Instant retryAt = now().plus(Duration.ofMinutes(1));

        outbox().failed(id, 503, "Service Unavailable", 120, retryAt);
        Delivery retrying = only(hook);
        assertThat(retrying.state()).isEqualTo(State.PENDING);
        assertThat(retrying.dueAt()).isEqualTo(retryAt);
        assertThat(retrying.attempts()).isEqualTo(1);
        assertThat(retrying.lastStatus()).isEqualTo(503);
        assertThat(retrying.lastError()).isEqualTo("Service Unavailable");
        assertThat(retrying.lastDurationMillis()).isEqualTo(120);
        assertThat(outbox().due(retryAt.minusMillis(1), 10)).isEmpty();

        outbox().failed(id, null, "connect timed out", 5000, null);
        Delivery failed = only(hook);
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.lastStatus()).isNull();
        assertThat(failed.lastError()).isEqualTo("connect timed out");
        assertThat(due()).isEmpty();

        Instant resentAt = now();
        assertThat(outbox().resend(id, resentAt)).isTrue();
        Delivery resent = only(hook);
        assertThat(resent.state()).isEqualTo(State.PENDING);
        assertThat(resent.dueAt()).isEqualTo(resentAt);
        assertThat(resent.attempts()).isEqualTo(2);
        assertThat(outbox().due(resentAt, 10)).extracting(Delivery::id).containsExactly(id);

        Instant deliveredAt = now();
        outbox().delivered(id, 204, 30, deliveredAt);
        Delivery delivered = only(hook);
        assertThat(delivered.state()).isEqualTo(State.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(delivered.lastStatus()).isEqualTo(204);
        assertThat(delivered.lastError()).isNull();
        assertThat(delivered.lastDurationMillis()).isEqualTo(30);
        assertThat(delivered.deliveredAt()).isEqualTo(deliveredAt);
        assertThat(due()).isEmpty();
        assertThat(outbox().resend(id + 1000, now())).isFalse();
    }

    @Test
    void record_writesAMixOfOutcomesAtOnce() {
        Webhook hook = webhook(app, true, EventType.NEW_ERROR_OCCURRED);
        write(report().ingest(app));
        write(report().fingerprint("b").ingest(app));
        write(report().fingerprint("c").ingest(app));
        List<Long> ids = due().stream().map(Delivery::id).toList();
        assertThat(ids).hasSize(3);
        Instant deliveredAt = now();
        Instant retryAt = now().plus(AHEAD).plus(Duration.ofHours(1));

        outbox().record(List.of(
                Outcome.failed(ids.get(0), 503, "Service Unavailable", 120, retryAt),
                Outcome.delivered(ids.get(1), 204, 30, deliveredAt),
                Outcome.failed(ids.get(2), null, "connect timed out", 5000, null)));
        outbox().record(List.of());

        assertThat(outbox().deliveries(hook.id(), 10))
                .extracting(
                        Delivery::id,
                        Delivery::state,
                        Delivery::attempts,
                        Delivery::lastStatus,
                        Delivery::lastError,
                        Delivery::lastDurationMillis,
                        Delivery::deliveredAt)
                .containsExactlyInAnyOrder(
                        tuple(ids.get(0), State.PENDING, 1, 503, "Service Unavailable", 120L, null),
                        tuple(ids.get(1), State.DELIVERED, 1, 204, null, 30L, deliveredAt),
                        tuple(ids.get(2), State.FAILED, 1, null, "connect timed out", 5000L, null));
        assertThat(outbox().delivery(ids.get(0)).orElseThrow().dueAt()).isEqualTo(retryAt);
        assertThat(due()).isEmpty();
        assertThat(outbox().due(retryAt, 10)).extracting(Delivery::id).containsExactly(ids.get(0));
    }

    @Test
    void disabledWebhook_keepsItsDeliveriesPendingUntilEnabledAgain() {
        Webhook hook = webhook(app, true, EventType.NEW_ERROR_OCCURRED);
        Webhook other = webhook(app, true, EventType.NEW_ERROR_OCCURRED);
        write(report().ingest(app));

        outbox().updateWebhook(withEnabled(hook, false));

        assertThat(due()).extracting(Delivery::webhookId).containsExactly(other.id());
        assertThat(only(hook).state()).isEqualTo(State.PENDING);

        outbox().updateWebhook(withEnabled(hook, true));

        assertThat(due()).extracting(Delivery::webhookId).containsExactly(hook.id(), other.id());
    }

    @Test
    void delivery_isFoundById() {
        Webhook hook = webhook(app, true, EventType.NEW_ERROR_OCCURRED);
        Stored stored = write(report().ingest(app));
        Delivery listed = only(hook);

        assertThat(outbox().delivery(listed.id())).contains(listed);
        assertThat(listed.notification().eventId()).isEqualTo(stored.eventId());
        assertThat(outbox().delivery(listed.id() + 1000)).isEmpty();
    }

    @Test
    void newGroup_startsFollowUpsOnlyWhenAWebhookTakesThem() {
        webhook(app, true, EventType.NEW_ERROR_OCCURRED);
        App other = newApp();
        webhook(other, true, EventType.HOURLY_FOLLOW_UP);
        webhook(newApp(), false, EventType.HOURLY_FOLLOW_UP);

        write(report().ingest(app));
        Stored stored = write(report().ingest(other), report().ingest(other)).getFirst();

        List<FollowUp> due = outbox().dueFollowUps(now().plus(AHEAD), 10);
        assertThat(due).hasSize(1);
        FollowUp followUp = due.getFirst();
        assertThat(followUp.groupId()).isEqualTo(stored.groupId());
        assertThat(followUp.appId()).isEqualTo(other.id());
        assertThat(followUp.step()).isZero();
        assertThat(followUp.dueAt()).isEqualTo(followUp.startedAt().plus(Duration.ofMinutes(1)));
        assertThat(followUp.occurrencesBefore()).isEqualTo(2);
        assertThat(followUp.occurrences()).isEqualTo(2);
        assertThat(followUp.status()).isEqualTo(GroupStatus.ACTIVE);
        assertThat(followUp.continues()).isFalse();
        assertThat(outbox().dueFollowUps(followUp.dueAt().minusMillis(1), 10)).isEmpty();
    }

    @Test
    void sendFollowUp_fansOutAndMovesTheSequenceOn() {
        Webhook hook = webhook(app, true, EventType.ONE_MINUTE_FOLLOW_UP);
        long groupId = write(report().ingest(app)).groupId();
        write(report().ingest(app));
        FollowUp followUp = outbox().dueFollowUps(now().plus(AHEAD), 10).getFirst();
        assertThat(followUp.continues()).isTrue();
        Instant at = now();
        Instant nextAt = followUp.startedAt().plus(Duration.ofMinutes(5));

        assertThat(outbox().sendFollowUp(followUp, followUp(groupId, EventType.ONE_MINUTE_FOLLOW_UP, at), nextAt))
                .isTrue();

        Delivery delivery = only(hook);
        assertThat(delivery.notification())
                .extracting(Notification::type, Notification::groupId, Notification::appId, Notification::at)
                .containsExactly(EventType.ONE_MINUTE_FOLLOW_UP, groupId, app.id(), at);
        FollowUp next = outbox().dueFollowUps(now().plus(AHEAD), 10).getFirst();
        assertThat(next.step()).isEqualTo(1);
        assertThat(next.dueAt()).isEqualTo(nextAt);
        assertThat(next.startedAt()).isEqualTo(followUp.startedAt());
        assertThat(next.occurrencesBefore()).isEqualTo(2);
        assertThat(next.continues()).isFalse();
        assertThat(outbox().sendFollowUp(followUp, followUp(groupId, EventType.ONE_MINUTE_FOLLOW_UP, at), nextAt))
                .as("a stale step sends nothing")
                .isFalse();
        assertThat(outbox().deliveries(hook.id(), 10)).hasSize(1);
    }

    @Test
    void endFollowUps_endsSeveralAtOnceButNotOneThatMovedOn() {
        webhook(app, true, EventType.ONE_MINUTE_FOLLOW_UP);
        write(report().fingerprint("a").ingest(app));
        write(report().fingerprint("b").ingest(app));
        write(report().fingerprint("c").ingest(app));
        List<FollowUp> due = outbox().dueFollowUps(now().plus(AHEAD), 10);
        assertThat(due).hasSize(3);
        FollowUp movedOn = due.get(2);
        assertThat(outbox().sendFollowUp(
                                movedOn,
                                new Notification(
                                        0, app.id(), movedOn.groupId(), null, FollowUp.type(0), Map.of(), now()),
                                now().plus(AHEAD)))
                .isTrue();

        outbox().endFollowUps(due);
        outbox().endFollowUps(List.of());

        assertThat(outbox().dueFollowUps(now().plus(AHEAD).plus(AHEAD), 10))
                .extracting(FollowUp::groupId)
                .containsExactly(movedOn.groupId());
    }

    @Test
    void endFollowUps_endsTheSequenceAndARegressionStartsANewOne() {
        webhook(app, true, EventType.HOURLY_FOLLOW_UP);
        long groupId = write(report().ingest(app)).groupId();
        FollowUp followUp = outbox().dueFollowUps(now().plus(AHEAD), 10).getFirst();
        store.updateGroups(List.of(groupId), GroupChange.status(GroupStatus.RESOLVED), byAlice);
        assertThat(outbox().dueFollowUps(now().plus(AHEAD), 10))
                .extracting(FollowUp::status)
                .containsExactly(GroupStatus.RESOLVED);

        outbox().endFollowUps(List.of(followUp));

        assertThat(outbox().dueFollowUps(now().plus(AHEAD), 10)).isEmpty();
        write(report().ingest(app));
        assertThat(outbox().dueFollowUps(now().plus(AHEAD), 10))
                .extracting(FollowUp::groupId, FollowUp::step, FollowUp::occurrencesBefore, FollowUp::status)
                .containsExactly(tuple(groupId, 0, 2L, GroupStatus.ACTIVE));
    }

    @Test
    void deliveries_newestFirst() {
        Webhook hook = webhook(app, true, EventType.NEW_ERROR_OCCURRED);
        long first = write(report().fingerprint("a").ingest(app)).groupId();
        long second = write(report().fingerprint("b").ingest(app)).groupId();
        long third = write(report().fingerprint("c").ingest(app)).groupId();

        assertThat(outbox().deliveries(hook.id(), 10))
                .extracting(delivery -> delivery.notification().groupId())
                .containsExactly(third, second, first);
        assertThat(outbox().deliveries(hook.id(), 2))
                .extracting(delivery -> delivery.notification().groupId())
                .containsExactly(third, second);
    }

    @Test
    void enqueueTest_deliversToThatWebhookOnly() {
        long groupId = write(report().ingest(app)).groupId();
        Webhook hook = webhook(app, true, EventType.NEW_ERROR_OCCURRED);
        Webhook other = webhook(app, true, EventType.values());
        Instant at = now();

        Delivery test = outbox().enqueueTest(
                        hook.id(),
                        new Notification(
                                0, app.id(), groupId, null, EventType.COMMENT_ADDED, Map.of("comment", "test"), at));

        assertThat(test.webhookId()).isEqualTo(hook.id());
        assertThat(test.state()).isEqualTo(State.PENDING);
        assertThat(test.notification().appId()).isEqualTo(app.id());
        assertThat(test.notification().type()).isEqualTo(EventType.COMMENT_ADDED);
        assertThat(test.notification().details()).isEqualTo(Map.of("comment", "test"));
        assertThat(outbox().due(at, 10)).containsExactly(test);
        assertThat(outbox().deliveries(other.id(), 10)).isEmpty();
    }

    /**
     * A session of an app that does not exist fails its whole batch (written after the reports, it
     * fails late), notifications included.
     */
    @Test
    void failedBatch_notifiesNothing() {
        Webhook hook = webhook(app, true, EventType.NEW_ERROR_OCCURRED);
        List<IngestItem> batch = List.of(
                report().fingerprint("new").ingest(app),
                TestSession.session("s-1").start(app.id() + 1000));

        assertThatThrownBy(() -> store.write(batch)).isInstanceOf(RuntimeException.class);

        assertThat(due()).isEmpty();
        write(batch.getFirst());
        assertThat(outbox().deliveries(hook.id(), 10)).hasSize(1);
    }

    private Outbox outbox() {
        return (Outbox) store;
    }

    private Webhook webhook(App owner, boolean enabled, EventType... events) {
        return outbox().createWebhook(new Webhook(
                0,
                owner.id(),
                "http://127.0.0.1:9/hook",
                enabled,
                Set.of(events),
                "secret",
                Webhook.Style.RAYGUN,
                Instant.EPOCH));
    }

    private Notification followUp(long groupId, EventType type, Instant at) {
        return new Notification(0, app.id(), groupId, null, type, Map.of(), at);
    }

    private static Webhook withEnabled(Webhook hook, boolean enabled) {
        return new Webhook(
                hook.id(),
                hook.appId(),
                hook.url(),
                enabled,
                hook.events(),
                hook.secret(),
                hook.style(),
                hook.createdAt());
    }

    private List<Delivery> due() {
        return outbox().due(now().plus(AHEAD), 100);
    }

    private Delivery only(Webhook hook) {
        List<Delivery> deliveries = outbox().deliveries(hook.id(), 10);
        assertThat(deliveries).hasSize(1);
        return deliveries.getFirst();
    }

    /** The wall clock's now to the millisecond, as the store keeps times. */
    private static Instant now() {
        return Instant.ofEpochMilli(System.currentTimeMillis());
    }
}
