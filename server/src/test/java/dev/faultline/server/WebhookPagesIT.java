package dev.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.model.App;
import dev.faultline.core.notify.EventType;
import dev.faultline.core.notify.Webhook;
import dev.faultline.storage.sqlite.SqliteStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook pages over real HTTP, with a real receiver on loopback: an admin creates a webhook
 * through the form, sends a test, sees it delivered and resends it; a member sees the pages
 * read-only without the secret and gets 403 on every change; another team gets 404.
 */
class WebhookPagesIT {
    private static final Pattern DELIVERY_ROW =
            Pattern.compile("<tr data-delivery-id=\"(\\d+)\" data-state=\"delivered\">");

    @TempDir
    static Path dataDir;

    static TestServer server;
    static SqliteStore store;
    static WebhookReceiver receiver;
    static TestAccounts accounts;
    static Team team;
    static App shop;
    static DashboardSession lead;
    static DashboardSession dev;
    static DashboardSession outsider;

    @BeforeAll
    static void start() {
        server = TestServer.start(
                dataDir,
                Map.of(
                        "FAULTLINE_WEBHOOK_POLL_MILLIS", "50",
                        "FAULTLINE_WEBHOOK_FIRST_RETRY_SECONDS", "1",
                        "FAULTLINE_WEBHOOK_TIMEOUT_SECONDS", "5"));
        store = server.server.store();
        receiver = new WebhookReceiver();
        accounts = new TestAccounts(server);
        team = accounts.team("Shop");
        Team others = accounts.team("Others");
        accounts.user("lead@example.com", false, team, Role.ADMIN);
        accounts.member("dev@example.com", team);
        accounts.user("other@example.com", false, others, Role.ADMIN);
        shop = accounts.app(team, "Shop web", "HOOK_PAGES_KEY_0001");
        // a group exists before any webhook, so the only delivery is the test
        server.sendEntry(shop, RaygunEntry.error("demo.Boom", "for the test").groupingKey("for the test"));
        lead = DashboardSession.signIn(server, "lead@example.com");
        dev = DashboardSession.signIn(server, "dev@example.com");
        outsider = DashboardSession.signIn(server, "other@example.com");
    }

    @AfterAll
    static void stop() {
        server.close();
        receiver.close();
    }

    private static List<String> allEvents(String... before) {
        List<String> fields = new ArrayList<>(List.of(before));
        for (EventType type : EventType.values()) {
            fields.add("events");
            fields.add(type.wireName());
        }
        return fields;
    }

    private static Webhook webhook(String url) {
        return store.createWebhook(new Webhook(
                0,
                shop.id(),
                url,
                true,
                EnumSet.allOf(EventType.class),
                "whsec_fixed_for_tests",
                Webhook.Style.RAYGUN,
                java.time.Instant.now()));
    }

