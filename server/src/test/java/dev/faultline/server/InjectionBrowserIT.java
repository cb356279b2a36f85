package dev.faultline.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Page;
import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.model.App;
import dev.faultline.core.notify.EventType;
import dev.faultline.core.notify.Webhook;
import dev.faultline.server.browser.Chromium;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash content is hostile input. Reports whose every field carries script and markup injections
 * are sent through both ingest APIs, then every page that shows them is opened in a real browser:
 * nothing may run (no dialog, no script error, no CSP violation), no injected element may exist,
 * and each injection must be on the page as text.
 */
class InjectionBrowserIT {
    /** Every injection sent, each naming the field it was sent in. */
    private static final List<String> SEEN = new ArrayList<>();

    private static Chromium chromium;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void launch() {
        chromium = new Chromium();
    }

    @AfterAll
    static void quit() {
        chromium.close();
    }

    /** A script tag, a broken-out attribute with an event handler, and an SVG onload, naming the field. */
    private static String evil(String field) {
        String marker = "<script>alert('" + field + "')</script>\"><img src=x onerror=alert('" + field
                + "')><svg onload=alert('" + field + "')>";
        SEEN.add(marker);
        return marker;
    }

    /** A short injection, for fields App Center cuts at 125 characters. */
    private static String shortEvil(String field) {
        String marker = "<img src=x onerror=alert('" + field + "')>";
        SEEN.add(marker);
        return marker;
    }

