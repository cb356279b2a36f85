package dev.faultline.storage.testkit;

import static dev.faultline.storage.testkit.TestQuery.query;
import static dev.faultline.storage.testkit.TestReport.T0;
import static dev.faultline.storage.testkit.TestReport.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.ingest.Ingest;
import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.store.Actor;
import dev.faultline.core.store.GroupChange;
import dev.faultline.core.store.GroupQuery.Sort;
import dev.faultline.core.store.Page;
import dev.faultline.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link Store#groups}: every sort, with and without a status, paged across several apps, and every
 * filter, alone and combined.
 */
public abstract class GroupQueryContract extends StoreContractSupport {
    private static final Actor ADMIN = new Actor(null, "test");

    @Test
    void everySort_pagesThroughSeveralAppsEachGroupOnceInOrder() {
        App first = newApp();
        App second = newApp();
        App unlisted = newApp();
        List<Group> groups = writeGroups(List.of(first, second, unlisted), 90);
        Set<Long> apps = Set.of(first.id(), second.id());
        List<Group> listed =
                groups.stream().filter(group -> apps.contains(group.appId())).toList();

        for (Sort sort : Sort.values()) {
            assertThat(pageThrough(query(apps).sort(sort).limit(7)))
                    .as(sort.name())
                    .containsExactlyElementsOf(sorted(listed, sort));
        }
    }

    @Test
    void everySort_withAStatus_pagesThroughSeveralApps() {
        App first = newApp();
        App second = newApp();
        List<Group> groups = writeGroups(List.of(first, second), 60);
        List<Long> resolved =
                groups.stream().map(Group::id).filter(id -> id % 3 == 0).toList();
        store.updateGroups(resolved, GroupChange.status(GroupStatus.RESOLVED), ADMIN);
        List<Group> expected = resolved.stream().map(this::group).toList();

        for (Sort sort : Sort.values()) {
            assertThat(pageThrough(query(Set.of(first.id(), second.id()))
                            .status(GroupStatus.RESOLVED)
                            .sort(sort)
                            .limit(4)))
                    .as(sort.name())
                    .containsExactlyElementsOf(sorted(expected, sort));
        }
    }

    @Test
    void manyApps_pageThroughInOrder() {
        List<App> apps = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            apps.add(newApp());
        }
        List<Group> groups = writeGroups(apps, 120);
        Set<Long> appIds = new HashSet<>(apps.stream().map(App::id).toList());

