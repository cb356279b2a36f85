package dev.faultline.server.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Debian's chromium driven by Playwright for Java, headless. Playwright's own browser download is
 * skipped ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}); {@code .ci/run} installs the package.
 * Every page records its script errors, console errors (CSP violations among them) and dialogs
 * (an {@code alert} from injected script), so tests can assert there were none. Confirmation
 * questions are answered yes.
 */
public final class Chromium implements AutoCloseable {
    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<String> dialogs = new CopyOnWriteArrayList<>();

    public Chromium() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " is missing: apt-get install chromium (.ci/run does)");
        }
        this.playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true));
    }

    /** A fresh browser profile (no cookies) with one page. */
    public Page newPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
        Page page = context.newPage();
        page.onPageError(error -> problems.add("page error: " + error));
        page.onResponse(response -> {
            // a page answered 4xx on purpose (a used link, a wrong password) is not a problem; a
            // script, style sheet or chart data that failed to load is
            if (response.status() >= 400
                    && !"document".equals(response.request().resourceType())) {
                problems.add(response.status() + " for " + response.url());
            }
        });
        page.onConsoleMessage(message -> {
            // failed loads are judged above, by what failed to load
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                problems.add("console error on " + page.url() + ": " + message.text());
            }
        });
        page.onDialog(dialog -> {
            if ("confirm".equals(dialog.type())) {
                dialog.accept(); // the dashboard's own "are you sure?" questions
            } else {
                dialogs.add(dialog.type() + ": " + dialog.message());
                dialog.dismiss();
            }
        });
        return page;
    }

    /** Saves a full-page screenshot under {@code target/screenshots/<name>.png}. */
    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** Script errors and console errors seen so far, CSP violations included. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Alerts and prompts opened so far: the dashboard opens none, so any came from injected script. */
    public List<String> dialogs() {
        return List.copyOf(dialogs);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
