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
import dev.faultline.core.store.EventSummary;
import dev.faultline.core.store.GroupDetail;
import dev.faultline.core.store.SessionDay;
import dev.faultline.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Store#deleteOldEvents}: an app's events received before a cutoff go, a limited number at
 * a time, with their attachments and the app's older sessions; group counters stay.
 */
public abstract class RetentionContract extends StoreContractSupport {
    private static final Instant CUTOFF = T0.plus(Duration.ofDays(10));

    @Test
    void oldEvents_goWithTheirAttachments_countersStay() {
        App app = newApp();
        List<Stored> old = write(
                report().logId("old-1")
                        .version("1.0")
                        .user("alice", null)
                        .tags("beta")
                        .ingest(app),
                report().fingerprint("b").logId("old-2").ingest(app),
                attachment("a-old").of("old-1").upload(app));
        Stored recent = write(report().at(CUTOFF).logId("new-1").version("2.0").ingest(app));
        write(attachment("a-new").of("new-1").upload(app));
        long groupId = recent.groupId();
        GroupDetail before = detail(groupId);

        int deleted = store.deleteOldEvents(app.id(), CUTOFF, 100);

        assertThat(deleted).isEqualTo(2);
        assertThat(store.event(old.get(0).eventId())).isEmpty();
        assertThat(store.event(old.get(1).eventId())).isEmpty();
        assertThat(store.event(recent.eventId())).isPresent();
        assertThat(store.events(groupId, null, 10).items())
                .extracting(EventSummary::id)
                .containsExactly(recent.eventId());
        assertThat(store.attachments(recent.eventId())).extracting(a -> a.id()).containsExactly("a-new");
        assertThat(detail(groupId))
                .as("counters, versions, hours and breakdowns stay")
                .isEqualTo(before);
        assertThat(store.group(old.get(1).groupId())).isPresent();
        assertThat(store.latestEvent(old.get(1).groupId())).isEmpty();

        // the attachment is gone: a new report with its log id has none, and its id is free again
        Stored resent = write(report().at(CUTOFF).logId("old-1").ingest(app));
        assertThat(resent.duplicate()).isFalse();
        assertThat(store.attachments(resent.eventId())).isEmpty();
        assertThat(write(attachment("a-old").of("old-1").upload(app)).duplicate())
                .isFalse();
    }

    @Test
    void limit_deletesOldestFirstAcrossCalls() {
        App app = newApp();
        List<Ingest> batch = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            batch.add(report().fingerprint("g" + (i % 3))
                    .at(T0.plus(Duration.ofHours(i)))
                    .ingest(app));
        }
        List<Stored> old = store.write(batch);
        Stored recent =
                write(report().fingerprint("g0").at(CUTOFF.plusSeconds(1)).ingest(app));

        List<Integer> deleted = new ArrayList<>();
        int last;
        do {
            last = store.deleteOldEvents(app.id(), CUTOFF, 3);
            deleted.add(last);
        } while (last == 3);

        assertThat(deleted).containsExactly(3, 3, 1);
        assertThat(old)
                .allSatisfy(each -> assertThat(store.event(each.eventId())).isEmpty());
        assertThat(store.event(recent.eventId())).isPresent();
        assertThat(store.deleteOldEvents(app.id(), CUTOFF, 3)).isZero();
        assertThat(group(recent.groupId()).count()).isEqualTo(4);
    }

    @Test
    void withinAGroup_theOldestGoFirst() {
        App app = newApp();
        List<Stored> stored = write(
                report().at(T0).ingest(app),
                report().at(T0.plusSeconds(1)).ingest(app),
                report().at(T0.plusSeconds(2)).ingest(app));

        assertThat(store.deleteOldEvents(app.id(), CUTOFF, 2)).isEqualTo(2);

        assertThat(store.events(stored.getFirst().groupId(), null, 10).items())
                .extracting(EventSummary::id)
                .containsExactly(stored.get(2).eventId());
    }

    @Test
    void otherApps_keepTheirEvents() {
        App app = newApp();
        App other = newApp();
        Stored mine = write(report().ingest(app));
        Stored theirs = write(report().logId("log-1").ingest(other));
        write(attachment("a1").of("log-1").upload(other));

        assertThat(store.deleteOldEvents(app.id(), CUTOFF, 100)).isEqualTo(1);

        assertThat(store.event(mine.eventId())).isEmpty();
        assertThat(store.event(theirs.eventId())).isPresent();
        assertThat(store.attachments(theirs.eventId())).hasSize(1);
        assertThat(store.deleteOldEvents(app.id() + 1000, CUTOFF, 100)).isZero();
    }

    @Test
    void sessions_beforeTheCutoffDay_go() {
        App app = newApp();
        App other = newApp();
        Instant cutoff = T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(5));
        write(
                session("s1").version("1.0").at(T0).start(app),
                session("s2").version("1.1").at(T0.plus(Duration.ofDays(2))).start(app),
                session("s3").version("1.1").at(T0.plus(Duration.ofDays(3))).start(app),
                session("s4").version("1.2").at(T0.plus(Duration.ofDays(4))).start(app),
                session("s5").version("1.0").at(T0).start(other));

        store.deleteOldEvents(app.id(), cutoff, 100);

        LocalDate day0 = LocalDate.of(2026, 1, 5);
        assertThat(store.sessions(app.id(), null))
                .as("the cutoff's own day stays")
                .containsExactly(
                        new SessionDay("1.1", day0.plusDays(3), 1, 0, 0, 0),
                        new SessionDay("1.2", day0.plusDays(4), 1, 0, 0, 0));
        assertThat(store.sessions(other.id(), null)).hasSize(1);
    }

    @Test
    void groups_stayListed() {
        App app = newApp();
        Stored old = write(report().ingest(app));

        store.deleteOldEvents(app.id(), CUTOFF, 100);

        Group group = group(old.groupId());
        assertThat(group.count()).isEqualTo(1);
        assertThat(group.lastSeen()).isEqualTo(T0);
    }

    @Test
    void limit_mustBePositive() {
        App app = newApp();

        assertThatThrownBy(() -> store.deleteOldEvents(app.id(), CUTOFF, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