    @Test
    void nothingFromAReportRunsAnywhereItIsShown() {
        try (TestServer server = TestServer.start(dataDir)) {
            TestAccounts accounts = new TestAccounts(server);
            Team team = accounts.team(evil("team-name"));
            App app = accounts.app(team, evil("app-name"), "INJECTION_KEY_0000000001");
            accounts.user("eve@example.com", false, team, Role.ADMIN);
            // stored directly: the forms refuse such a URL, an older row might not
            Webhook webhook = server.server
                    .store()
                    .createWebhook(new Webhook(
                            0,
                            app.id(),
                            "https://hooks.example.com/" + evil("webhook-url"),
                            true,
                            EnumSet.allOf(EventType.class),
                            "whsec_injection",
                            Webhook.Style.RAYGUN,
                            Instant.now()));

            RaygunEntry entry = RaygunEntry.error(evil("class-name"), evil("message"))
                    .version(evil("version"))
                    .tags(evil("tag-1"), evil("tag-2"))
                    .frame(evil("frame-class"), evil("frame-method"), evil("frame-file"), 12)
                    .causedBy(evil("inner-class"), evil("inner-message"))
                    .frame(evil("inner-frame-class"), "run", "Inner.java", 3)
                    .breadcrumb(
                            evil("crumb-category"),
                            "error",
                            evil("crumb-message"),
                            Map.of(evil("crumb-key"), evil("crumb-value")))
                    .customData("{\"" + json(evil("custom-key")) + "\": {\"" + json(evil("nested-key")) + "\": \""
                            + json(evil("nested-value")) + "\"}, \"list\": [\"" + json(evil("list-item")) + "\"]}")
                    .request(
                            "GET",
                            "javascript:alert('request-url')//" + evil("request-url"),
                            Map.of(evil("header-name"), evil("header-value")),
                            Map.of(evil("query-name"), evil("query-value")),
                            Map.of(evil("form-name"), evil("form-value")),
                            evil("raw-body"));
            entry.environment()
                    .put("osName", evil("os"))
                    .put("model", evil("device"))
                    .put("deviceName", evil("device-name"));
            ObjectNode root = (ObjectNode) TestServer.parse(new String(entry.bytes(), UTF_8));
            ObjectNode user = ((ObjectNode) root.get("details")).putObject("user");
            user.put("identifier", evil("user-id"))
                    .put("email", evil("user-email"))
                    .put("fullName", evil("user-name"));
            ((ObjectNode) root.get("details")).put("machineName", evil("machine"));
            HttpResponse<String> raygun =
                    server.post("/entries", app.apiKey(), root.toString().getBytes(UTF_8));
            assertThat(raygun.statusCode()).isEqualTo(202);

            String crashId = UUID.randomUUID().toString();
            ObjectNode crash = TestServer.JSON
                    .createObjectNode()
                    .put("type", "managedError")
                    .put("timestamp", java.time.Instant.now().toString())
                    .put("id", crashId)
                    .put("processId", 1)
                    .put("processName", evil("process"))
                    .put("fatal", true);
            crash.putObject("device")
                    .put("sdkName", "appcenter.android")
                    .put("sdkVersion", "5.0.6")
                    .put("osName", evil("ac-os"))
                    .put("osVersion", "14")
                    .put("model", evil("ac-model"))
                    .put("locale", "en_US")
                    .put("timeZoneOffset", 0)
                    .put("appVersion", "1.0")
                    .put("appBuild", "1");
            ObjectNode exception =
                    crash.putObject("exception").put("type", evil("ac-type")).put("message", evil("ac-message"));
            exception
                    .putArray("frames")
                    .addObject()
                    .put("className", evil("ac-frame"))
                    .put("methodName", "run")
                    .put("fileName", "Main.java")
                    .put("lineNumber", 3);
            crash.putObject("properties").put(shortEvil("ac-property-key"), shortEvil("ac-property-value"));
            ObjectNode attachment = TestServer.JSON
                    .createObjectNode()
                    .put("type", "errorAttachment")
                    .put("timestamp", java.time.Instant.now().toString())
                    .put("id", UUID.randomUUID().toString())
                    .put("errorId", crashId)
                    .put("contentType", "text/plain")
                    .put("fileName", evil("attachment-name"))
                    .put(
                            "data",
                            Base64.getEncoder()
                                    .encodeToString(evil("attachment-text").getBytes(UTF_8)));
            attachment.set("device", crash.get("device"));
            byte[] logs = ("{\"logs\":[" + crash + "," + attachment + "]}").getBytes(UTF_8);
            HttpResponse<String> appCenter = new AppCenterClient(server.http, server.uri("/"))
                    .post(app.appSecret(), AppCenterClient.INSTALL_ID, logs, false);
            assertThat(appCenter.statusCode()).isEqualTo(200);
            assertThat(appCenter.body()).contains("\"accepted\":2");

            String base = "http://127.0.0.1:" + server.server.port();
            Page page = chromium.newPage();
            page.navigate(base + "/login");
            page.fill("input[name=email]", "eve@example.com");
            page.fill("input[name=password]", TestAccounts.PASSWORD);
            page.click("button[type=submit]");
            assertThat(page.locator(".who")).hasText("eve@example.com");

            List<String> groupPages = new ArrayList<>();
            page.navigate(base + "/groups");
            page.locator("tr[data-group-id] a.title").all().forEach(link -> groupPages.add(link.getAttribute("href")));
            assertThat(groupPages).hasSize(2);

            // a comment and a resolved-in version carry injections too
            page.navigate(base + groupPages.get(0));
            page.fill("[data-testid=comment-form] textarea[name=text]", evil("comment"));
            page.click("[data-testid=comment-form] button[type=submit]");
            page.selectOption("#status-select", "resolved_in_version");
            page.fill("[data-testid=status-form] input[name=version]", evil("resolved-in"));
            page.click("[data-testid=status-form] button[type=submit]");

            List<String> shown = new ArrayList<>();
            List<String> visits = new ArrayList<>(List.of(
                    "/groups",
                    "/groups?status=resolved",
                    "/apps/" + app.id() + "/groups",
                    "/apps",
                    "/apps/" + app.id() + "/settings",
                    "/apps/" + app.id() + "/webhooks",
                    "/apps/" + app.id() + "/webhooks/" + webhook.id(),
                    "/teams",
                    "/teams/" + team.id(),
                    "/account/email"));
            for (String groupPage : groupPages) {
                visits.add(groupPage);
                visits.add(groupPage + (groupPage.contains("?") ? "&" : "?") + "range=30d");
                visits.add(groupPage.replaceFirst("(/groups/\\d+).*", "$1") + "/users");
            }
            for (String path : visits) {
                page.navigate(base + path);
                page.waitForLoadState();
                String text = page.textContent("body");
                SEEN.stream().filter(text::contains).forEach(shown::add);
                assertThat(page.locator("img[src=x]").count())
                        .as("injected img on %s", path)
                        .isZero();
                assertThat(page.locator("svg[onload]").count())
                        .as("injected svg on %s", path)
                        .isZero();
                assertThat(page.locator("script:not([src])").count())
                        .as("inline script on %s", path)
                        .isZero();
                assertThat(page.locator("a[href^='javascript:']").count())
                        .as("script link on %s", path)
                        .isZero();
                assertThat(page.locator("[onerror], [onload], [onclick]").count())
                        .as("handlers on %s", path)
                        .isZero();
                if (path.endsWith("/settings") || path.startsWith("/groups/")) {
                    Chromium.screenshot(page, "injection" + path.replaceAll("[^a-z0-9]+", "-"));
                }
            }

            // every field was shown somewhere, as text
            List<String> neverShown = SEEN.stream()
                    .distinct()
                    .filter(marker -> !shown.contains(marker))
                    .map(marker -> marker.substring(marker.indexOf('\'') + 1, marker.indexOf("')")))
                    .toList();
            assertThat(neverShown).as("fields never shown as text").isEmpty();
            assertThat(chromium.dialogs()).isEmpty();
            assertThat(chromium.problems()).isEmpty();
        }
    }

    private static String json(String text) {
        String quoted = TestServer.JSON.getNodeFactory().textNode(text).toString();
        return quoted.substring(1, quoted.length() - 1);
    }
}
