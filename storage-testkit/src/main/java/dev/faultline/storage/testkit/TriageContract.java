package dev.faultline.storage.testkit;

import static dev.faultline.storage.testkit.TestReport.T0;
import static dev.faultline.storage.testkit.TestReport.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.faultline.core.account.User;
import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.ingest.Ingest;
import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.store.Activity;
import dev.faultline.core.store.Activity.Kind;
import dev.faultline.core.store.Actor;
import dev.faultline.core.store.GroupChange;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.core.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Triage ({@link Store#updateGroups}, {@link Store#comment}, {@link Store#activity}) and what it
 * does to the write path: a report reopens a resolved group (a regression), is discarded by a
 * permanently ignored group that discards, and is counted by an ignored one.
 */
public abstract class TriageContract extends StoreContractSupport {
    private static final GroupChange DISCARD =
            new GroupChange(GroupStatus.PERMANENTLY_IGNORED, null, true, false, null);

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
    void newGroup_isActiveWithoutTriageState() {
        Group group = group(write(report().ingest(app)).groupId());

        assertThat(group.status()).isEqualTo(GroupStatus.ACTIVE);
        assertThat(group.resolvedInVersion()).isNull();
        assertThat(group.assigneeId()).isNull();
        assertThat(group.discardNew()).isFalse();
        assertThat(store.activity(group.id())).isEmpty();
    }

    @Test
    void resolvedGroup_regressesOnItsNextReport() {
        long groupId = write(report().ingest(app)).groupId();
        store.updateGroups(List.of(groupId), GroupChange.status(GroupStatus.RESOLVED), byAlice);

        Stored stored = write(report().version("2.1").ingest(app));

        assertThat(stored.regressed()).isTrue();
        assertThat(stored.newGroup()).isFalse();
        assertThat(stored.eventId()).isPositive();
        Group group = group(groupId);
        assertThat(group.status()).isEqualTo(GroupStatus.ACTIVE);
        assertThat(group.count()).isEqualTo(2);
        assertThat(store.activity(groupId))
                .extracting(Activity::kind, Activity::actorId, Activity::actorName, Activity::status, Activity::text)
                .containsExactly(
                        tuple(Kind.STATUS_CHANGED, alice.id(), "alice@example.com", GroupStatus.RESOLVED, null),
                        tuple(Kind.REGRESSED, null, null, GroupStatus.ACTIVE, "2.1"));
        assertThat(write(report().ingest(app)).regressed())
                .as("active again, the next report is an occurrence")
                .isFalse();
    }

    @Test
    void onlyTheFirstReportOfABatch_regresses() {
        long groupId = write(report().ingest(app)).groupId();
        store.updateGroups(List.of(groupId), GroupChange.status(GroupStatus.RESOLVED), byAlice);

        List<Stored> stored =
                write(report().ingest(app), report().fingerprint("other").ingest(app), report().ingest(app));

        assertThat(stored).extracting(Stored::regressed).containsExactly(true, false, false);
        assertThat(group(groupId).count()).isEqualTo(3);
        assertThat(store.activity(groupId))
                .extracting(Activity::kind)
                .containsExactly(Kind.STATUS_CHANGED, Kind.REGRESSED);
    }

    @Test
    void resolvedInVersion_isReopenedOnlyByThatVersionOrALaterOne() {
        long groupId = write(report().version("1.8").ingest(app)).groupId();
        store.updateGroups(List.of(groupId), GroupChange.resolvedIn("1.9"), byAlice);

        Stored older = write(report().version("1.8").ingest(app));

        assertThat(older.regressed()).isFalse();
        assertThat(older.eventId()).as("stored and counted").isPositive();
        Group stillResolved = group(groupId);
        assertThat(stillResolved.status()).isEqualTo(GroupStatus.RESOLVED);
        assertThat(stillResolved.resolvedInVersion()).isEqualTo("1.9");
        assertThat(stillResolved.count()).isEqualTo(2);

        Stored newer = write(report().version("1.10").ingest(app));

        assertThat(newer.regressed()).as("1.10 comes after 1.9").isTrue();
        Group reopened = group(groupId);
        assertThat(reopened.status()).isEqualTo(GroupStatus.ACTIVE);
        assertThat(reopened.resolvedInVersion()).isNull();
        assertThat(store.activity(groupId).getLast())
                .extracting(Activity::kind, Activity::text)
                .containsExactly(Kind.REGRESSED, "1.10");
    }

    @Test
    void resolvedInVersion_isReopenedByThatVersionAndByAReportWithoutVersion() {
        List<Stored> groups = write(
                report().fingerprint("a").version("1.0").ingest(app),
                report().fingerprint("b").version("1.0").ingest(app));
        long same = groups.get(0).groupId();
        long unversioned = groups.get(1).groupId();
        store.updateGroups(List.of(same, unversioned), GroupChange.resolvedIn("2.0"), byAlice);

        List<Stored> stored = write(
                report().fingerprint("a").version("2.0").ingest(app),
                report().fingerprint("b").ingest(app));

        assertThat(stored).extracting(Stored::regressed).containsExactly(true, true);
        assertThat(store.activity(unversioned).getLast())
                .extracting(Activity::kind, Activity::text)
                .containsExactly(Kind.REGRESSED, null);
    }

    @Test
    void ignoredGroups_countTheirReportsAndStayIgnored() {
        List<Stored> groups = write(
                report().fingerprint("a").ingest(app), report().fingerprint("b").ingest(app));
        long ignored = groups.get(0).groupId();
        long permanently = groups.get(1).groupId();
        store.updateGroups(List.of(ignored), GroupChange.status(GroupStatus.IGNORED), byAlice);
        store.updateGroups(List.of(permanently), GroupChange.status(GroupStatus.PERMANENTLY_IGNORED), byAlice);

        List<Stored> stored = write(
                report().fingerprint("a").ingest(app), report().fingerprint("b").ingest(app));

        assertThat(stored).allSatisfy(each -> {
            assertThat(each.eventId()).isPositive();
            assertThat(each.regressed()).isFalse();
            assertThat(each.discarded()).isFalse();
        });
        assertThat(group(ignored).status()).isEqualTo(GroupStatus.IGNORED);
        assertThat(group(ignored).count()).isEqualTo(2);
        assertThat(group(permanently).status()).isEqualTo(GroupStatus.PERMANENTLY_IGNORED);
        assertThat(group(permanently).count()).isEqualTo(2);
        assertThat(store.drops(app.id())).isEmpty();
    }

    @Test
    void discardingGroup_dropsItsReportsUnstoredAndCountsThem() {
        Stored first = write(report().user("alice", null).ingest(app));
        long groupId = first.groupId();
        store.updateGroups(List.of(groupId), DISCARD, byAlice);

        List<Stored> stored = write(
                report().at(T0.plusSeconds(60)).user("bob", null).version("9.0").ingest(app),
                report().fingerprint("other").ingest(app),
                report().at(T0.plusSeconds(60)).ingest(app));
        Stored later = write(report().logId("log-1").ingest(app));

        Stored discarded = new Stored(0, groupId, false, false, false, true);
        assertThat(stored.get(0)).isEqualTo(discarded);
        assertThat(stored.get(1).eventId()).isPositive();
        assertThat(stored.get(2)).isEqualTo(discarded);
        assertThat(later).isEqualTo(discarded);
        Group group = group(groupId);
        assertThat(group.count()).isEqualTo(1);
        assertThat(group.lastSeen()).isEqualTo(T0);
        assertThat(group.userCount()).isEqualTo(1);
        assertThat(group.versions()).isEmpty();
        assertThat(group.status()).isEqualTo(GroupStatus.PERMANENTLY_IGNORED);
        assertThat(store.events(groupId, null, 10).items()).hasSize(1);
        assertThat(store.drops(app.id())).containsExactlyEntriesOf(Map.of(DropReason.DISCARDED, 3L));

        store.updateGroups(List.of(groupId), GroupChange.status(GroupStatus.ACTIVE), byAlice);
        Stored afterwards = write(report().ingest(app));

        assertThat(afterwards.discarded()).isFalse();
        assertThat(afterwards.eventId()).isPositive();
        assertThat(group(groupId).count()).isEqualTo(2);
    }

    @Test
    void permanentlyIgnoredWithoutDiscarding_keepsReports() {
        long groupId = write(report().ingest(app)).groupId();
        store.updateGroups(List.of(groupId), DISCARD, byAlice);
        store.updateGroups(List.of(groupId), GroupChange.status(GroupStatus.PERMANENTLY_IGNORED), byAlice);

        Stored stored = write(report().ingest(app));

        assertThat(stored.discarded()).isFalse();
        assertThat(group(groupId).discardNew()).isFalse();
        assertThat(store.activity(groupId))
                .as("dropping the discard is a change")
                .extracting(Activity::kind, Activity::status)
                .containsExactly(
                        tuple(Kind.STATUS_CHANGED, GroupStatus.PERMANENTLY_IGNORED),
                        tuple(Kind.STATUS_CHANGED, GroupStatus.PERMANENTLY_IGNORED));
    }

    @Test
    void updateGroups_recordsOnlyWhatChanges() {
        long groupId = write(report().ingest(app)).groupId();
        User bob = accounts().createUser("bob@example.com", null, false);
        Actor byToken = new Actor(null, "ci token");

        store.updateGroups(List.of(groupId), GroupChange.resolvedIn("3.0"), byAlice);
        store.updateGroups(List.of(groupId), GroupChange.resolvedIn("3.0"), byAlice);
        store.updateGroups(List.of(groupId), GroupChange.assign(bob.id()), byToken);
        store.updateGroups(List.of(groupId), GroupChange.assign(bob.id()), byAlice);
        store.updateGroups(List.of(groupId), GroupChange.assign(null), byAlice);
        store.updateGroups(List.of(groupId), GroupChange.assign(null), byAlice);
        store.updateGroups(
                List.of(groupId), new GroupChange(GroupStatus.RESOLVED, null, false, true, alice.id()), byAlice);

        assertThat(store.activity(groupId))
                .extracting(
                        Activity::groupId,
                        Activity::kind,
                        Activity::actorId,
                        Activity::actorName,
                        Activity::status,
                        Activity::resolvedInVersion,
                        Activity::assigneeId)
                .containsExactly(
                        tuple(
                                groupId,
                                Kind.STATUS_CHANGED,
                                alice.id(),
                                "alice@example.com",
                                GroupStatus.RESOLVED,
                                "3.0",
                                null),
                        tuple(groupId, Kind.ASSIGNED, null, "ci token", null, null, bob.id()),
                        tuple(groupId, Kind.ASSIGNED, alice.id(), "alice@example.com", null, null, null),
                        tuple(
                                groupId,
                                Kind.STATUS_CHANGED,
                                alice.id(),
                                "alice@example.com",
                                GroupStatus.RESOLVED,
                                null,
                                null),
                        tuple(groupId, Kind.ASSIGNED, alice.id(), "alice@example.com", null, null, alice.id()));
        Group group = group(groupId);
        assertThat(group.status()).isEqualTo(GroupStatus.RESOLVED);
        assertThat(group.resolvedInVersion())
                .as("resolving again without a version clears it")
                .isNull();
        assertThat(group.assigneeId()).isEqualTo(alice.id());
    }

    @Test
    void activity_isOldestFirstWithTimes() {
        Instant before = Instant.now().minusMillis(1);
        long groupId = write(report().ingest(app)).groupId();

        store.updateGroups(List.of(groupId), GroupChange.status(GroupStatus.IGNORED), byAlice);
        store.comment(groupId, "seen in staging only", byAlice);
        store.updateGroups(List.of(groupId), GroupChange.status(GroupStatus.ACTIVE), byAlice);

        List<Activity> activity = store.activity(groupId);
        assertThat(activity)
                .extracting(Activity::kind)
                .containsExactly(Kind.STATUS_CHANGED, Kind.COMMENTED, Kind.STATUS_CHANGED);
        assertThat(activity).extracting(Activity::id).isSorted().doesNotHaveDuplicates();
        assertThat(activity)
                .extracting(Activity::at)
                .allSatisfy(at -> assertThat(at).isBetween(before, Instant.now()));
    }

    @Test
    void settingAStatus_clearsTheVersionAndTheDiscardUnlessItSetsThem() {
        long groupId = write(report().ingest(app)).groupId();

        Group resolved = store.updateGroups(List.of(groupId), GroupChange.resolvedIn("2.0"), byAlice)
                .getFirst();
        Group ignored = store.updateGroups(List.of(groupId), GroupChange.status(GroupStatus.IGNORED), byAlice)
                .getFirst();
        Group discarding =
                store.updateGroups(List.of(groupId), DISCARD, byAlice).getFirst();
        Group active = store.updateGroups(List.of(groupId), GroupChange.status(GroupStatus.ACTIVE), byAlice)
                .getFirst();

        assertThat(resolved.resolvedInVersion()).isEqualTo("2.0");
        assertThat(ignored.status()).isEqualTo(GroupStatus.IGNORED);
        assertThat(ignored.resolvedInVersion()).isNull();
        assertThat(discarding.discardNew()).isTrue();
        assertThat(active.discardNew()).isFalse();
        assertThat(active.status()).isEqualTo(GroupStatus.ACTIVE);
        assertThat(group(groupId)).isEqualTo(active);
    }

    @Test
    void updateGroups_answersTheGroupsAsAskedSkippingUnknownIds() {
        List<Stored> stored = write(
                report().fingerprint("a").version("1.0").ingest(app),
                report().fingerprint("b").ingest(app),
                report().fingerprint("c").ingest(app));
        long a = stored.get(0).groupId();
        long c = stored.get(2).groupId();

        List<Group> updated =
                store.updateGroups(List.of(c, 424242L, a, c), GroupChange.status(GroupStatus.IGNORED), byAlice);

        assertThat(updated).containsExactly(group(c), group(a));
        assertThat(updated).extracting(Group::status).containsOnly(GroupStatus.IGNORED);
        assertThat(updated.get(1).versions()).containsExactly("1.0");
        assertThat(group(stored.get(1).groupId()).status()).isEqualTo(GroupStatus.ACTIVE);
        assertThat(store.activity(c)).hasSize(1);
    }

    @Test
    void updateGroups_refusesAnUnknownAssignee() {
        long groupId = write(report().ingest(app)).groupId();

        assertThatThrownBy(() -> store.updateGroups(List.of(groupId), GroupChange.assign(alice.id() + 1000), byAlice))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(group(groupId).assigneeId()).isNull();
        assertThat(store.activity(groupId)).isEmpty();
    }

    @Test
    void comment_isRecordedWithItsActor() {
        long groupId = write(report().ingest(app)).groupId();

        Activity comment = store.comment(groupId, "looking into it", byAlice).orElseThrow();

        assertThat(comment.groupId()).isEqualTo(groupId);
        assertThat(comment.kind()).isEqualTo(Kind.COMMENTED);
        assertThat(comment.actorId()).isEqualTo(alice.id());
        assertThat(comment.actorName()).isEqualTo("alice@example.com");
        assertThat(comment.text()).isEqualTo("looking into it");
        assertThat(store.activity(groupId)).containsExactly(comment);
        assertThat(store.comment(424242, "nobody home", byAlice)).isEmpty();
        assertThat(store.activity(424242)).isEmpty();
        assertThat(group(groupId).status()).isEqualTo(GroupStatus.ACTIVE);
    }

    @Test
    void triageState_isListedAndFiltered() {
        List<Stored> stored = write(
                report().fingerprint("a").ingest(app), report().fingerprint("b").ingest(app));
        long resolved = stored.get(0).groupId();
        store.updateGroups(List.of(resolved), GroupChange.resolvedIn("4.2"), byAlice);
        store.updateGroups(List.of(resolved), GroupChange.assign(alice.id()), byAlice);

        List<Group> listed = store.groups(new GroupQuery(app.id(), GroupStatus.RESOLVED, null, null, 10))
                .items();

        assertThat(listed).extracting(Group::id).containsExactly(resolved);
        assertThat(listed.getFirst().resolvedInVersion()).isEqualTo("4.2");
        assertThat(listed.getFirst().assigneeId()).isEqualTo(alice.id());
        assertThat(store.groups(new GroupQuery(app.id(), GroupStatus.ACTIVE, null, null, 10))
                        .items())
                .extracting(Group::id)
                .containsExactly(stored.get(1).groupId());
    }

    /** Triage by another process (the CLI) is seen by this one's next batch. */
    @Test
    void triageByAnotherStore_isSeenByTheNextBatch() {
        List<Stored> stored = write(
                report().fingerprint("a").ingest(app), report().fingerprint("b").ingest(app));
        long resolved = stored.get(0).groupId();
        long discarding = stored.get(1).groupId();
        Store other = openAnother();

        other.updateGroups(List.of(resolved), GroupChange.status(GroupStatus.RESOLVED), byAlice);
        other.updateGroups(List.of(discarding), DISCARD, byAlice);
        List<Stored> after = write(
                report().fingerprint("a").ingest(app), report().fingerprint("b").ingest(app));

        assertThat(after.get(0).regressed()).isTrue();
        assertThat(after.get(1).discarded()).isTrue();

        other.updateGroups(List.of(discarding), GroupChange.status(GroupStatus.ACTIVE), byAlice);
        assertThat(write(report().fingerprint("b").ingest(app)).discarded()).isFalse();
    }

    /** A batch that fails reopens nothing, and its retry regresses the group. */
    @Test
    void failedBatch_leavesTheGroupResolved() {
        long groupId = write(report().ingest(app)).groupId();
        store.updateGroups(List.of(groupId), GroupChange.status(GroupStatus.RESOLVED), byAlice);
        Ingest reopening = report().ingest(app);

        assertThatThrownBy(() -> store.write(List.of(reopening, report().ingest(app.id() + 1000))))
                .isInstanceOf(RuntimeException.class);

        assertThat(group(groupId).status()).isEqualTo(GroupStatus.RESOLVED);
        assertThat(store.activity(groupId)).hasSize(1);
        assertThat(write(reopening).regressed()).isTrue();
        assertThat(group(groupId).status()).isEqualTo(GroupStatus.ACTIVE);
    }
}
