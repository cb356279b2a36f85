package dev.faultline.storage.testkit;

import static dev.faultline.storage.testkit.TestReport.T0;
import static dev.faultline.storage.testkit.TestReport.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.faultline.core.grouping.Fingerprint;
import dev.faultline.core.ingest.Ingest;
import dev.faultline.core.ingest.Payload;
import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Breadcrumb;
import dev.faultline.core.model.Device;
import dev.faultline.core.model.ErrorInfo;
import dev.faultline.core.model.Frame;
import dev.faultline.core.model.Group;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.model.Report;
import dev.faultline.core.model.RequestInfo;
import dev.faultline.core.model.ResponseInfo;
import dev.faultline.core.model.Sdk;
import dev.faultline.core.model.UserInfo;
import dev.faultline.core.store.EventSummary;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.core.store.GroupQuery.Sort;
import dev.faultline.core.store.Page;
import dev.faultline.core.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Group listings, group details, event listings and single events. */
public abstract class ReadContract extends StoreContractSupport {

    @Test
    void groups_pageByLastSeen_eachGroupOnceInOrder() {
        App app = newApp();
        List<Group> groups = write250Groups(app);

        List<Group> expected = groups.stream()
                .sorted(Comparator.comparing(Group::lastSeen)
                        .thenComparingLong(Group::id)
                        .reversed())
                .toList();
        assertThat(pageThrough(app, Sort.LAST_SEEN, null, 16)).containsExactlyElementsOf(expected);
    }

    @Test
    void groups_pageByCount_eachGroupOnceInOrder() {
        App app = newApp();
        List<Group> groups = write250Groups(app);

        List<Group> expected = groups.stream()
                .sorted(Comparator.comparingLong(Group::count)
                        .thenComparingLong(Group::id)
                        .reversed())
                .toList();
        assertThat(pageThrough(app, Sort.COUNT, null, 16)).containsExactlyElementsOf(expected);
    }

    @Test
    void groups_filterByStatus() {
        App app = newApp();
        write(report().fingerprint("a").ingest(app), report().fingerprint("b").ingest(app));

        List<Group> active = pageThrough(app, Sort.LAST_SEEN, GroupStatus.ACTIVE, 10);

        assertThat(active)
                .hasSize(2)
                .allSatisfy(group -> assertThat(group.status()).isEqualTo(GroupStatus.ACTIVE));
    }

    @Test
    void groups_listOnlyTheAppsGroups() {
        App app = newApp();
        App other = newApp();
        Stored mine = write(report().ingest(app));
        write(report().ingest(other));

        assertThat(pageThrough(app, Sort.COUNT, null, 10)).extracting(Group::id).containsExactly(mine.groupId());
    }

    @Test
    void groups_lastPageHasNoCursor() {
        App app = newApp();
        write(report().fingerprint("a").ingest(app), report().fingerprint("b").ingest(app));

        Page<Group> page = store.groups(new GroupQuery(app.id(), null, Sort.LAST_SEEN, null, 2));

        assertThat(page.items()).hasSize(2);
        assertThat(page.next()).isNull();
        assertThat(store.groups(new GroupQuery(newApp().id(), null, null, null, 5)))
                .isEqualTo(new Page<Group>(List.of(), null));
    }

