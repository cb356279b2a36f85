package dev.faultline.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.mindscapehq.raygun4java.core.RaygunClient;
import com.mindscapehq.raygun4java.core.messages.RaygunIdentifier;
import dev.faultline.server.browser.Chromium;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser (Debian's chromium through Playwright), from the first start to
 * a regression: setup link, first administrator, an app, reports from the real raygun4java SDK,
 * the list with a search, the group page, status, assignment, comment, resolved-in-version and the
 * regression a newer version causes. Screenshots of the main pages go to {@code
 * target/screenshots}.
 */
class DashboardBrowserIT {
    private static final String EMAIL = "ada@example.com";
    private static final String PASSWORD = "correct horse battery";

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

    @Test
    void fromFirstStartToARegression() {
        try (TestServer server = TestServer.start(dataDir)) {
            String base = "http://127.0.0.1:" + server.server.port();
            Page page = chromium.newPage();

            // first start: the console's one-time link creates the first administrator
            String setupLink = server.server.setupLink().orElseThrow();
            page.navigate(setupLink.replace("http://localhost:" + server.server.port(), base));
            Chromium.screenshot(page, "setup");
            page.fill("input[name=email]", EMAIL);
            page.fill("input[name=password]", PASSWORD);
            page.fill("input[name=confirm]", PASSWORD);
            page.click("button[type=submit]");
            assertThat(page).hasURL(Pattern.compile(".*/groups.*"));
            assertThat(page.locator(".who")).hasText(EMAIL);

            // the link worked once
            Page again = chromium.newPage();
            again.navigate(setupLink.replace("http://localhost:" + server.server.port(), base));
            assertThat(again.locator("h1")).hasText("This link does not work");

            // sign out, then in again through the sign-in form
            page.click("form.signout button");
            assertThat(page).hasURL(Pattern.compile(".*/login.*"));
            page.fill("input[name=email]", EMAIL);
            page.fill("input[name=password]", "wrong password");
            page.click("button[type=submit]");
            assertThat(page.locator("p.error")).containsText("do not match");
            page.fill("input[name=password]", PASSWORD);
            page.click("button[type=submit]");
            assertThat(page.locator(".who")).hasText(EMAIL);

            // an app of its own, created in the dashboard, with its key on the settings page
            page.navigate(base + "/apps");
            page.fill("[data-testid=create-app] input[name=name]", "Shop");
            page.click("[data-testid=create-app] button[type=submit]");
            assertThat(page.locator("[data-testid=app-name]")).hasText("Shop");
            String apiKey = page.locator("[data-testid=api-key]").innerText().trim();
            assertThat(apiKey).hasSize(24);
            Chromium.screenshot(page, "app-settings");

            // reports from the real SDK
            RaygunClient client = new RaygunClient(apiKey);
            client.setRaygunConnection(new Raygun4JavaIT.LocalConnection(server.uri("/entries")));
            client.setVersion("1.0.0");
            client.setUser(new RaygunIdentifier("user-7").withEmail("u7@example.com"));
            assertThat(client.send(checkoutFailure(17), Set.of("checkout"), Map.of("order", 17)))
                    .isEqualTo(202);
            assertThat(client.send(checkoutFailure(18))).isEqualTo(202);
            assertThat(client.send(new UnsupportedOperationException("export is not built yet")))
                    .isEqualTo(202);

            page.navigate(base + "/groups");
            Locator rows = page.locator("tr[data-group-id]");
            assertThat(rows).hasCount(2);
            assertThat(page.locator("tr[data-group-id]", new Page.LocatorOptions().setHasText("IllegalStateException"))
                            .locator("[data-testid=count]"))
                    .hasText("2");
            Chromium.screenshot(page, "groups");

            // search narrows the list (htmx swaps the table)
            page.fill("#filters input[name=q]", "export is not");
            page.press("#filters input[name=q]", "Enter");
            assertThat(rows).hasCount(1);
            assertThat(rows.first()).containsText("UnsupportedOperationException");
            page.fill("#filters input[name=q]", "");
            page.press("#filters input[name=q]", "Enter");
            assertThat(rows).hasCount(2);

            // the group page: chain, chart, triage
            page.locator("tr[data-group-id]", new Page.LocatorOptions().setHasText("IllegalStateException"))
                    .locator("a.title")
                    .click();
            assertThat(page.locator("[data-testid=group-title]")).containsText("IllegalStateException");
            assertThat(page.locator("#event")).containsText("connection reset");
            assertThat(page.locator("#event")).containsText("checkoutFailure");
            assertThat(page.locator("#chart[data-chart-drawn]")).hasCount(1);
            Chromium.screenshot(page, "group");
            String groupUrl = page.url();

            page.selectOption("#status-select", "ignored");
            page.click("[data-testid=status-form] button[type=submit]");
            assertThat(page.locator(".group-head .badge")).containsText("Ignored");

            page.locator("[data-testid=assign-form] select[name=assignee]")
                    .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(EMAIL));
            page.click("[data-testid=assign-form] button[type=submit]");
            assertThat(page.locator("[data-testid=group-assignee]")).hasText(EMAIL);

            page.fill("[data-testid=comment-form] textarea[name=text]", "Looking into the payment gateway.");
            page.click("[data-testid=comment-form] button[type=submit]");
            assertThat(page.locator("#activity")).containsText("Looking into the payment gateway.");

            // resolved in 2.0.0: a report from 1.9.0 leaves it resolved, one from 2.1.0 reopens it
            page.selectOption("#status-select", "resolved_in_version");
            page.fill("[data-testid=status-form] input[name=version]", "2.0.0");
            page.click("[data-testid=status-form] button[type=submit]");
            assertThat(page.locator(".group-head .badge")).containsText("Resolved");

            client.setVersion("1.9.0");
            assertThat(client.send(checkoutFailure(19))).isEqualTo(202);
            page.navigate(groupUrl);
            assertThat(page.locator(".group-head .badge")).containsText("Resolved");
            assertThat(page.locator("[data-testid=group-count]")).hasText("3");

            client.setVersion("2.1.0");
            assertThat(client.send(checkoutFailure(20))).isEqualTo(202);
            page.navigate(groupUrl);
            assertThat(page.locator(".group-head .badge")).containsText("Active");
            assertThat(page.locator("#activity")).containsText("2.1.0");
            assertThat(page.locator("#activity .badge.regressed").count())
                    .as(page.locator("#activity").innerText())
                    .isEqualTo(1);
            Chromium.screenshot(page, "group-regressed");

            // filters: by version, then by a status nothing has
            page.navigate(base + "/groups");
            page.fill("#filters input[name=version]", "2.1.0");
            page.press("#filters input[name=version]", "Enter");
            assertThat(rows).hasCount(1);
            assertThat(rows.first()).containsText("IllegalStateException");
            assertThat(page).hasURL(Pattern.compile(".*version=2\\.1\\.0.*"));
            page.selectOption("#filter-status", "resolved");
            assertThat(page.locator("[data-testid=empty]")).containsText("No error groups match");
            Chromium.screenshot(page, "groups-filtered");

            assertThat(chromium.problems()).isEmpty();
            assertThat(chromium.dialogs()).isEmpty();
        }
    }

    private static IllegalStateException checkoutFailure(int order) {
        return new IllegalStateException("checkout failed for order " + order, new IOException("connection reset"));
    }
}
