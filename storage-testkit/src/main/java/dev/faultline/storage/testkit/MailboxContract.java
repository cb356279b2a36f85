package dev.faultline.storage.testkit;

import static dev.faultline.storage.testkit.TestReport.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.account.User;
import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.notify.EmailChoice;
import dev.faultline.core.notify.EventType;
import dev.faultline.core.notify.Mailbox;
import dev.faultline.core.notify.Notification;
import dev.faultline.core.notify.Outbox;
import dev.faultline.core.notify.Webhook;
import dev.faultline.core.store.Actor;
import dev.faultline.core.store.GroupChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Email choices, recipients, the alert cursor and digest times ({@link Mailbox}). A backend's store
 * implements {@link Mailbox} too.
 */
public abstract class MailboxContract extends StoreContractSupport {
    private static final EmailChoice ALERTS = new EmailChoice(true, false);
    private static final EmailChoice DIGEST = new EmailChoice(false, true);
    private static final EmailChoice BOTH = new EmailChoice(true, true);

    private Team team;
    private App app;
    private User alice;

    @BeforeEach
    void setUp() {
        team = accounts().createTeam("Mobile");
        app = store.createApp(team.id(), "Shop", "key-shop", "key-shop-secret");
        alice = member("alice@example.com", team);
    }

    @Test
    void emailChoices_areStoredPerAppAndNoneRemovesThem() {
        App other = store.createApp(team.id(), "Other", "key-other", "key-other-secret");

        mailbox().setEmailChoice(alice.id(), app.id(), ALERTS);
        mailbox().setEmailChoice(alice.id(), other.id(), DIGEST);
        mailbox().setEmailChoice(alice.id(), app.id(), BOTH);

        assertThat(mailbox().emailChoices(alice.id())).isEqualTo(Map.of(app.id(), BOTH, other.id(), DIGEST));
        mailbox().setEmailChoice(alice.id(), other.id(), EmailChoice.NONE);
        assertThat(mailbox().emailChoices(alice.id())).isEqualTo(Map.of(app.id(), BOTH));
        assertThat(((Mailbox) openAnother()).emailChoices(alice.id())).isEqualTo(Map.of(app.id(), BOTH));
    }

    @Test
    void alertRecipients_areTheTeamsMembersWhoChoseAlerts() {
        User bob = member("bob@example.com", team);
        User digestOnly = member("carol@example.com", team);
        User outsider = accounts().createUser("dave@example.com", null, false);
        mailbox().setEmailChoice(alice.id(), app.id(), BOTH);
        mailbox().setEmailChoice(bob.id(), app.id(), ALERTS);
        mailbox().setEmailChoice(digestOnly.id(), app.id(), DIGEST);
        mailbox().setEmailChoice(outsider.id(), app.id(), ALERTS);

        assertThat(mailbox().alertRecipients(app.id()))
                .extracting(User::email)
                .containsExactly("alice@example.com", "bob@example.com");

        accounts().removeMember(team.id(), bob.id());
        assertThat(mailbox().alertRecipients(app.id())).containsExactly(alice);
        accounts().setMember(team.id(), bob.id(), Role.MEMBER);
        assertThat(mailbox().alertRecipients(app.id()))
                .extracting(User::email)
                .containsExactly("alice@example.com", "bob@example.com");
        assertThat(mailbox()
                        .alertRecipients(store.createApp(team.id(), "Quiet", "key-quiet", "key-quiet-secret")
                                .id()))
                .isEmpty();
    }

