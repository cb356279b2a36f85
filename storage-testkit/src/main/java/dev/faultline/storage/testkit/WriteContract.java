package dev.faultline.storage.testkit;

import static dev.faultline.storage.testkit.TestAttachment.attachment;
import static dev.faultline.storage.testkit.TestReport.T0;
import static dev.faultline.storage.testkit.TestReport.report;
import static dev.faultline.storage.testkit.TestSession.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.ingest.Ingest;
import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.store.Attachment;
import dev.faultline.core.store.GroupDetail.HourCount;
import dev.faultline.core.store.GroupDetail.VersionCount;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.core.store.SessionDay;
import dev.faultline.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link Store#write}: grouping, duplicates, counters and atomicity. */
public abstract class WriteContract extends StoreContractSupport {

    @Test
    void firstReportOfAFingerprint_makesANewGroup() {
        App app = newApp();

        Stored stored = write(report().fingerprint("abc").ingest(app));

        assertThat(stored.newGroup()).isTrue();
        assertThat(stored.duplicate()).isFalse();
        Group group = group(stored.groupId());
        assertThat(group.appId()).isEqualTo(app.id());
        assertThat(group.groupingVersion()).isEqualTo("v1");
        assertThat(group.fingerprint()).isEqualTo("abc");
        assertThat(group.title()).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(group.className()).isEqualTo("java.lang.IllegalStateException");
        assertThat(group.message()).isEqualTo("boom");
        assertThat(group.status()).isEqualTo(GroupStatus.ACTIVE);
        assertThat(group.count()).isEqualTo(1);
        assertThat(group.userCount()).isZero();
        assertThat(group.firstSeen()).isEqualTo(T0);
        assertThat(group.lastSeen()).isEqualTo(T0);
        assertThat(group.versions()).isEmpty();
    }

    @Test
    void nextReportOfTheFingerprint_isAnOccurrence() {
        App app = newApp();
        Stored first = write(report().ingest(app));

        Stored second =
                write(report().at(T0.plusSeconds(90)).error("Other", "text").ingest(app));

        assertThat(second.groupId()).isEqualTo(first.groupId());
        assertThat(second.eventId()).isNotEqualTo(first.eventId());
        assertThat(second.newGroup()).isFalse();
        assertThat(second.duplicate()).isFalse();
        Group group = group(first.groupId());
        assertThat(group.count()).isEqualTo(2);
        assertThat(group.firstSeen()).isEqualTo(T0);
        assertThat(group.lastSeen()).isEqualTo(T0.plusSeconds(90));
        assertThat(group.title())
                .as("the first report names the group")
                .isEqualTo("java.lang.IllegalStateException: boom");
    }

    @Test
    void reportsOfOneBatch_areGroupedInOrder() {
        App app = newApp();

        List<Stored> stored = write(
                report().fingerprint("a").ingest(app),
                report().fingerprint("b").ingest(app),
                report().fingerprint("a").ingest(app));

        assertThat(stored).extracting(Stored::newGroup).containsExactly(true, true, false);
        assertThat(stored.get(2).groupId()).isEqualTo(stored.get(0).groupId());
        assertThat(stored.get(1).groupId()).isNotEqualTo(stored.get(0).groupId());
        assertThat(stored).extracting(Stored::eventId).doesNotHaveDuplicates();
        assertThat(group(stored.get(0).groupId()).count()).isEqualTo(2);
        assertThat(group(stored.get(1).groupId()).count()).isEqualTo(1);
    }

    @Test
    void otherAlgorithmOrOtherApp_makesAnotherGroup() {
        App app = newApp();
        App other = newApp();

        List<Stored> stored =
                write(report().ingest(app), report().algorithm("v2").ingest(app), report().ingest(other));

        assertThat(stored).extracting(Stored::newGroup).containsExactly(true, true, true);
        assertThat(stored).extracting(Stored::groupId).doesNotHaveDuplicates();
        assertThat(group(stored.get(1).groupId()).groupingVersion()).isEqualTo("v2");
        assertThat(group(stored.get(2).groupId()).appId()).isEqualTo(other.id());
    }

