package dev.faultline.storage.testkit;

import static dev.faultline.storage.testkit.TestReport.T0;
import static dev.faultline.storage.testkit.TestReport.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.ingest.Ingest;
import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.store.GroupDetail;
import dev.faultline.core.store.GroupDetail.Count;
import dev.faultline.core.store.GroupDetail.HourCount;
import dev.faultline.core.store.Page;
import dev.faultline.core.store.Store;
import dev.faultline.core.store.Store.Neighbours;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What the dashboard reads of one group besides its events: the breakdowns of its {@link
 * GroupDetail}, its hourly counts ({@link Store#hourly}), its users ({@link Store#affectedUsers})
 * and the navigation between its events ({@link Store#neighbours}, {@link Store#latestEvent}).
 */
public abstract class GroupReadsContract extends StoreContractSupport {

    @Test
    void detail_breaksDownOperatingSystemsDevicesAndTagsMostFirst() {
        App app = newApp();
        long groupId = write(
                        report().os("Android")
                                .device("Pixel 8")
                                .tags("beta", "checkout")
                                .ingest(app),
                        report().os("Android")
                                .device("Pixel 7")
                                .tags("beta", "beta")
                                .ingest(app),
                        report().os("iOS").device("iPhone15,2").ingest(app),
                        report().device(" ").tags("checkout").ingest(app),
                        report().os("iOS").ingest(app))
                .getFirst()
                .groupId();
        write(report().os("iOS").device("Pixel 7").tags("zeta").ingest(app));
        write(report().fingerprint("other").os("Windows").tags("elsewhere").ingest(app));

        GroupDetail detail = detail(groupId);

        assertThat(detail.operatingSystems()).containsExactly(new Count("iOS", 3), new Count("Android", 2));
        assertThat(detail.devices())
                .as("blank values are not counted")
                .containsExactly(new Count("Pixel 7", 2), new Count("Pixel 8", 1), new Count("iPhone15,2", 1));
        assertThat(detail.tags())
                .as("a tag twice in one report counts once")
                .containsExactly(new Count("beta", 2), new Count("checkout", 2), new Count("zeta", 1));
    }

    @Test
    void detail_listsTheTwentyMostFrequentValues() {
        App app = newApp();
        List<Ingest> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            for (int n = 0; n <= i; n++) {
                batch.add(report().tags("tag-" + i).ingest(app));
            }
        }
        long groupId = store.write(batch).getFirst().groupId();

        List<Count> expected = IntStream.range(0, 20)
                .mapToObj(i -> new Count("tag-" + (24 - i), 25 - i))
                .toList();
        assertThat(detail(groupId).tags()).containsExactlyElementsOf(expected);
    }

    @Test
    void hourly_ofSeveralGroups_fromAnHourOn() {
        App app = newApp();
        List<Stored> stored = write(
                report().fingerprint("a").at(T0.minus(Duration.ofHours(2))).ingest(app),
                report().fingerprint("a").at(T0.plus(Duration.ofMinutes(10))).ingest(app),
                report().fingerprint("a").at(T0.plus(Duration.ofMinutes(50))).ingest(app),
                report().fingerprint("a").at(T0.plus(Duration.ofHours(3))).ingest(app),
                report().fingerprint("b").at(T0.plus(Duration.ofHours(1))).ingest(app),
                report().fingerprint("c").at(T0.minus(Duration.ofHours(5))).ingest(app));
        long a = stored.get(0).groupId();
        long b = stored.get(4).groupId();
        long c = stored.get(5).groupId();

        Map<Long, List<HourCount>> hourly = store.hourly(List.of(a, b, c), T0);

        assertThat(hourly.get(a)).containsExactly(new HourCount(T0, 2), new HourCount(T0.plus(Duration.ofHours(3)), 1));
        assertThat(hourly.get(b)).containsExactly(new HourCount(T0.plus(Duration.ofHours(1)), 1));
        assertThat(hourly.getOrDefault(c, List.of())).isEmpty();
        assertThat(store.hourly(List.of(), T0).values())
                .allSatisfy(hours -> assertThat(hours).isEmpty());
    }

    @Test
    void hourly_ofOneGroup_fromSinceUntilBeforeUntil() {
        App app = newApp();
        long groupId = write(
                        report().at(T0.minus(Duration.ofHours(1))).ingest(app),
                        report().at(T0).ingest(app),
                        report().at(T0.plus(Duration.ofMinutes(90))).ingest(app),
                        report().at(T0.plus(Duration.ofHours(2))).ingest(app))
                .getFirst()
                .groupId();

        assertThat(store.hourly(groupId, T0, T0.plus(Duration.ofHours(2))))
                .containsExactly(new HourCount(T0, 1), new HourCount(T0.plus(Duration.ofHours(1)), 1));
        assertThat(store.hourly(groupId, T0.plus(Duration.ofHours(5)), T0.plus(Duration.ofHours(9))))
                .isEmpty();
        assertThat(store.hourly(424242, T0, T0.plus(Duration.ofHours(2)))).isEmpty();
    }

    @Test
    void affectedUsers_pageThroughEachUserOnce() {
        App app = newApp();
        List<Ingest> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            batch.add(report().user("user-" + i, null).ingest(app));
            batch.add(report().user("user-" + i, null).ingest(app));
        }
        batch.add(report().fingerprint("other").user("someone else", null).ingest(app));
        long groupId = store.write(batch).getFirst().groupId();

        List<String> users = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            Page<String> page = store.affectedUsers(groupId, cursor, 10);
            users.addAll(page.items());
            pageSizes.add(page.items().size());
            cursor = page.next();
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(10, 10, 5);
        assertThat(users)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 25).mapToObj(i -> "user-" + i).toList());
        assertThat(store.affectedUsers(424242, null, 10)).isEqualTo(new Page<String>(List.of(), null));
    }

    @Test
    void affectedUsers_refuseAnInvalidCursorAndLimit() {
        App app = newApp();
        long groupId = write(
                        report().user("a", null).ingest(app),
                        report().user("b", null).ingest(app))
                .getFirst()
                .groupId();
        String eventCursor = store.events(groupId, null, 1).next();

        for (String cursor : List.of("not a cursor", "%%%", eventCursor)) {
            assertThatThrownBy(() -> store.affectedUsers(groupId, cursor, 1))
                    .as(cursor)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("invalid cursor");
        }
        assertThatThrownBy(() -> store.affectedUsers(groupId, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neighbours_areTheAdjacentEventsOfTheSameGroup() {
        App app = newApp();
        List<Stored> stored = write(
                report().ingest(app),
                report().fingerprint("other").ingest(app),
                report().ingest(app),
                report().fingerprint("other").ingest(app),
                report().ingest(app));
        long first = stored.get(0).eventId();
        long middle = stored.get(2).eventId();
        long last = stored.get(4).eventId();

        assertThat(store.neighbours(middle)).isEqualTo(new Neighbours(first, last));
        assertThat(store.neighbours(first)).isEqualTo(new Neighbours(null, middle));
        assertThat(store.neighbours(last)).isEqualTo(new Neighbours(middle, null));
        assertThat(store.neighbours(stored.get(1).eventId()))
                .isEqualTo(new Neighbours(null, stored.get(3).eventId()));
        assertThat(store.neighbours(424242)).isEqualTo(new Neighbours(null, null));
    }

    @Test
    void latestEvent_isTheGroupsNewest() {
        App app = newApp();
        List<Stored> stored =
                write(report().ingest(app), report().fingerprint("other").ingest(app), report().ingest(app));
        write(report().fingerprint("other").ingest(app));

        assertThat(store.latestEvent(stored.getFirst().groupId()))
                .contains(stored.get(2).eventId());
        assertThat(store.latestEvent(424242)).isEmpty();
    }
}
