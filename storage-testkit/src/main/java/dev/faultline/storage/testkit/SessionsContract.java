package dev.faultline.storage.testkit;

import static dev.faultline.storage.testkit.TestReport.T0;
import static dev.faultline.storage.testkit.TestSession.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.store.SessionDay;
import dev.faultline.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * App Center sessions ({@link Store#sessions}): each counted once, under the version and UTC day
 * of its first sighting; a crash in it marks it crashed whenever it is seen.
 */
public abstract class SessionsContract extends StoreContractSupport {
    /** The day of {@link TestReport#T0}. */
    private static final LocalDate DAY0 = LocalDate.of(2026, 1, 5);

    @Test
    void session_isCountedOnceHoweverOftenItIsSeen() {
        App app = newApp();

        List<Stored> stored = write(
                session("s1").installId("i1").start(app),
                session("s1").installId("i1").start(app));
        Stored again = write(session("s1").installId("i1").start(app));

        assertThat(stored).containsOnly(new Stored(0, 0, false, false));
        assertThat(again).isEqualTo(new Stored(0, 0, false, false));
        assertThat(store.sessions(app.id(), null)).containsExactly(new SessionDay("1.0", DAY0, 1, 0, 1, 0));
    }

    @Test
    void crash_marksTheSessionCrashed() {
        App app = newApp();
        write(session("s1").installId("i1").start(app));

        write(session("s1").installId("i1").at(T0.plusSeconds(60)).crash(app));
        write(session("s1").installId("i1").start(app));

        assertThat(store.sessions(app.id(), null)).containsExactly(new SessionDay("1.0", DAY0, 1, 1, 1, 1));
    }

    @Test
    void crashSeenBeforeTheStart_isOneCrashedSession() {
        App app = newApp();

        write(session("s1").installId("i1").at(T0.plusSeconds(60)).crash(app));
        write(session("s1").installId("i1").start(app));

        assertThat(store.sessions(app.id(), null)).containsExactly(new SessionDay("1.0", DAY0, 1, 1, 1, 1));
    }

    @Test
    void sessions_areCountedPerVersionAndUtcDayOfTheirFirstSighting() {
        App app = newApp();
        Instant lastMillisecondOfDay0 = T0.plus(Duration.ofHours(14)).minusMillis(1);

        write(
                session("s1").at(T0).start(app),
                session("s2").at(lastMillisecondOfDay0).start(app),
                session("s3").at(lastMillisecondOfDay0.plusMillis(1)).start(app),
                session("s4").version("1.1").start(app),
                session("s5").version("0.9").at(T0.minus(Duration.ofDays(2))).start(app));
        write(session("s1").version("1.1").at(T0.plus(Duration.ofDays(1))).crash(app));

        assertThat(store.sessions(app.id(), null))
                .containsExactly(
                        new SessionDay("0.9", DAY0.minusDays(2), 1, 0, 0, 0),
                        new SessionDay("1.0", DAY0, 2, 1, 0, 0),
                        new SessionDay("1.0", DAY0.plusDays(1), 1, 0, 0, 0),
                        new SessionDay("1.1", DAY0, 1, 0, 0, 0));
    }

    @Test
    void users_areDistinctInstallIds() {
        App app = newApp();

        write(
                session("s1").installId("i1").start(app),
                session("s2").installId("i1").start(app),
                session("s3").installId("i2").start(app),
                session("s4").start(app),
                session("s5").installId("i3").crash(app),
                session("s6").installId("i1").crash(app),
                session("s7").installId("i1").crash(app));

        assertThat(store.sessions(app.id(), null))
                .as("7 sessions, 3 crashed; users i1, i2, i3; crashed users i1, i3")
                .containsExactly(new SessionDay("1.0", DAY0, 7, 3, 3, 2));
    }

    @Test
    void installId_isFilledInByALaterSightingButNeverReplaced() {
        App app = newApp();
        write(session("s1").start(app), session("s2").installId("i2").start(app));

        write(
                session("s1").installId("i1").crash(app),
                session("s2").installId("i3").crash(app));

        assertThat(store.sessions(app.id(), null))
                .as("users i1, i2")
                .containsExactly(new SessionDay("1.0", DAY0, 2, 2, 2, 2));
    }

    @Test
    void versionFilter_countsOnlyThatVersion() {
        App app = newApp();
        write(
                session("s1").version("1.0").start(app),
                session("s2").version("1.1").start(app),
                session("s3").version("1.1").at(T0.plus(Duration.ofDays(1))).start(app));

        assertThat(store.sessions(app.id(), "1.1"))
                .containsExactly(
                        new SessionDay("1.1", DAY0, 1, 0, 0, 0), new SessionDay("1.1", DAY0.plusDays(1), 1, 0, 0, 0));
        assertThat(store.sessions(app.id(), "2.0")).isEmpty();
    }

    @Test
    void otherApps_areNotCounted() {
        App app = newApp();
        App other = newApp();

        write(
                session("s1").installId("i1").start(app),
                session("s1").installId("i1").crash(other),
                session("s2").installId("i2").start(other));

        assertThat(store.sessions(app.id(), null)).containsExactly(new SessionDay("1.0", DAY0, 1, 0, 1, 0));
        assertThat(store.sessions(other.id(), null)).containsExactly(new SessionDay("1.0", DAY0, 2, 1, 2, 1));
        assertThat(store.sessions(newApp().id(), null)).isEmpty();
        assertThat(store.sessions(424242, null)).isEmpty();
    }
}