    @Test
    void title_isTypeAndFirstLineOfMessage() {
        App app = newApp();

        List<Stored> stored = write(
                report().fingerprint("1")
                        .error("TypeError", "x is undefined\n  at line 2")
                        .ingest(app),
                report().fingerprint("2").error("", "only a message").ingest(app),
                report().fingerprint("3").error("OnlyAType", "").ingest(app),
                report().fingerprint("4").error("", "").ingest(app),
                report().fingerprint("5").error("Long", "m".repeat(5000)).ingest(app));

        assertThat(stored)
                .extracting(each -> group(each.groupId()).title())
                .startsWith("TypeError: x is undefined", "only a message", "OnlyAType", "(no message)");
        Group longOne = group(stored.get(4).groupId());
        assertThat(longOne.title()).startsWith("Long: mmm").hasSizeBetween(150, 200);
        assertThat(longOne.message()).startsWith("mmm").hasSizeBetween(1000, 2000);
    }

    @Test
    void occurrenceTimes_areClampedToReceipt() {
        App app = newApp();
        Instant received = T0.plus(Duration.ofMinutes(30));

        Stored stored = write(report().occurredAt(T0.plus(Duration.ofDays(2)))
                .receivedAt(received)
                .ingest(app));

        Group group = group(stored.groupId());
        assertThat(group.firstSeen()).isEqualTo(received);
        assertThat(group.lastSeen()).isEqualTo(received);
        assertThat(detail(stored.groupId()).hourly()).containsExactly(new HourCount(T0, 1));
    }

    @Test
    void sameLogIdTwiceInOneBatch_isOneEvent() {
        App app = newApp();

        List<Stored> stored = write(
                report().logId("log-1").user("alice", null).ingest(app),
                report().logId("log-1").user("bob", null).ingest(app));

        assertThat(stored.get(0))
                .isEqualTo(new Stored(stored.get(0).eventId(), stored.get(0).groupId(), true, false));
        assertThat(stored.get(1))
                .isEqualTo(new Stored(stored.get(0).eventId(), stored.get(0).groupId(), false, true));
        Group group = group(stored.get(0).groupId());
        assertThat(group.count()).isEqualTo(1);
        assertThat(group.userCount()).isEqualTo(1);
        assertThat(store.events(group.id(), null, 10).items()).hasSize(1);
    }

    @Test
    void sameLogIdInALaterBatch_isADuplicateThatChangesNothing() {
        App app = newApp();
        Stored first = write(report().logId("log-1").ingest(app));

        Stored again = write(report().logId("log-1")
                .at(T0.plus(Duration.ofHours(5)))
                .version("2.0")
                .user("alice", null)
                .ingest(app));

        assertThat(again).isEqualTo(new Stored(first.eventId(), first.groupId(), false, true));
        Group group = group(first.groupId());
        assertThat(group.count()).isEqualTo(1);
        assertThat(group.lastSeen()).isEqualTo(T0);
        assertThat(group.userCount()).isZero();
        assertThat(group.versions()).isEmpty();
        assertThat(detail(group.id()).hourly()).containsExactly(new HourCount(T0, 1));
        assertThat(store.events(group.id(), null, 10).items()).hasSize(1);
    }

    @Test
    void sameLogIdInAnotherApp_isNotADuplicate() {
        App app = newApp();
        App other = newApp();

        List<Stored> stored = write(
                report().logId("log-1").ingest(app), report().logId("log-1").ingest(other));

        assertThat(stored).extracting(Stored::duplicate).containsExactly(false, false);
        assertThat(stored).extracting(Stored::eventId).doesNotHaveDuplicates();
    }

    @Test
    void users_areCountedOncePerGroupByIdentifierElseUuid() {
        App app = newApp();
        List<Stored> stored = write(
                report().user("alice", "device-1").ingest(app),
                report().user("alice", "device-2").ingest(app),
                report().user(null, "device-3").ingest(app),
                report().user(null, null).ingest(app),
                report().ingest(app),
                report().fingerprint("other").user("alice", null).ingest(app));

        write(
                report().user("bob", null).ingest(app),
                report().user(null, "device-3").ingest(app));
        write(report().user("alice", "device-9").ingest(app));

        assertThat(group(stored.get(0).groupId()).userCount())
                .as("alice, device-3, bob")
                .isEqualTo(3);
        assertThat(group(stored.get(5).groupId()).userCount()).isEqualTo(1);
    }