        for (Sort sort : List.of(Sort.LAST_SEEN, Sort.COUNT)) {
            assertThat(pageThrough(query(appIds).sort(sort).limit(25)))
                    .as(sort.name())
                    .containsExactlyElementsOf(sorted(groups, sort));
        }
    }

    @Test
    void seenSinceAndSeenUntil_filterByLastAndFirstSeen() {
        App app = newApp();
        long early = write(report().fingerprint("early").at(T0).ingest(app)).groupId();
        long late = write(report().fingerprint("late")
                        .at(T0.plus(Duration.ofHours(5)))
                        .ingest(app))
                .groupId();
        long span = write(
                        report().fingerprint("span")
                                .at(T0.plus(Duration.ofHours(1)))
                                .ingest(app),
                        report().fingerprint("span")
                                .at(T0.plus(Duration.ofHours(3)))
                                .ingest(app))
                .getFirst()
                .groupId();

        assertThat(ids(query(app).seenSince(T0.plus(Duration.ofHours(3))))).containsExactly(late, span);
        assertThat(ids(query(app).seenSince(T0.plus(Duration.ofHours(3)).plusMillis(1))))
                .containsExactly(late);
        assertThat(ids(query(app).seenUntil(T0.plus(Duration.ofHours(1))))).containsExactly(early);
        assertThat(ids(query(app).seenUntil(T0.plus(Duration.ofHours(1)).plusMillis(1))))
                .containsExactly(span, early);
        assertThat(ids(query(app).seenSince(T0.plus(Duration.ofMinutes(30))).seenUntil(T0.plus(Duration.ofHours(2)))))
                .containsExactly(span);
    }

    @Test
    void version_tag_user_os_and_device_filterByAnyReportOfTheGroup() {
        App app = newApp();
        App other = newApp();
        Set<Long> apps = Set.of(app.id(), other.id());
        long a = write(
                        report().fingerprint("a")
                                .version("1.0")
                                .tags("checkout", "beta")
                                .ingest(app),
                        report().fingerprint("a")
                                .version("2.0")
                                .user("alice", null)
                                .os("Android")
                                .ingest(app))
                .getFirst()
                .groupId();
        long b = write(report().fingerprint("b")
                        .version("2.0")
                        .tags("beta")
                        .os("iOS")
                        .device("iPhone15,2")
                        .ingest(other))
                .groupId();
        long c = write(report().fingerprint("c")
                        .user("bob", null)
                        .device("Pixel 8")
                        .ingest(app))
                .groupId();

        assertThat(ids(query(apps).version("2.0"))).containsExactlyInAnyOrder(a, b);
        assertThat(ids(query(apps).version("1.0"))).containsExactly(a);
        assertThat(ids(query(apps).version("3.0"))).isEmpty();
        assertThat(ids(query(apps).tag("beta"))).containsExactlyInAnyOrder(a, b);
        assertThat(ids(query(apps).tag("checkout"))).containsExactly(a);
        assertThat(ids(query(apps).tag("Beta"))).as("tags compare exactly").isEmpty();
        assertThat(ids(query(apps).user("alice"))).containsExactly(a);
        assertThat(ids(query(apps).user("bob"))).containsExactly(c);
        assertThat(ids(query(apps).os("Android"))).containsExactly(a);
        assertThat(ids(query(apps).os("iOS"))).containsExactly(b);
        assertThat(ids(query(apps).device("Pixel 8"))).containsExactly(c);
        assertThat(ids(query(apps).device("iPhone15,2"))).containsExactly(b);
        assertThat(ids(query(Set.of(app.id())).tag("beta")))
                .as("only the apps asked for")
                .containsExactly(a);
    }

    @Test
    void text_matchesTypeOrMessageIgnoringCaseWithWildcardsTakenLiterally() {
        App app = newApp();
        long io = write(report().fingerprint("io")
                        .error("java.io.IOException", "disk full")
                        .ingest(app))
                .groupId();
        long percent = write(report().fingerprint("percent")
                        .error("QuotaError", "100% used")
                        .ingest(app))
                .groupId();
        long underscore = write(report().fingerprint("underscore")
                        .error("KeyError", "no key a_b")
                        .ingest(app))
                .groupId();
        long lookalike = write(report().fingerprint("lookalike")
                        .error("KeyError", "no key axb, 1000 used")
                        .ingest(app))
                .groupId();
        long backslash = write(report().fingerprint("backslash")
                        .error("PathError", "C:\\temp not found")
                        .ingest(app))
                .groupId();

        assertThat(ids(query(app).text("ioexception"))).containsExactly(io);
        assertThat(ids(query(app).text("DISK FULL"))).containsExactly(io);
        assertThat(ids(query(app).text("0% u"))).containsExactly(percent);
        assertThat(ids(query(app).text("a_b"))).containsExactly(underscore);
        assertThat(ids(query(app).text("keyerror"))).containsExactlyInAnyOrder(underscore, lookalike);
        assertThat(ids(query(app).text(":\\t"))).containsExactly(backslash);
        assertThat(ids(query(app).text("%"))).containsExactly(percent);
        assertThat(ids(query(app).text("nowhere"))).isEmpty();
    }

    @Test
    void filters_combine() {
        App app = newApp();
        List<Stored> stored = write(
                report().fingerprint("a")
                        .version("1.0")
                        .os("Android")
                        .tags("beta")
                        .ingest(app),
                report().fingerprint("b").version("1.0").os("Android").ingest(app),
                report().fingerprint("c").version("1.0").os("iOS").tags("beta").ingest(app),
                report().fingerprint("d")
                        .version("2.0")
                        .os("Android")
                        .tags("beta")
                        .ingest(app));
        long a = stored.get(0).groupId();
        long b = stored.get(1).groupId();
        store.updateGroups(List.of(b), GroupChange.status(GroupStatus.IGNORED), ADMIN);

        assertThat(ids(query(app).version("1.0").os("Android").tag("beta"))).containsExactly(a);
        assertThat(ids(query(app).version("1.0").os("Android"))).containsExactlyInAnyOrder(a, b);
        assertThat(ids(query(app).version("1.0").os("Android").status(GroupStatus.IGNORED)))
                .containsExactly(b);
        assertThat(ids(query(app).version("1.0").text("illegalstate").status(GroupStatus.ACTIVE)))
                .containsExactlyInAnyOrder(a, stored.get(2).groupId());
    }

    @Test
    void filteredListing_isPagedLikeAnyOther() {
        App app = newApp();
        App other = newApp();
        List<Ingest> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            App owner = i % 2 == 0 ? app : other;
            TestReport report = report().fingerprint("g" + i).at(T0.plusSeconds(i % 10));
            batch.add((i % 4 == 0 ? report.tags("wanted") : report).ingest(owner));
        }
        List<Stored> stored = store.write(batch);
        List<Group> tagged = new ArrayList<>();
        for (int i = 0; i < 40; i += 4) {
            tagged.add(group(stored.get(i).groupId()));
        }

        for (Sort sort : Sort.values()) {
            assertThat(pageThrough(query(Set.of(app.id(), other.id()))
                            .tag("wanted")
                            .sort(sort)
                            .limit(3)))
                    .as(sort.name())
                    .containsExactlyElementsOf(sorted(tagged, sort));
        }
    }

    @Test
    void cursor_isRefusedBySortsOtherThanItsOwn() {
        App app = newApp();
        write(report().fingerprint("a").ingest(app), report().fingerprint("b").ingest(app));

        for (Sort sort : Sort.values()) {
            String cursor =
                    store.groups(query(app).sort(sort).limit(1).build(null)).next();
            assertThat(cursor).isNotNull();
            for (Sort other : Sort.values()) {
                if (other != sort) {
                    assertThatThrownBy(() ->
                                    store.groups(query(app).sort(other).limit(1).build(cursor)))
                            .as(sort + " cursor for " + other)
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessage("invalid cursor");
                }
            }
        }
    }

    @Test
    void appsWithoutGroups_listNothing() {
        App app = newApp();
        App other = newApp();
        write(report().ingest(newApp()));

        assertThat(store.groups(query(Set.of(app.id(), other.id())).build(null)))
                .isEqualTo(new Page<Group>(List.of(), null));
    }

    /**
     * {@code count} groups spread over the apps, with 1 to 7 occurrences, 0 to 4 users and many ties
     * on every sort key; returned as the store reports them.
     */
    private List<Group> writeGroups(List<App> apps, int count) {
        List<Ingest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            App app = apps.get(i % apps.size());
            Instant firstSeen = T0.plus(Duration.ofMinutes(i % 13));
            int occurrences = 1 + i % 7;
            for (int n = 0; n < occurrences; n++) {
                TestReport report = report().fingerprint("g" + i).at(firstSeen.plusSeconds(60L * n * (i % 3)));
                if (n < i % 5) {
                    report.user("user-" + n, null);
                }
                batch.add(report.ingest(app));
            }
        }
        List<Group> groups = store.write(batch).stream()
                .filter(Stored::newGroup)
                .map(stored -> group(stored.groupId()))
                .toList();
        assertThat(groups).hasSize(count);
        return groups;
    }

    private static List<Group> sorted(List<Group> groups, Sort sort) {
        ToLongFunction<Group> key = switch (sort) {
            case LAST_SEEN -> group -> group.lastSeen().toEpochMilli();
            case FIRST_SEEN -> group -> group.firstSeen().toEpochMilli();
            case COUNT -> Group::count;
            case USERS -> Group::userCount;
        };
        return groups.stream()
                .sorted(Comparator.comparingLong(key)
                        .thenComparingLong(Group::id)
                        .reversed())
                .toList();
    }

    private List<Group> pageThrough(TestQuery query) {
        List<Group> groups = new ArrayList<>();
        String cursor = null;
        do {
            Page<Group> page = store.groups(query.build(cursor));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(query.limit());
            if (page.next() != null) {
                assertThat(page.items()).as("a page with a next one is full").hasSize(query.limit());
            }
            groups.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        return groups;
    }

    /** The ids of the whole listing, in its order. */
    private List<Long> ids(TestQuery query) {
        return pageThrough(query.limit(1000)).stream().map(Group::id).toList();
    }
}
