package dev.faultline.server;

import static dev.faultline.server.DashboardSession.groupRows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.account.User;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.store.Actor;
import dev.faultline.core.store.GroupChange;
import dev.faultline.storage.sqlite.SqliteStore;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group lists over real HTTP, signed in through the real form, with reports sent in Raygun's
 * wire format: rows with counts, every filter, every sort, keyset paging with the filters kept,
 * the htmx fragment, bulk triage, and the empty states.
 */
class GroupListPagesIT {
    private static final Pattern NEXT = Pattern.compile("<a href=\"([^\"]+)\"[^>]*data-testid=\"next-page\"");

    @TempDir
    static Path dataDir;

    static TestServer server;
    static SqliteStore store;
    static TestAccounts accounts;
    static Team team;
    static User lead;
    static App shop;
    static App admin;
    static DashboardSession session;
    static long checkout;
    static long login;
    static long search;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        store = server.server.store();
        accounts = new TestAccounts(server);
        team = accounts.team("Shop");
        lead = accounts.user("lead@example.com", false, team, Role.ADMIN);
        shop = accounts.app(team, "Shop web", "SHOP_WEB_KEY_000000000001");
        admin = accounts.app(team, "Shop admin", "SHOP_ADMIN_KEY_0000000001");
        Instant now = Instant.now();
        server.sendEntry(
                shop,
                RaygunEntry.error("demo.SearchException", "search broke")
                        .groupingKey("search")
                        .occurredOn(now.minus(Duration.ofDays(10)))
                        .version("0.9"));
        for (String user : List.of("alice", "bob", "alice")) {
            server.sendEntry(shop, checkout(now.minus(Duration.ofHours(3)), user));
        }
        server.sendEntry(
                shop,
                RaygunEntry.error("demo.LoginException", "login timed out")
                        .groupingKey("login")
                        .occurredOn(now.minus(Duration.ofHours(2)))
                        .version("1.3.0")
                        .user("carol")
                        .tags("auth")
                        .environment("iOS", "iPhone15,2"));
        server.sendEntry(shop, checkout(now.minus(Duration.ofHours(1)), "alice"));
        server.sendEntry(
                admin,
                RaygunEntry.error("demo.ReportException", "report export failed")
                        .groupingKey("export"));
        checkout = server.groupId(shop, "demo.CheckoutException");
        login = server.groupId(shop, "demo.LoginException");
        search = server.groupId(shop, "demo.SearchException");
        store.updateGroups(List.of(login), GroupChange.status(GroupStatus.IGNORED), new Actor(null, "setup"));
        session = DashboardSession.signIn(server, "lead@example.com");
    }

    private static RaygunEntry checkout(Instant at, String user) {
        return RaygunEntry.error("demo.CheckoutException", "checkout failed for the cart")
                .groupingKey("checkout")
                .occurredOn(at)
                .version("1.2.0")
                .user(user)
                .tags("checkout")
                .environment("Android", "Pixel 8");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String row(String html, long groupId) {
        int start = html.indexOf("<tr data-group-id=\"" + groupId + "\"");
        assertThat(start).as("row of group " + groupId).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    @Test
    void theListShowsEachGroupWithItsCountsAcrossTheUsersApps() {
        String html = session.page("/groups");

        String row = row(html, checkout);
        assertThat(row)
                .contains("demo.CheckoutException", "checkout failed for the cart")
                .contains("data-testid=\"count\">4<", "data-testid=\"users\">2<")
                .contains(">Shop web</a>", "data-status=\"active\"", ">1.2.0<")
                .contains("aria-label=\"4 in the last 14 days\"")
                .containsPattern("<rect x=\"\\d+\" y=\"\\d+\" width=\"4\" height=\"\\d+\">");
        assertThat(row(html, login)).contains("data-status=\"ignored\"", "data-testid=\"users\">1<");
        assertThat(html).contains(">Shop admin</a>", "report export failed");
        assertThat(row(html, checkout))
                .containsPattern(
                        "<time datetime=\"[^\"]+\" title=\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\">3 h ago</time>");
    }

    @Test
    void eachFilterNarrowsTheList() {
        String list = "/apps/" + shop.id() + "/groups?";
        Map<String, List<Long>> expected = Map.of(
                "status=ignored", List.of(login),
                "status=active", List.of(checkout, search),
                "range=7d", List.of(checkout, login),
                "version=1.3.0", List.of(login),
                "tag=checkout", List.of(checkout),
                "user=carol", List.of(login),
                "os=Android", List.of(checkout),
                "device=iPhone15%2C2", List.of(login),
                "q=TIMED%20out", List.of(login),
                "q=checkoutexception&range=24h", List.of(checkout));
        expected.forEach((filter, ids) ->
                assertThat(groupRows(session.page(list + filter))).as(filter).containsExactlyInAnyOrderElementsOf(ids));
        assertThat(groupRows(session.page(list))).containsExactlyInAnyOrder(checkout, login, search);
    }

    @Test
    void theFormShowsTheFiltersItWasGiven() {
        String html = session.page("/apps/" + shop.id() + "/groups?status=ignored&q=timed&sort=count&range=30d");

        assertThat(html)
                .contains("<option value=\"ignored\" selected>Ignored</option>")
                .contains("<option value=\"count\" selected>Events</option>")
                .contains("<option value=\"30d\" selected>Last 30 days</option>")
                .contains("name=\"q\" value=\"timed\"");
    }

    @Test
    void sortsOrderByLastSeenFirstSeenCountAndUsers() {
        String list = "/apps/" + shop.id() + "/groups?sort=";

        assertThat(groupRows(session.page("/apps/" + shop.id() + "/groups"))).containsExactly(checkout, login, search);
        assertThat(groupRows(session.page(list + "last_seen"))).containsExactly(checkout, login, search);
        assertThat(groupRows(session.page(list + "first_seen"))).containsExactly(login, checkout, search);
        assertThat(groupRows(session.page(list + "count"))).containsExactly(checkout, login, search);
        assertThat(groupRows(session.page(list + "users"))).containsExactly(checkout, login, search);
    }

    @Test
    void pagesFollowTheCursorAndKeepTheFilters() {
        App paging = accounts.app(team, "Paging", "PAGING_KEY_00000000000001");
        StringBuilder bulk = new StringBuilder("[");
        for (int index = 0; index < 55; index++) {
            bulk.append(index == 0 ? "" : ",")
                    .append(new String(
                            RaygunEntry.error("demo.PageException", "paging " + index)
                                    .groupingKey("page-" + index)
                                    .bytes(),
                            StandardCharsets.UTF_8));
        }
        HttpResponse<String> sent = server.post(
                "/entries/bulk", paging.apiKey(), bulk.append("]").toString().getBytes(StandardCharsets.UTF_8));
        assertThat(sent.statusCode()).isEqualTo(202);

        String first = session.page("/apps/" + paging.id() + "/groups?q=paging&sort=count");
        Matcher next = NEXT.matcher(first);
        assertThat(next.find()).isTrue();
        String nextLink = next.group(1).replace("&amp;", "&");
        assertThat(nextLink)
                .startsWith("/apps/" + paging.id() + "/groups?")
                .contains("q=paging", "sort=count", "cursor=");
        String second = session.page(nextLink);

        List<Long> ids = new ArrayList<>(groupRows(first));
        assertThat(ids).hasSize(50);
        assertThat(groupRows(second)).hasSize(5).doesNotContainAnyElementsOf(ids);
        ids.addAll(groupRows(second));
        assertThat(ids).doesNotHaveDuplicates().hasSize(55).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(NEXT.matcher(second).find()).isFalse();
        assertThat(second).contains(">First page</a>");
        assertThat(session.get("/apps/" + paging.id() + "/groups?cursor=not-a-cursor")
                        .statusCode())
                .isEqualTo(400);
        assertThat(session.get("/apps/" + paging.id() + "/groups?cursor=not-a-cursor")
                        .body())
                .contains("This page link no longer works");
    }

    @Test
    void htmxGetsOnlyTheTable() {
        HttpResponse<String> fragment = session.htmx("/apps/" + shop.id() + "/groups?status=ignored");

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html", "<form id=\"filters\"");
        assertThat(groupRows(fragment.body())).containsExactly(login);
        assertThat(fragment.headers().allValues("Vary")).anyMatch(value -> value.contains("HX-Request"));
        assertThat(session.page("/apps/" + shop.id() + "/groups?status=ignored"))
                .contains("<html", "<form id=\"filters\"", "hx-target=\"#group-table\"");
    }

    @Test
    void bulkTriageChangesTheSelectedGroupsAndComesBack() {
        App bulk = accounts.app(team, "Bulk", "BULK_KEY_0000000000000001");
        for (String key : List.of("x", "y", "z")) {
            server.sendEntry(
                    bulk,
                    RaygunEntry.error("demo.Bulk" + key.toUpperCase(), "bulk " + key)
                            .groupingKey("bulk-" + key));
        }
        long x = server.groupId(bulk, "demo.BulkX");
        long y = server.groupId(bulk, "demo.BulkY");
        long z = server.groupId(bulk, "demo.BulkZ");
        String back = "/apps/" + bulk.id() + "/groups?sort=count";
        session.page(back);

        HttpResponse<String> resolved = session.post(
                "/groups/bulk", "id", "" + x, "id", "" + y, "action", "status", "status", "resolved", "back", back);
        HttpResponse<String> assigned = session.post(
                "/groups/bulk", "id", "" + z, "action", "assign", "assignee", "" + lead.id(), "back", back);

        assertThat(resolved.statusCode()).isEqualTo(303);
        assertThat(resolved.headers().firstValue("Location")).hasValue(back);
        assertThat(assigned.statusCode()).isEqualTo(303);
        assertThat(status(x)).isEqualTo(GroupStatus.RESOLVED);
        assertThat(status(y)).isEqualTo(GroupStatus.RESOLVED);
        assertThat(status(z)).isEqualTo(GroupStatus.ACTIVE);
        assertThat(store.group(z).orElseThrow().group().assigneeId()).isEqualTo(lead.id());
        String html = session.page(back);
        assertThat(row(html, x)).contains("data-status=\"resolved\"");
        assertThat(row(html, z)).contains("lead@example.com", "data-status=\"active\"");
        assertThat(store.activity(x)).anyMatch(entry -> "lead@example.com".equals(entry.actorName()));
    }

    @Test
    void bulkTriageRefusesWhatItCannotDoAndChangesNothing() {
        Team rivals = accounts.team("Rivals");
        App rival = accounts.app(rivals, "Rival app", "RIVAL_KEY_000000000000001");
        server.sendEntry(
                rival, RaygunEntry.error("demo.RivalException", "not yours").groupingKey("rival"));
        long theirs = server.groupId(rival, "demo.RivalException");
        session.page("/groups");

        HttpResponse<String> none =
                session.post("/groups/bulk", "action", "status", "status", "resolved", "back", "/groups");
        HttpResponse<String> foreign = session.post(
                "/groups/bulk", "id", "" + search, "id", "" + theirs, "action", "status", "status", "resolved");
        HttpResponse<String> badStatus =
                session.post("/groups/bulk", "id", "" + search, "action", "status", "status", "fixed");
        HttpResponse<String> outsider =
                session.post("/groups/bulk", "id", "" + search, "action", "assign", "assignee", "999999");
        HttpResponse<String> elsewhere = session.post(
                "/groups/bulk",
                "id",
                "" + search,
                "action",
                "status",
                "status",
                "active",
                "back",
                "https://evil.example/");

        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Select at least one group first.");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).contains("Choose one of the statuses offered.");
        assertThat(outsider.statusCode()).isEqualTo(400);
        assertThat(status(search)).isEqualTo(GroupStatus.ACTIVE);
        assertThat(status(theirs)).isEqualTo(GroupStatus.ACTIVE);
        assertThat(elsewhere.statusCode()).isEqualTo(303);
        assertThat(elsewhere.headers().firstValue("Location")).hasValue("/groups");
        assertThat(session.get("/apps/" + rival.id() + "/groups").statusCode()).isEqualTo(404);
        assertThat(groupRows(session.page("/groups"))).doesNotContain(theirs);
    }

    @Test
    void emptyStatesSayWhatToDo() {
        App quiet = accounts.app(team, "Quiet", "QUIET_KEY_000000000000001");
        accounts.user("newbie@example.com", false, null, null);

        String noGroups = session.page("/apps/" + quiet.id() + "/groups");
        String noMatches = session.page("/apps/" + shop.id() + "/groups?q=nothing-like-this");
        String noApps = DashboardSession.signIn(server, "newbie@example.com").page("/groups");

        assertThat(noGroups)
                .contains("No errors reported yet")
                .contains("href=\"/apps/" + quiet.id() + "/settings#setup\"");
        assertThat(noMatches).contains("No error groups match").contains("Clear the filters");
        assertThat(noApps).contains("No apps yet").contains("Ask an admin of your team");
        assertThat(session.page("/apps/" + quiet.id() + "/settings"))
                .as("without FAULTLINE_PUBLIC_URL, setup lines use the address the browser asked for")
                .contains("http://127.0.0.1:" + server.server.port() + "/entries");
    }

    @Test
    void malformedFiltersAreExplainedNotFailed() {
        HttpResponse<String> status = session.get("/groups?status=broken");
        HttpResponse<String> range = session.get("/groups?range=2y");

        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(status.body()).contains("status must be one of active, resolved, ignored, permanently_ignored");
        assertThat(range.statusCode()).isEqualTo(400);
        assertThat(range.body()).contains("range must be one of");
        assertThat(session.get("/apps/abc/groups").statusCode()).isEqualTo(404);
    }

    private static GroupStatus status(long groupId) {
        Group group = store.group(groupId).orElseThrow().group();
        return group.status();
    }
}