    /** The webhook page once it shows {@code count} delivered rows, polling up to 15 seconds. */
    private static String pageWithDelivered(String path, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String html;
        do {
            html = lead.page(path);
            Matcher rows = DELIVERY_ROW.matcher(html);
            int found = 0;
            while (rows.find()) {
                found++;
            }
            if (found >= count) {
                return html;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("never " + count + " delivered rows: " + html);
    }

    @Test
    void anAdminCreatesAWebhookSendsATestSeesItDeliveredAndResendsIt() throws InterruptedException {
        String settings = lead.page("/apps/" + shop.id() + "/settings");
        String list = lead.page("/apps/" + shop.id() + "/webhooks");
        assertThat(settings).contains("<a href=\"/apps/" + shop.id() + "/webhooks\" data-testid=\"webhooks-link\">");
        assertThat(list)
                .contains("data-testid=\"create-webhook\"", "<option value=\"raygun\" selected>Raygun JSON</option>");
        for (EventType type : EventType.values()) {
            assertThat(list).contains("name=\"events\" value=\"" + type.wireName() + "\" checked>");
        }

        List<String> fields = allEvents("url", receiver.url("/page-hook"), "style", "raygun", "enabled", "on");
        HttpResponse<String> created = lead.post("/apps/" + shop.id() + "/webhooks", fields.toArray(String[]::new));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/apps/" + shop.id() + "/webhooks/\\d+\\?saved=created");
        String path = location.substring(0, location.indexOf('?'));
        Webhook webhook = store.webhooks(shop.id()).stream()
                .filter(candidate -> candidate.url().equals(receiver.url("/page-hook")))
                .findFirst()
                .orElseThrow();
        assertThat(webhook.events()).containsExactlyInAnyOrder(EventType.values());
        assertThat(webhook.enabled()).isTrue();
        assertThat(webhook.style()).isEqualTo(Webhook.Style.RAYGUN);
        assertThat(path).isEqualTo("/apps/" + shop.id() + "/webhooks/" + webhook.id());
        assertThat(lead.page(location))
                .contains("data-testid=\"notice\">The webhook was made.")
                .contains("<code id=\"webhook-secret\" data-testid=\"webhook-secret\">" + webhook.secret() + "</code>")
                .contains("<button type=\"button\" data-copy=\"#webhook-secret\">Copy</button>")
                .contains("data-testid=\"no-deliveries\"");
        assertThat(webhook.secret()).startsWith("whsec_");
        assertThat(lead.page("/apps/" + shop.id() + "/webhooks"))
                .contains("<a class=\"title\" href=\"" + path + "\">" + receiver.url("/page-hook") + "</a>");

        HttpResponse<String> test = lead.post(path + "/test");
        assertThat(test.statusCode()).as(test.body()).isEqualTo(303);
        assertThat(test.headers().firstValue("Location")).hasValue(path + "?saved=test");
        WebhookReceiver.Received posted = receiver.next("/page-hook");
        assertThat(posted.headers()).containsEntry("x-faultline-event", "NewErrorOccurred");
        String delivered = pageWithDelivered(path, 1);
        Matcher row = DELIVERY_ROW.matcher(delivered);
        assertThat(row.find()).isTrue();
        String deliveryId = row.group(1);
        String rowHtml = delivered.substring(row.start(), delivered.indexOf("</tr>", row.start()));
        assertThat(rowHtml)
                .contains("<td>NewErrorOccurred</td>", "<span class=\"badge\">delivered</span>")
                .contains("<td class=\"num\" data-testid=\"status\">200</td>", " ms</td>", "<td class=\"num\">1</td>")
                .contains("action=\"" + path + "/deliveries/" + deliveryId + "/resend\"");

        HttpResponse<String> resent = lead.post(path + "/deliveries/" + deliveryId + "/resend");
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(303);
        assertThat(resent.headers().firstValue("Location")).hasValue(path + "?saved=resent");
        assertThat(receiver.next("/page-hook").headers()).containsEntry("x-faultline-event", "NewErrorOccurred");
        assertThat(lead.post(path + "/deliveries/999999/resend").statusCode()).isEqualTo(404);
    }

    @Test
    void theSettingsAreSavedAndAWrongUrlIsShownWithItsReason() {
        Webhook webhook = webhook(receiver.url("/settings"));
        String path = "/apps/" + shop.id() + "/webhooks/" + webhook.id();
        lead.page(path);

        HttpResponse<String> bad =
                lead.post(path, "url", "ftp://example.com", "style", "slack", "events", "CommentAdded");
        HttpResponse<String> none = lead.post(path, "url", "https://example.com/hook", "style", "slack");
        HttpResponse<String> saved = lead.post(
                path,
                "url",
                "https://hooks.example.com/x",
                "style",
                "slack",
                "events",
                "CommentAdded",
                "events",
                "StatusChanged");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body())
                .contains("data-testid=\"error\">url must be an absolute http:// or https:// URL")
                .contains("value=\"ftp://example.com\"");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Choose at least one event type.");
        assertThat(saved.statusCode()).isEqualTo(303);
        Webhook changed = store.webhook(webhook.id()).orElseThrow();
        assertThat(changed.url()).isEqualTo("https://hooks.example.com/x");
        assertThat(changed.style()).isEqualTo(Webhook.Style.SLACK);
        assertThat(changed.events()).containsExactlyInAnyOrder(EventType.COMMENT_ADDED, EventType.STATUS_CHANGED);
        assertThat(changed.enabled()).isFalse();
        assertThat(changed.secret()).isEqualTo(webhook.secret());
        assertThat(lead.page(path + "?saved=saved"))
                .contains(
                        "data-testid=\"notice\">The webhook was saved.",
                        "<option value=\"slack\" selected>Slack</option>")
                .contains("name=\"enabled\" value=\"on\">");
    }

    @Test
    void anAdminDeletesAWebhook() {
        Webhook webhook = webhook(receiver.url("/deleted"));
        String path = "/apps/" + shop.id() + "/webhooks/" + webhook.id();
        assertThat(lead.page(path)).contains("data-confirm=\"Delete this webhook and its deliveries?\"");

        HttpResponse<String> deleted = lead.post(path + "/delete");

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).hasValue("/apps/" + shop.id() + "/webhooks");
        assertThat(store.webhook(webhook.id())).isEmpty();
        assertThat(lead.get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void aMemberSeesThePagesReadOnlyWithoutTheSecretAndMayNotChangeAnything() {
        Webhook webhook = webhook(receiver.url("/member"));
        String path = "/apps/" + shop.id() + "/webhooks/" + webhook.id();

        String list = dev.page("/apps/" + shop.id() + "/webhooks");
        String page = dev.page(path);

        assertThat(list).contains(receiver.url("/member")).doesNotContain("data-testid=\"create-webhook\"");
        assertThat(page)
                .contains("Only an admin of the team Shop can change this webhook.")
                .doesNotContain(webhook.secret(), "webhook-secret", "send-test", "data-testid=\"webhook-settings\"");
        assertThat(dev.post(
                                "/apps/" + shop.id() + "/webhooks",
                                allEvents("url", receiver.url("/x"), "style", "raygun")
                                        .toArray(String[]::new))
                        .statusCode())
                .isEqualTo(403);
        assertThat(dev.post(path, "url", receiver.url("/x"), "style", "raygun", "events", "CommentAdded")
                        .statusCode())
                .isEqualTo(403);
        assertThat(dev.post(path + "/test").statusCode()).isEqualTo(403);
        assertThat(dev.post(path + "/deliveries/1/resend").statusCode()).isEqualTo(403);
        assertThat(dev.post(path + "/delete").statusCode()).isEqualTo(403);
        assertThat(store.webhook(webhook.id())).hasValue(webhook);
    }

    @Test
    void anotherTeamsAppOrWebhookIsNotFound() {
        Webhook webhook = webhook(receiver.url("/foreign"));
        String path = "/apps/" + shop.id() + "/webhooks/" + webhook.id();
        App sibling = accounts.app(team, "Shop admin", "HOOK_PAGES_KEY_0002");
        outsider.page("/apps");

        assertThat(outsider.get("/apps/" + shop.id() + "/webhooks").statusCode())
                .isEqualTo(404);
        assertThat(outsider.get(path).statusCode()).isEqualTo(404);
        assertThat(outsider.post(path + "/test").statusCode()).isEqualTo(404);
        assertThat(outsider.post(path + "/delete").statusCode()).isEqualTo(404);
        // a webhook reached through another app than its own
        assertThat(lead.get("/apps/" + sibling.id() + "/webhooks/" + webhook.id())
                        .statusCode())
                .isEqualTo(404);
        assertThat(lead.post("/apps/" + sibling.id() + "/webhooks/" + webhook.id() + "/delete")
                        .statusCode())
                .isEqualTo(404);
        assertThat(store.webhook(webhook.id())).isPresent();
    }
}
