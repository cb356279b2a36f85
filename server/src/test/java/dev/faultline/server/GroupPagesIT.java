package dev.faultline.server;

import static dev.faultline.server.AppCenterClient.INSTALL_ID;
import static dev.faultline.server.AppCenterClient.attachment;
import static dev.faultline.server.AppCenterClient.crash;
import static dev.faultline.server.AppCenterClient.logs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.account.User;
import dev.faultline.core.model.App;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.storage.sqlite.SqliteStore;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group page over real HTTP: the report in full (chain, frames, breadcrumbs, request, tags,
 * custom data, threads and binaries, attachments), navigation between events, the chart's data,
 * downloads, and triage with its history — resolved in a version, then an older and a newer
 * report.
 */
class GroupPagesIT {
    @TempDir
    static Path dataDir;

    static TestServer server;
    static SqliteStore store;
    static TestAccounts accounts;
    static Team team;
    static User lead;
    static User dev;
    static App shop;
    static DashboardSession session;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        store = server.server.store();
        accounts = new TestAccounts(server);
        team = accounts.team("Shop");
        lead = accounts.user("lead@example.com", false, team, Role.ADMIN);
        dev = accounts.member("dev@example.com", team);
        shop = accounts.app(team, "Shop web", "SHOP_WEB_KEY_000000000001");
        session = DashboardSession.signIn(server, "lead@example.com");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static RaygunEntry rich() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "Mozilla/5.0");
        headers.put("X-Request-Id", "r-99");
        return RaygunEntry.error("demo.CheckoutException", "checkout failed for cart 17")
                .groupingKey("rich")
                .version("1.2.0")
                .user("alice")
                .tags("checkout", "beta")
                .environment("Android", "Pixel 8")
                .frame("com.shop.Cart", "checkout", "Cart.java", 42)
                .frame("java.util.concurrent.FutureTask", "run", "FutureTask.java", 264)
                .frame("com.shop.Main", "main", "Main.java", 7)
                .causedBy("java.io.IOException", "connection reset")
                .frame("java.net.SocketInputStream", "read", "SocketInputStream.java", 210)
                .breadcrumb("navigation", "info", "opened the cart", Map.of("cartId", "c-17"))
                .breadcrumb("http", "warning", "payment API slow", Map.of("ms", "2300"))
                .customData("{\"order\":{\"id\":17,\"items\":[\"book\",\"pen\"]},\"coupon\":null}")
                .request(
                        "POST",
                        "https://shop.example.com/checkout?step=2",
                        headers,
                        Map.of("step", "2"),
                        Map.of("card", "visa"),
                        "{\"cart\":17}");
    }

    @Test
    void theGroupPageShowsTheReportInFull() {
        server.sendEntry(shop, rich());
        long group = server.groupId(shop, "demo.CheckoutException");

        String html = session.page("/groups/" + group);

        assertThat(html)
                .contains("data-testid=\"group-title\">demo.CheckoutException<")
                .contains("data-testid=\"group-message\">checkout failed for cart 17<")
                .contains("data-testid=\"group-count\">1<")
                .contains("data-chart=\"/groups/" + group + "/chart.json?range=7d\"")
                .contains("/dist/uPlot.iife.min.js\"></script>", "/dist/uPlot.min.css\">");
        assertThat(html.split("data-testid=\"exception\"", -1)).hasSize(3);
        assertThat(html)
                .contains("<span class=\"type\">demo.CheckoutException</span>")
                .contains("<span class=\"muted\">Caused by</span> <span class=\"type\">java.io.IOException</span>")
                .contains("connection reset")
                .contains(
                        "<code class=\"function\">com.shop.Cart.checkout</code> <span class=\"source\">Cart.java:42</span>")
                .contains("<summary class=\"muted\">1 library frame</summary>")
                .contains("<li class=\"library\"><code class=\"function\">java.util.concurrent.FutureTask.run</code>")
                .contains("<li class=\"app\"><code class=\"function\">com.shop.Main.main</code>");
        assertThat(section(html, "breadcrumbs"))
                .contains("opened the cart", "payment API slow", "class=\"level-warning\"", "cartId", "c-17");
        assertThat(section(html, "request"))
                .contains("POST https://shop.example.com/checkout?step=2")
                .contains("<th>X-Request-Id</th><td>r-99</td>")
                .contains("step", "card", "visa", "cart")
                .contains("shop.example.com", "203.0.113.7");
        assertThat(section(html, "tags"))
                .contains("<span class=\"chip\">checkout</span>", "<span class=\"chip\">beta</span>");
        assertThat(section(html, "custom-data"))
                .contains("<span class=\"key\">order</span>", "<span class=\"key\">items</span>")
                .contains("<span class=\"key\">[0]</span> <span class=\"value string\">book</span>")
                .contains("<span class=\"key\">id</span> <span class=\"value number\">17</span>")
                .contains("<span class=\"key\">coupon</span> <span class=\"value null\">null</span>")
                .contains("<details open>");
        assertThat(section(html, "user")).contains("alice", "alice@example.com");
        assertThat(section(html, "environment")).contains("Android", "Pixel 8", "1.2.0");
        assertThat(section(html, "affected-users")).contains("<code>alice</code>");
        assertThat(section(html, "breakdown-versions")).contains("1.2.0", "100 %");
    }

    @Test
    void statusAssignmentAndCommentsAreAppliedAndShownInTheActivity() {
        server.sendEntry(
                shop, RaygunEntry.error("demo.TriageException", "triage me").groupingKey("triage"));
        long group = server.groupId(shop, "demo.TriageException");
        session.page("/groups/" + group);

        HttpResponse<String> status = session.post("/groups/" + group + "/status", "status", "ignored");
        HttpResponse<String> assigned = session.post("/groups/" + group + "/assign", "assignee", "" + dev.id());
        HttpResponse<String> comment =
                session.post("/groups/" + group + "/comments", "text", "Looking into it <b>now</b>");
        HttpResponse<String> permanently =
                session.post("/groups/" + group + "/status", "status", "permanently_ignored", "discard", "on");

        assertThat(status.statusCode()).isEqualTo(303);
        assertThat(status.headers().firstValue("Location")).hasValue("/groups/" + group);
        assertThat(assigned.statusCode()).isEqualTo(303);
        assertThat(comment.statusCode()).isEqualTo(303);
        assertThat(permanently.statusCode()).isEqualTo(303);
        String html = session.page("/groups/" + group);
        assertThat(html)
                .contains("data-status=\"permanently_ignored\">Permanently ignored, discarding</span>")
                .contains("data-testid=\"group-assignee\">dev@example.com<");
        String activity = section(html, "activity");
        assertThat(activity)
                .contains("<strong>lead@example.com</strong> set the status to Ignored")
                .contains("<strong>lead@example.com</strong> assigned it to dev@example.com")
                .contains("<p class=\"comment\">Looking into it &lt;b&gt;now&lt;/b&gt;</p>")
                .contains("set the status to Permanently ignored")
                .doesNotContain("<b>now</b>");
        assertThat(activity.indexOf("set the status to Ignored")).isLessThan(activity.indexOf("commented"));
        assertThat(store.group(group).orElseThrow().group().discardNew()).isTrue();
        assertThat(html).contains("<option value=\"permanently_ignored\" selected>");
        assertThat(html).contains("<option value=\"" + dev.id() + "\" selected>dev@example.com</option>");
    }

    @Test
    void invalidTriageFormsShowThePageWithTheReason() {
        server.sendEntry(
                shop, RaygunEntry.error("demo.InvalidException", "bad forms").groupingKey("invalid"));
        long group = server.groupId(shop, "demo.InvalidException");
        User outsider = accounts.user("outsider@example.com", false, accounts.team("Elsewhere"), Role.MEMBER);
        session.page("/groups/" + group);

        Map<HttpResponse<String>, String> answers = new LinkedHashMap<>();
        answers.put(
                session.post("/groups/" + group + "/status", "status", "resolved_in_version", "version", " "),
                "Enter the version the fix ships in.");
        answers.put(
                session.post("/groups/" + group + "/status", "status", "fixed"), "Choose one of the statuses offered.");
        answers.put(session.post("/groups/" + group + "/status"), "Choose a status.");
        answers.put(session.post("/groups/" + group + "/comments", "text", "   "), "a comment must have 1 to");
        answers.put(session.post("/groups/" + group + "/assign", "assignee", "abc"), "The assignee must be a number");
        answers.put(
                session.post("/groups/" + group + "/assign", "assignee", "" + outsider.id()),
                "user " + outsider.id() + " is not a member of the team");

        answers.forEach((response, message) -> {
            assertThat(response.statusCode()).as(message).isEqualTo(400);
            assertThat(response.body()).as(message).contains("data-testid=\"error\">" + message);
            assertThat(response.body()).contains("data-testid=\"group-title\">demo.InvalidException<");
        });
        assertThat(store.group(group).orElseThrow().group().status()).isEqualTo(GroupStatus.ACTIVE);
        assertThat(store.activity(group)).isEmpty();
        assertThat(session.get("/groups/" + group + "?range=1y").statusCode()).isEqualTo(400);
        assertThat(session.get("/groups/" + group + "?range=1y").body())
                .contains("The chart shows 24h, 7d, 30d or 90d");
        assertThat(session.get("/groups/999999").statusCode()).isEqualTo(404);
        assertThat(session.get("/groups/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void resolvedInAVersionStaysResolvedForOlderReportsAndRegressesForNewerOnes() {
        server.sendEntry(
                shop,
                RaygunEntry.error("demo.VersionedException", "versioned")
                        .groupingKey("versioned")
                        .version("1.8"));
        long group = server.groupId(shop, "demo.VersionedException");
        session.page("/groups/" + group);

        HttpResponse<String> resolved =
                session.post("/groups/" + group + "/status", "status", "resolved_in_version", "version", "2.0");
        assertThat(resolved.statusCode()).isEqualTo(303);
        assertThat(session.page("/groups/" + group)).contains("data-status=\"resolved\">Resolved in 2.0</span>");

        server.sendEntry(
                shop,
                RaygunEntry.error("demo.VersionedException", "versioned")
                        .groupingKey("versioned")
                        .version("1.9"));
        String afterOlder = session.page("/groups/" + group);
        assertThat(afterOlder)
                .contains("data-status=\"resolved\">Resolved in 2.0</span>")
                .doesNotContain("data-kind=\"regressed\"");
        assertThat(afterOlder).contains("<option value=\"resolved_in_version\" selected>", "value=\"2.0\"");

        server.sendEntry(
                shop,
                RaygunEntry.error("demo.VersionedException", "versioned")
                        .groupingKey("versioned")
                        .version("2.1"));
        String afterNewer = session.page("/groups/" + group);
        assertThat(afterNewer).contains("data-status=\"active\">Active</span>");
        assertThat(section(afterNewer, "activity"))
                .contains("data-kind=\"regressed\"")
                .contains(
                        "<span class=\"badge regressed\">Regression</span> <strong>Faultline</strong> Regression: a new report from version 2.1 reopened it")
                .contains("set the status to Resolved in 2.0");
        assertThat(store.group(group).orElseThrow().group().status()).isEqualTo(GroupStatus.ACTIVE);
    }

    @Test
    void theChartDataIsZeroFilledHourlyUpToAWeekAndDailyBeyond() {
        Instant now = Instant.now();
        server.sendEntry(
                shop,
                RaygunEntry.error("demo.ChartException", "chart")
                        .groupingKey("chart")
                        .occurredOn(now.minus(Duration.ofDays(10))));
        server.sendEntry(
                shop,
                RaygunEntry.error("demo.ChartException", "chart")
                        .groupingKey("chart")
                        .occurredOn(now.minus(Duration.ofHours(2))));
        server.sendEntry(shop, RaygunEntry.error("demo.ChartException", "chart").groupingKey("chart"));
        long group = server.groupId(shop, "demo.ChartException");

        JsonNode day = chart(group, "?range=24h");
        JsonNode week = chart(group, "");
        JsonNode month = chart(group, "?range=30d");
        JsonNode quarter = chart(group, "?range=90d");

        assertThat(day.get("times")).hasSize(24);
        assertThat(day.get("counts")).hasSize(24);
        assertThat(day.get("bucket").asText()).isEqualTo("hour");
        long currentHour = now.truncatedTo(ChronoUnit.HOURS).getEpochSecond();
        assertThat(day.at("/times/23").asLong()).isEqualTo(currentHour);
        assertThat(day.at("/times/22").asLong()).isEqualTo(currentHour - 3600);
        assertThat(day.at("/counts/23").asLong()).isEqualTo(1);
        assertThat(day.at("/counts/21").asLong()).isEqualTo(1);
        assertThat(sum(day)).isEqualTo(2);
        assertThat(week.get("range").asText()).isEqualTo("7d");
        assertThat(week.get("counts")).hasSize(168);
        assertThat(sum(week)).isEqualTo(2);
        assertThat(month.get("bucket").asText()).isEqualTo("day");
        assertThat(month.get("counts")).hasSize(30);
        assertThat(month.at("/times/29").asLong())
                .isEqualTo(now.truncatedTo(ChronoUnit.DAYS).getEpochSecond());
        assertThat(month.at("/times/29").asLong() - month.at("/times/28").asLong())
                .isEqualTo(86_400);
        assertThat(month.at("/counts/19").asLong()).isEqualTo(1);
        assertThat(sum(month)).isEqualTo(3);
        assertThat(quarter.get("counts")).hasSize(90);
        assertThat(sum(quarter)).isEqualTo(3);
        HttpResponse<String> bad = session.get("/groups/" + group + "/chart.json?range=1y");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestServer.parse(bad.body()).get("error").asText()).isEqualTo("invalid_range");
    }

    @Test
    void eventsAreNavigatedOlderAndNewerWithinTheirGroup() {
        for (String version : new String[] {"1", "2", "3"}) {
            server.sendEntry(
                    shop,
                    RaygunEntry.error("demo.NavException", "nav " + version)
                            .groupingKey("nav")
                            .version(version));
        }
        long group = server.groupId(shop, "demo.NavException");
        long newest = store.latestEvent(group).orElseThrow();

        String latest = session.page("/groups/" + group);
        String olderLink = DashboardSession.attributeAfter(latest, "<nav class=\"row event-nav\"", "href");
        String middle = session.page(olderLink);
        String oldest = session.page(DashboardSession.attributeAfter(middle, "data-testid=\"newer-event\"", "href"));

        assertThat(latest).contains("data-event-id=\"" + newest + "\"").doesNotContain("data-testid=\"newer-event\"");
        assertThat(olderLink).startsWith("/groups/" + group + "?event=");
        assertThat(middle)
                .contains("data-testid=\"newer-event\"", "data-testid=\"older-event\"", ">Latest</a>")
                .contains("version <span class=\"chip\">2</span>");
        assertThat(oldest)
                .contains("version <span class=\"chip\">1</span>")
                .doesNotContain("data-testid=\"older-event\"");
        server.sendEntry(
                shop, RaygunEntry.error("demo.OtherNavException", "elsewhere").groupingKey("other-nav"));
        long foreignEvent = store.latestEvent(server.groupId(shop, "demo.OtherNavException"))
                .orElseThrow();
        assertThat(session.get("/groups/" + group + "?event=" + foreignEvent).statusCode())
                .isEqualTo(404);
        assertThat(session.get("/groups/" + group + "?event=x").statusCode()).isEqualTo(404);
        HttpResponse<String> permalink = session.get("/events/" + newest);
        assertThat(permalink.statusCode()).isEqualTo(303);
        assertThat(permalink.headers().firstValue("Location")).hasValue("/groups/" + group + "?event=" + newest);
    }

    @Test
    void theOriginalPayloadDownloadsAsJson() {
        RaygunEntry entry =
                RaygunEntry.error("demo.PayloadException", "payload").groupingKey("payload");
        server.sendEntry(shop, entry);
        long event =
                store.latestEvent(server.groupId(shop, "demo.PayloadException")).orElseThrow();

        HttpResponse<String> payload = session.get("/events/" + event + "/payload");

        assertThat(payload.statusCode()).isEqualTo(200);
        assertThat(payload.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(payload.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"event-" + event + ".json\"");
        assertThat(payload.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(TestServer.parse(payload.body()))
                .isEqualTo(TestServer.parse(new String(entry.bytes(), StandardCharsets.UTF_8)));
        assertThat(session.page("/groups/" + server.groupId(shop, "demo.PayloadException")))
                .contains("href=\"/events/" + event + "/payload\" download");
    }

    @Test
    void appCenterAttachmentsArePreviewedAndDownloadOnlyAsFiles() {
        App mobile = accounts.app(team, "Mobile", "MOBILE_KEY_00000000000001");
        AppCenterClient client = new AppCenterClient(server.http, server.uri("/"));
        String crashId = UUID.randomUUID().toString();
        String attachmentId = UUID.randomUUID().toString();
        String text = "hello from the device <script>alert(1)</script>";
        HttpResponse<String> sent = client.post(
                mobile.appSecret(),
                INSTALL_ID,
                logs(
                        crash(crashId, "attachment crash", UUID.randomUUID().toString(), "3.1"),
                        attachment(
                                attachmentId,
                                crashId,
                                "notes.txt",
                                Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)))),
                false);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        long group = store.groups(new GroupQuery(mobile.id(), null, null, null, 10))
                .items()
                .getFirst()
                .id();
        long event = store.latestEvent(group).orElseThrow();

        String html = session.page("/groups/" + group);
        HttpResponse<String> download = session.get("/events/" + event + "/attachments/" + attachmentId);

        assertThat(section(html, "attachments"))
                .contains("href=\"/events/" + event + "/attachments/" + attachmentId + "\" download")
                .contains(">notes.txt</a>", "text/plain")
                .contains("hello from the device &lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(text);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"notes.txt\"; filename*=UTF-8''notes.txt");
        assertThat(session.get("/events/" + event + "/attachments/nothing").statusCode())
                .isEqualTo(404);
        assertThat(section(html, "environment")).contains("Install id", INSTALL_ID);
    }

    @Test
    void appleCrashesShowTheirThreadsAndBinaryImages() {
        App ios = accounts.app(team, "iOS", "IOS_KEY_00000000000000001");
        AppCenterClient client = new AppCenterClient(server.http, server.uri("/"));
        HttpResponse<String> sent = client.post(
                ios.appSecret(),
                INSTALL_ID,
                AppCenterClient.fresh(AppCenterClient.resource("spec-2-apple-crash.json")),
                false);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        long group = store.groups(new GroupQuery(ios.id(), null, null, null, 10))
                .items()
                .getFirst()
                .id();

        String html = session.page("/groups/" + group);

        assertThat(section(html, "threads"))
                .contains("Thread 0", "Thread 1", "Thread 3")
                .contains("0x18ad87000 + 122224", "0x000000018ada4d70");
        assertThat(section(html, "binaries"))
                .contains("CrashProbeiOS", "0x0000000104388000", "d449e33d-7e74-379d-8b79-15ee104ed1df");
    }

    @Test
    void affectedUsersShowAPageAndLinkToTheRest() {
        StringBuilder bulk = new StringBuilder("[");
        for (int index = 0; index < 25; index++) {
            bulk.append(index == 0 ? "" : ",")
                    .append(new String(
                            RaygunEntry.error("demo.UsersException", "many users")
                                    .groupingKey("users")
                                    .user("user-" + index)
                                    .bytes(),
                            StandardCharsets.UTF_8));
        }
        assertThat(server.post(
                                "/entries/bulk",
                                shop.apiKey(),
                                bulk.append("]").toString().getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(202);
        long group = server.groupId(shop, "demo.UsersException");

        String html = session.page("/groups/" + group);
        String all = session.page("/groups/" + group + "/users");

        assertThat(section(html, "affected-users").split("<li>", -1)).hasSize(21);
        assertThat(section(html, "affected-users")).contains("href=\"/groups/" + group + "/users\">All 25 users</a>");
        assertThat(all.split("<li>", -1)).hasSize(26);
        assertThat(all).contains("<code>user-0</code>", "<code>user-24</code>");
    }

    @Test
    void anotherTeamsGroupsAndEventsAreNotFound() {
        Team rivals = accounts.team("Rivals");
        App rival = accounts.app(rivals, "Rival app", "RIVAL_KEY_000000000000001");
        server.sendEntry(
                rival, RaygunEntry.error("demo.RivalException", "not yours").groupingKey("rival"));
        long group = server.groupId(rival, "demo.RivalException");
        long event = store.latestEvent(group).orElseThrow();
        session.page("/groups");

        assertThat(session.get("/groups/" + group).statusCode()).isEqualTo(404);
        assertThat(session.get("/groups/" + group + "/chart.json").statusCode()).isEqualTo(404);
        assertThat(session.get("/groups/" + group + "/users").statusCode()).isEqualTo(404);
        assertThat(session.get("/events/" + event).statusCode()).isEqualTo(404);
        assertThat(session.get("/events/" + event + "/payload").statusCode()).isEqualTo(404);
        assertThat(session.post("/groups/" + group + "/status", "status", "resolved")
                        .statusCode())
                .isEqualTo(404);
        assertThat(session.post("/groups/" + group + "/comments", "text", "hi").statusCode())
                .isEqualTo(404);
        assertThat(store.activity(group)).isEmpty();
    }

    @Test
    void hostileReportContentIsShownAsText() {
        String script = "<script>alert(1)</script>";
        String image = "\"><img src=x onerror=alert(1)>";
        server.sendEntry(
                shop,
                RaygunEntry.error("demo.Hostile" + script, image + script)
                        .groupingKey("hostile")
                        .version(image)
                        .user(script)
                        .tags(script, image)
                        .environment(script, image)
                        .frame(script, image, script, 1)
                        .causedBy(image, script)
                        .breadcrumb(script, image, script, Map.of(script, image))
                        .customData("{\"" + "<script>alert(1)</script>"
                                + "\":{\"\\\"><img src=x onerror=alert(1)>\":\"<script>alert(1)</script>\"}}")
                        .request(
                                script,
                                image,
                                Map.of(script, image),
                                Map.of(image, script),
                                Map.of(script, script),
                                script));
        long group = server.groupId(shop, "demo.Hostile" + script);

        String page = session.page("/groups/" + group);
        String list = session.page("/groups?q=" + "Hostile");

        for (String html : new String[] {page, list}) {
            assertThat(html).doesNotContain(script, "<img src=x", "<script>alert");
        }
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    private JsonNode chart(long group, String query) {
        HttpResponse<String> response = session.get("/groups/" + group + "/chart.json" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestServer.parse(response.body());
    }

    private static long sum(JsonNode chart) {
        long sum = 0;
        for (JsonNode count : chart.get("counts")) {
            sum += count.asLong();
        }
        return sum;
    }

    /** The element with this id, up to the end of its section. */
    static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("an element #" + id).isNotNegative();
        int end = html.indexOf("</section>", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }
}