    @Test
    void users_fallBackToTheInstallId() {
        App app = newApp();

        Stored stored = write(
                        report().installId("install-1").ingest(app),
                        report().installId("install-1").ingest(app))
                .getFirst();

        assertThat(group(stored.groupId()).userCount()).isEqualTo(1);
    }

    @Test
    void versions_areCountedMostRecentFirst() {
        App app = newApp();
        Stored stored = write(
                        report().version("1.0").at(T0).ingest(app),
                        report().version("1.1").at(T0.plusSeconds(60)).ingest(app),
                        report().at(T0.plusSeconds(90)).ingest(app))
                .getFirst();
        write(report().version("1.0").at(T0.plusSeconds(120)).ingest(app));
        write(report().version("0.9").at(T0.minusSeconds(60)).ingest(app));

        assertThat(detail(stored.groupId()).versions())
                .containsExactly(
                        new VersionCount("1.0", 2, T0, T0.plusSeconds(120)),
                        new VersionCount("1.1", 1, T0.plusSeconds(60), T0.plusSeconds(60)),
                        new VersionCount("0.9", 1, T0.minusSeconds(60), T0.minusSeconds(60)));
        assertThat(group(stored.groupId()).versions()).containsExactly("1.0", "1.1", "0.9");
    }

    @Test
    void groupVersions_listTheTwentyMostRecent() {
        App app = newApp();
        List<Ingest> batch = IntStream.range(0, 25)
                .mapToObj(i -> report().version("v" + i).at(T0.plusSeconds(i)).ingest(app))
                .toList();
        long groupId = store.write(batch).getFirst().groupId();

        List<String> expected =
                IntStream.range(0, 20).mapToObj(i -> "v" + (24 - i)).toList();
        assertThat(group(groupId).versions()).containsExactlyElementsOf(expected);
        assertThat(store.groups(new GroupQuery(app.id(), null, null, null, 10))
                        .items()
                        .getFirst()
                        .versions())
                .containsExactlyElementsOf(expected);
        assertThat(detail(groupId).versions()).hasSize(25);
    }

    @Test
    void hourlyCounts_areOldestFirst() {
        App app = newApp();
        Stored stored = write(
                        report().at(T0.plus(Duration.ofMinutes(5))).ingest(app),
                        report().at(T0.plus(Duration.ofMinutes(70))).ingest(app))
                .getFirst();
        write(report().at(T0.plus(Duration.ofMinutes(55))).ingest(app));
        write(report().at(T0.minus(Duration.ofHours(3))).ingest(app));

        assertThat(detail(stored.groupId()).hourly())
                .containsExactly(
                        new HourCount(T0.minus(Duration.ofHours(3)), 1),
                        new HourCount(T0, 2),
                        new HourCount(T0.plus(Duration.ofHours(1)), 1));
    }

    @Test
    void hourlyCounts_coverTwoWeeksUpToTheLatestHour() {
        App app = newApp();
        Stored stored = write(
                        report().at(T0).ingest(app),
                        report().at(T0.plus(Duration.ofHours(100))).ingest(app),
                        report().at(T0.plus(Duration.ofHours(400))).ingest(app))
                .getFirst();

        assertThat(detail(stored.groupId()).hourly())
                .containsExactly(
                        new HourCount(T0.plus(Duration.ofHours(100)), 1),
                        new HourCount(T0.plus(Duration.ofHours(400)), 1));
    }

    /** An ingest for an app that does not exist fails its whole batch. */
    @Test
    void failedBatch_storesNothing() {
        App app = newApp();
        List<Ingest> batch = List.of(
                report().fingerprint("new").logId("log-1").user("alice", null).ingest(app),
                report().fingerprint("other").ingest(app.id() + 1000));

        assertThatThrownBy(() -> store.write(batch)).isInstanceOf(RuntimeException.class);

        assertThat(store.groups(new GroupQuery(app.id(), null, null, null, 10)).items())
                .isEmpty();
        Stored retried = write(batch.getFirst());
        assertThat(retried.newGroup()).isTrue();
        assertThat(retried.duplicate()).isFalse();
        assertThat(group(retried.groupId()).count()).isEqualTo(1);
        assertThat(group(retried.groupId()).userCount()).isEqualTo(1);
    }