    @Test
    void groups_refuseAnInvalidCursor() {
        App app = newApp();
        write(report().fingerprint("a").ingest(app), report().fingerprint("b").ingest(app));
        String bySeen = store.groups(new GroupQuery(app.id(), null, Sort.LAST_SEEN, null, 1))
                .next();
        long groupId = store.groups(new GroupQuery(app.id(), null, null, null, 1))
                .items()
                .getFirst()
                .id();
        String ofEvents = eventCursor(app);

        for (String cursor : List.of("not a cursor", "", "%%%", ofEvents)) {
            assertThatThrownBy(() -> store.groups(new GroupQuery(app.id(), null, Sort.LAST_SEEN, cursor, 1)))
                    .as(cursor)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("invalid cursor");
        }
        assertThatThrownBy(() -> store.groups(new GroupQuery(app.id(), null, Sort.COUNT, bySeen, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid cursor");
        assertThatThrownBy(() -> store.events(groupId, bySeen, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid cursor");
    }

    @Test
    void events_newestFirstInPages() {
        App app = newApp();
        List<Ingest> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            batch.add(report().at(T0.plusSeconds(i))
                    .version("1." + i)
                    .user("user-" + i, null)
                    .ingest(app));
        }
        List<Stored> stored = store.write(batch);
        write(report().fingerprint("other").ingest(app));
        long groupId = stored.getFirst().groupId();

        List<EventSummary> events = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            Page<EventSummary> page = store.events(groupId, cursor, 10);
            events.addAll(page.items());
            pageSizes.add(page.items().size());
            cursor = page.next();
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(10, 10, 5);
        assertThat(events)
                .extracting(EventSummary::id)
                .containsExactlyElementsOf(stored.stream()
                        .map(Stored::eventId)
                        .sorted(Comparator.reverseOrder())
                        .toList());
        assertThat(events.getFirst())
                .isEqualTo(new EventSummary(
                        stored.getLast().eventId(),
                        groupId,
                        T0.plusSeconds(24),
                        T0.plusSeconds(24),
                        "java.lang.IllegalStateException",
                        "boom",
                        "1.24",
                        "user-24"));
    }

    @Test
    void events_refuseALimitBelowOne() {
        assertThatThrownBy(() -> store.events(1, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void event_returnsThePayloadAsWrittenWithWhatItsDecoderNeeds() {
        App app = newApp();
        Report report = richReport();
        byte[] original = "{\"sent\": \"exactly this\", \"n\": 1}".getBytes(StandardCharsets.UTF_8);

        Stored stored =
                write(new Ingest(app.id(), report, new Fingerprint("v1", "rich", "basis"), Payload.compress(original)));

        StoredEvent event = store.event(stored.eventId()).orElseThrow();
        assertThat(event.id()).isEqualTo(stored.eventId());
        assertThat(event.appId()).isEqualTo(app.id());
        assertThat(event.groupId()).isEqualTo(stored.groupId());
        assertThat(event.protocol()).isEqualTo(report.protocol());
        assertThat(event.receivedAt()).isEqualTo(report.receivedAt().truncatedTo(ChronoUnit.MILLIS));
        assertThat(event.installId()).isEqualTo("install-1");
        assertThat(event.logId()).isEqualTo("log-rich");
        assertThat(event.payload().decompress()).isEqualTo(original);
        assertThat(event.payload().size()).isEqualTo(original.length);
    }

    @Test
    void event_withoutInstallIdOrLogId_hasNeither() {
        App app = newApp();
        List<Stored> stored = write(
                report().ingest(app),
                report().installId("install-2").ingest(app),
                report().logId("log-2").ingest(app));

        assertThat(stored)
                .extracting(each -> store.event(each.eventId()).orElseThrow())
                .extracting(StoredEvent::installId, StoredEvent::logId)
                .containsExactly(tuple(null, null), tuple("install-2", null), tuple(null, "log-2"));
    }

    @Test
    void unknownIds_areEmpty() {
        assertThat(store.group(424242)).isEmpty();
        assertThat(store.event(424242)).isEmpty();
        assertThat(store.events(424242, null, 10)).isEqualTo(new Page<EventSummary>(List.of(), null));
    }

    /**
     * 250 groups with 1 to 7 occurrences each and many ties on both sort keys, written in batches
     * of 50; returned as the store reports them.
     */
    private List<Group> write250Groups(App app) {
        List<Long> groupIds = new ArrayList<>();
        for (int batchStart = 0; batchStart < 250; batchStart += 50) {
            List<Ingest> batch = new ArrayList<>();
            for (int i = batchStart; i < batchStart + 50; i++) {
                Instant lastSeen = T0.plus(Duration.ofMinutes(i % 40));
                for (int n = 0; n <= i % 7; n++) {
                    batch.add(report().fingerprint("g" + i)
                            .at(lastSeen.minusSeconds(n))
                            .ingest(app));
                }
            }
            store.write(batch).stream().filter(Stored::newGroup).forEach(stored -> groupIds.add(stored.groupId()));
        }
        assertThat(groupIds).hasSize(250);
        return groupIds.stream().map(this::group).toList();
    }

    private List<Group> pageThrough(App app, Sort sort, GroupStatus status, int limit) {
        List<Group> groups = new ArrayList<>();
        String cursor = null;
        do {
            Page<Group> page = store.groups(new GroupQuery(app.id(), status, sort, cursor, limit));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(limit).isNotEmpty();
            groups.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        return groups;
    }

    private String eventCursor(App app) {
        List<Ingest> batch = List.of(
                report().fingerprint("e").ingest(app), report().fingerprint("e").ingest(app));
        long groupId = store.write(batch).getFirst().groupId();
        return store.events(groupId, null, 1).next();
    }

    /** A report with every field set, free-form trees as a JSON decoder makes them. */
    static Report richReport() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("string", "text");
        tree.put("int", 42);
        tree.put("long", 1L << 40);
        tree.put("double", 2.5);
        tree.put("bool", true);
        tree.put("null", null);
        tree.put("list", List.of(1, "two", Map.of("three", 3)));
        tree.put("map", Map.of("nested", List.of()));
        Instant occurred = Instant.parse("2026-01-05T09:59:58.123456789Z");
        ErrorInfo cause = new ErrorInfo(
                "java.io.IOException",
                "disk full",
                List.of(Frame.of("java.io.File", "write", null, -2)),
                null,
                null,
                null);
        ErrorInfo error = new ErrorInfo(
                "java.lang.IllegalStateException",
                "could not save\nsecond line",
                List.of(
                        new Frame("com.example.Store", "save", "Store.java", 12, 7, "0x1f", null),
                        new Frame(null, null, null, null, null, null, "at native code")),
                List.of(cause),
                tree,
                "raw stack text");
        return new Report(
                "appcenter",
                occurred,
                T0,
                error,
                "my-grouping-key",
                "3.1.4",
                "build-box",
                new Sdk("raygun4java", "3.0.0", "https://example.com/sdk"),
                new UserInfo("alice", "uuid-1", false, "alice@example.com", "Alice Liddell", "Alice"),
                new Device("Android", "14", "Pixel 8", "Google", "en_GB", "arm64", "pixel", "install-1", tree),
                List.of("checkout", "beta"),
                tree,
                new RequestInfo(
                        "shop.example.com",
                        "/pay",
                        "POST",
                        "203.0.113.9",
                        Map.of("q", "shoes"),
                        Map.of("Accept", "text/html"),
                        "a=1&b=2",
                        "{\"body\":true}"),
                new ResponseInfo(500),
                List.of(new Breadcrumb(
                        occurred.minusSeconds(1), "info", "navigation", "ui", "opened cart", "Cart", "open", 3, tree)),
                Map.of("threads", List.of(Map.of("id", 1, "name", "main"))),
                "log-rich");
    }
}