    @Test
    void digestRecipients_mapEachMemberToTheAppsTheyChose() {
        App other = store.createApp(team.id(), "Other", "key-other", "key-other-secret");
        Team elsewhere = accounts().createTeam("Web");
        App foreign = store.createApp(elsewhere.id(), "Foreign", "key-foreign", "key-foreign-secret");
        User bob = member("bob@example.com", team);
        mailbox().setEmailChoice(alice.id(), app.id(), DIGEST);
        mailbox().setEmailChoice(alice.id(), other.id(), BOTH);
        mailbox().setEmailChoice(alice.id(), foreign.id(), DIGEST); // not a member of Web
        mailbox().setEmailChoice(bob.id(), app.id(), ALERTS);

        assertThat(mailbox().digestRecipients()).isEqualTo(Map.of(alice, List.of(app.id(), other.id())));
    }

    @Test
    void pendingAlerts_areNewErrorsAndRegressionsAfterTheCursor() {
        Actor byAlice = new Actor(alice.id(), alice.email());
        Stored first = write(report().fingerprint("a").ingest(app));
        store.updateGroups(List.of(first.groupId()), GroupChange.status(GroupStatus.RESOLVED), byAlice);
        Stored regressed = write(report().fingerprint("a").ingest(app));
        Stored second = write(report().fingerprint("b").ingest(app));
        write(report().fingerprint("b").ingest(app)); // neither new nor a regression

        List<Notification> pending = mailbox().pendingAlerts(10);

        assertThat(pending)
                .extracting(Notification::type, Notification::groupId, Notification::eventId, Notification::appId)
                .containsExactly(
                        tuple(EventType.NEW_ERROR_OCCURRED, first.groupId(), first.eventId(), app.id()),
                        tuple(EventType.ERROR_REOCCURRED, first.groupId(), regressed.eventId(), app.id()),
                        tuple(EventType.NEW_ERROR_OCCURRED, second.groupId(), second.eventId(), app.id()));
        assertThat(mailbox().pendingAlerts(2)).containsExactlyElementsOf(pending.subList(0, 2));

        mailbox().alertsSent(pending.get(1).id());
        assertThat(mailbox().pendingAlerts(10)).containsExactly(pending.get(2));
        mailbox().alertsSent(pending.get(0).id()); // never back
        assertThat(((Mailbox) openAnother()).pendingAlerts(10)).containsExactly(pending.get(2));
        mailbox().alertsSent(pending.get(2).id());
        assertThat(mailbox().pendingAlerts(10)).isEmpty();
    }

    @Test
    void pendingAlerts_leaveOutAWebhooksTestMessage() {
        Stored stored = write(report().ingest(app));
        Webhook hook = ((Outbox) store)
                .createWebhook(new Webhook(
                        0,
                        app.id(),
                        "https://example.com/hook",
                        true,
                        Set.of(EventType.NEW_ERROR_OCCURRED),
                        "secret",
                        Webhook.Style.RAYGUN,
                        Instant.EPOCH));

        ((Outbox) store)
                .enqueueTest(
                        hook.id(),
                        new Notification(
                                0,
                                app.id(),
                                stored.groupId(),
                                stored.eventId(),
                                EventType.NEW_ERROR_OCCURRED,
                                Map.of(),
                                Instant.now()));

        assertThat(mailbox().pendingAlerts(10))
                .extracting(Notification::eventId)
                .containsExactly(stored.eventId());
    }

    @Test
    void digestTimes_areKeptPerUser() {
        User bob = member("bob@example.com", team);
        Instant at = Instant.parse("2026-11-23T08:00:00Z");

        assertThat(mailbox().lastDigest(alice.id())).isEmpty();
        mailbox().digestSent(alice.id(), at);
        mailbox().digestSent(alice.id(), at.plusSeconds(86_400));

        assertThat(((Mailbox) openAnother()).lastDigest(alice.id())).contains(at.plusSeconds(86_400));
        assertThat(mailbox().lastDigest(bob.id())).isEmpty();
    }

    private User member(String email, Team of) {
        User user = accounts().createUser(email, null, false);
        accounts().setMember(of.id(), user.id(), Role.MEMBER);
        return user;
    }

    private Mailbox mailbox() {
        return (Mailbox) store;
    }
}