    @Test
    void mixedBatch_answersEachItemInOrder() {
        App app = newApp();

        List<Stored> stored = write(
                attachment("a1").of("log-1").upload(app),
                report().logId("log-1").ingest(app),
                session("s1").start(app),
                attachment("a1").of("log-1").upload(app),
                report().logId("log-1").ingest(app),
                session("s1").crash(app));

        Stored event = stored.get(1);
        assertThat(event.eventId()).isPositive();
        assertThat(stored)
                .containsExactly(
                        new Stored(0, 0, false, false),
                        new Stored(event.eventId(), event.groupId(), true, false),
                        new Stored(0, 0, false, false),
                        new Stored(0, 0, false, true),
                        new Stored(event.eventId(), event.groupId(), false, true),
                        new Stored(0, 0, false, false));
        assertThat(store.attachments(event.eventId()))
                .extracting(Attachment::id)
                .containsExactly("a1");
        assertThat(store.sessions(app.id(), null))
                .containsExactly(new SessionDay("1.0", LocalDate.of(2026, 1, 5), 1, 1, 0, 0));
    }

    /** An attachment or a session for an app that does not exist fails its whole batch too. */
    @Test
    void failedMixedBatch_storesNothing() {
        App app = newApp();
        long unknownApp = app.id() + 1000;

        assertThatThrownBy(() -> write(
                        report().logId("log-1").ingest(app),
                        attachment("a1").upload(app),
                        session("s1").start(app),
                        session("s2").start(unknownApp)))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() ->
                        write(attachment("a2").upload(app), attachment("a3").upload(unknownApp)))
                .isInstanceOf(RuntimeException.class);

        assertThat(store.sessions(app.id(), null)).isEmpty();
        List<Stored> retried = write(
                report().logId("log-1").ingest(app),
                attachment("a1").upload(app),
                attachment("a2").upload(app));
        assertThat(retried).extracting(Stored::duplicate).containsExactly(false, false, false);
        assertThat(retried.getFirst().newGroup()).isTrue();
        assertThat(store.attachments(retried.getFirst().eventId()))
                .extracting(Attachment::id)
                .containsExactly("a1", "a2");
    }

    @Test
    void emptyBatch_writesNothing() {
        assertThat(store.write(List.of())).isEmpty();
    }

    @Test
    void concurrentFirstReports_makeOneGroup() throws Exception {
        App app = newApp();
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Stored>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                results.add(executor.submit(() -> {
                    start.await();
                    return write(report().ingest(app));
                }));
            }
            start.countDown();
        }

        List<Stored> stored = new ArrayList<>();
        for (Future<Stored> result : results) {
            stored.add(result.get());
        }
        assertThat(stored)
                .extracting(Stored::groupId)
                .containsOnly(stored.getFirst().groupId());
        assertThat(stored).filteredOn(Stored::newGroup).hasSize(1);
        assertThat(group(stored.getFirst().groupId()).count()).isEqualTo(writers);
    }

    @Test
    void writesOfOneStore_areSeenByAnotherOnTheSameData() {
        App app = newApp();
        Store other = openAnother();
        Stored first = write(report().ingest(app));

        assertThat(other.app(app.id())).contains(app);
        assertThat(other.group(first.groupId())).isPresent();
        assertThat(other.event(first.eventId())).isPresent();

        Stored fromOther = other.write(List.of(report().ingest(app))).getFirst();
        Stored third = write(report().ingest(app));

        assertThat(fromOther.groupId()).isEqualTo(first.groupId());
        assertThat(fromOther.newGroup()).isFalse();
        assertThat(third.groupId()).isEqualTo(first.groupId());
        assertThat(group(first.groupId()).count()).isEqualTo(3);
        assertThat(other.group(first.groupId()).orElseThrow().group().count()).isEqualTo(3);

        Stored madeByOther =
                other.write(List.of(report().fingerprint("b").ingest(app))).getFirst();
        Stored seenHere = write(report().fingerprint("b").ingest(app));
        assertThat(seenHere.groupId()).isEqualTo(madeByOther.groupId());
        assertThat(seenHere.newGroup()).isFalse();
    }
}
