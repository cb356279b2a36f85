package dev.faultline.server;

import static dev.faultline.server.AppCenterClient.INSTALL_ID;
import static dev.faultline.server.AppCenterClient.crash;
import static dev.faultline.server.AppCenterClient.logs;
import static dev.faultline.server.AppCenterClient.startSession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.model.App;
import dev.faultline.storage.sqlite.SqliteStore;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The apps pages over real HTTP: the list and creating an app, the settings page with keys and
 * setup lines at the public URL, rotation with the old key still accepted, rate limit, retention,
 * drop counts and crash-free rates, and a member's read-only view.
 */
class AppPagesIT {
    static final String PUBLIC_URL = "https://faultline.example.com";
    private static final Pattern API_KEY = Pattern.compile("data-testid=\"api-key\">([^<]+)<");
    private static final Pattern APP_SECRET = Pattern.compile("data-testid=\"app-secret\">([^<]+)<");

    @TempDir
    static Path dataDir;

    static TestServer server;
    static SqliteStore store;
    static TestAccounts accounts;
    static Team team;
    static App shop;
    static DashboardSession lead;
    static DashboardSession dev;

    @BeforeAll
    static void start() {
        // no key cache: a rotated-out key is looked up in the store on every report
        server = TestServer.start(
                dataDir, Map.of("FAULTLINE_PUBLIC_URL", PUBLIC_URL, "FAULTLINE_KEY_CACHE_SECONDS", "0"));
        store = server.server.store();
        accounts = new TestAccounts(server);
        team = accounts.team("Shop");
        accounts.user("lead@example.com", false, team, Role.ADMIN);
        accounts.member("dev@example.com", team);
        shop = accounts.app(team, "Shop web", "SHOP_WEB_KEY_000000000001");
        lead = DashboardSession.signIn(server, "lead@example.com");
        dev = DashboardSession.signIn(server, "dev@example.com");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTeamAdminCreatesAnAppAndLandsOnItsSetup() {
        String list = lead.page("/apps");
        assertThat(list)
                .contains("<tr data-app-id=\"" + shop.id() + "\">", ">Shop web</a>", "<td>Shop</td>")
                .contains("data-testid=\"create-app\"", "<option value=\"" + team.id() + "\">Shop</option>");

        HttpResponse<String> created = lead.post("/apps", "name", "Checkout service", "team", "" + team.id());

        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/apps/\\d+/settings");
        long id = Long.parseLong(location.split("/")[2]);
        App app = store.app(id).orElseThrow();
        assertThat(app.name()).isEqualTo("Checkout service");
        assertThat(app.teamId()).isEqualTo(team.id());
        assertThat(app.apiKey()).matches("[A-Za-z0-9]{24}");
        assertThat(UUID.fromString(app.appSecret())).isNotNull();
        String settings = lead.page(location);
        assertThat(settings).contains("data-testid=\"app-name\">Checkout service<", app.apiKey(), app.appSecret());
        assertThat(lead.page("/apps")).contains(">Checkout service</a>");
    }

    @Test
    void creatingAnAppNeedsANameAndATeamTheUserManages() {
        Team other = accounts.team("Other");
        lead.page("/apps");

        HttpResponse<String> blank = lead.post("/apps", "name", "  ", "team", "" + team.id());
        HttpResponse<String> noTeam = lead.post("/apps", "name", "No team");
        HttpResponse<String> foreign = lead.post("/apps", "name", "Sneaky", "team", "" + other.id());
        dev.page("/apps");
        HttpResponse<String> member = dev.post("/apps", "name", "By a member", "team", "" + team.id());

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("data-testid=\"error\">Give the app a name.");
        assertThat(noTeam.statusCode()).isEqualTo(400);
        assertThat(noTeam.body()).contains("Choose the team that owns the app.", "value=\"No team\"");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(member.statusCode()).isEqualTo(403);
        assertThat(store.apps()).extracting(App::name).doesNotContain("No team", "Sneaky", "By a member");
        assertThat(dev.page("/apps"))
                .doesNotContain("data-testid=\"create-app\"")
                .contains(">Keys and setup</a>");
    }

    @Test
    void theSettingsPageShowsKeysWithCopyButtonsAndSetupLinesForEverySdk() {
        String html = lead.page("/apps/" + shop.id() + "/settings");

        assertThat(html)
                .contains("<code id=\"api-key\" data-testid=\"api-key\">SHOP_WEB_KEY_000000000001</code>")
                .contains("<button type=\"button\" data-copy=\"#api-key\">Copy</button>")
                .contains("<code id=\"app-secret\" data-testid=\"app-secret\">" + shop.appSecret() + "</code>")
                .contains("<button type=\"button\" data-copy=\"#app-secret\">Copy</button>");
        for (String sdk : new String[] {
            "setup-raygun-java",
            "setup-raygun-net",
            "setup-raygun-js",
            "setup-raygun-node",
            "setup-raygun-python",
            "setup-raygun-ruby",
            "setup-raygun-php",
            "setup-raygun-android",
            "setup-raygun-apple",
            "setup-appcenter-android",
            "setup-appcenter-apple",
            "setup-appcenter-react-native",
            "setup-appcenter-net"
        }) {
            assertThat(html).contains("<pre id=\"" + sdk + "\">", "data-copy=\"#" + sdk + "\"");
        }
        assertThat(html)
                .contains("ApiEndpoint = new Uri(\"" + PUBLIC_URL + "/entries\")")
                .contains("rg4js('options', { apiEndpoint: '" + PUBLIC_URL + "' });")
                .contains("host: 'faultline.example.com',", "port: 443,", "useSSL: true")
                .contains("client.endpointhost = \"faultline.example.com\"")
                .contains("config.api_url = \"" + PUBLIC_URL + "\"")
                .contains("RaygunClient.setCustomCrashReportingEndpoint(\"" + PUBLIC_URL + "/entries\");")
                .contains("AppCenter.setLogUrl(\"" + PUBLIC_URL + "\");")
                .contains("AppCenter.start(getApplication(), \"" + shop.appSecret() + "\", Crashes.class);")
                .contains("AppCenter.Start(\"" + shop.appSecret() + "\", typeof(Crashes));")
                .contains("new RaygunClient(\"SHOP_WEB_KEY_000000000001\")");
    }

    @Test
    void rotatingKeepsTheOldKeyWorkingThroughTheGracePeriod() {
        App app = accounts.app(team, "Rotating", "ROTATING_KEY_000000000001");
        String oldSecret = app.appSecret();
        lead.page("/apps/" + app.id() + "/settings");

        HttpResponse<String> key = lead.post("/apps/" + app.id() + "/rotate-api-key");
        HttpResponse<String> secret = lead.post("/apps/" + app.id() + "/rotate-app-secret");

        assertThat(key.statusCode()).isEqualTo(303);
        assertThat(key.headers().firstValue("Location")).hasValue("/apps/" + app.id() + "/settings?saved=api-key");
        assertThat(secret.statusCode()).isEqualTo(303);
        String html = lead.page("/apps/" + app.id() + "/settings?saved=api-key");
        String newKey = find(API_KEY, html);
        String newSecret = find(APP_SECRET, html);
        assertThat(newKey).isNotEqualTo(app.apiKey()).matches("[A-Za-z0-9]{24}");
        assertThat(newSecret).isNotEqualTo(oldSecret);
        assertThat(html)
                .contains("data-testid=\"notice\">A new API key was made.")
                .contains("<td>API key</td><td><code>ROTATING_KEY_000000000001</code></td>")
                .contains("<td>App secret</td><td><code>" + oldSecret + "</code></td>")
                .contains("keeps working for 24 hours");

        byte[] report =
                RaygunEntry.error("demo.RotateException", "after rotation").bytes();
        assertThat(server.post("/entries", app.apiKey(), report).statusCode()).isEqualTo(202);
        assertThat(server.post("/entries", newKey, report).statusCode()).isEqualTo(202);
        AppCenterClient appCenter = new AppCenterClient(server.http, server.uri("/"));
        byte[] log = logs(crash(
                UUID.randomUUID().toString(), "old secret", UUID.randomUUID().toString(), "1.0"));
        assertThat(appCenter.post(oldSecret, INSTALL_ID, log, false).statusCode())
                .isEqualTo(200);
        byte[] another = logs(crash(
                UUID.randomUUID().toString(), "new secret", UUID.randomUUID().toString(), "1.0"));
        assertThat(appCenter.post(newSecret, INSTALL_ID, another, false).statusCode())
                .isEqualTo(200);
        assertThat(store.app(app.id()).orElseThrow().apiKey()).isEqualTo(newKey);
    }

    @Test
    void nameRateLimitAndRetentionAreSavedAndValidated() {
        App app = accounts.app(team, "Settings", "SETTINGS_KEY_000000000001");
        String settings = "/apps/" + app.id() + "/settings";
        lead.page(settings);

        assertThat(lead.post("/apps/" + app.id() + "/name", "name", "Renamed app")
                        .statusCode())
                .isEqualTo(303);
        assertThat(lead.post("/apps/" + app.id() + "/rate-limit", "rate-limit", "600")
                        .statusCode())
                .isEqualTo(303);
        assertThat(lead.post("/apps/" + app.id() + "/retention", "retention", "30")
                        .statusCode())
                .isEqualTo(303);

        App saved = store.app(app.id()).orElseThrow();
        assertThat(saved.name()).isEqualTo("Renamed app");
        assertThat(saved.rateLimitPerMinute()).isEqualTo(600);
        assertThat(saved.retentionDays()).isEqualTo(30);
        assertThat(lead.page(settings + "?saved=retention"))
                .contains("data-testid=\"notice\">The retention was saved.")
                .contains("name=\"rate-limit\" value=\"600\"", "name=\"retention\" value=\"30\"");

        HttpResponse<String> badLimit = lead.post("/apps/" + app.id() + "/rate-limit", "rate-limit", "lots");
        HttpResponse<String> zeroDays = lead.post("/apps/" + app.id() + "/retention", "retention", "0");
        HttpResponse<String> blankName = lead.post("/apps/" + app.id() + "/name", "name", " ");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body())
                .contains("data-testid=\"error\">The rate limit must be a whole number of reports per minute");
        assertThat(zeroDays.statusCode()).isEqualTo(400);
        assertThat(zeroDays.body()).contains("The retention must be a whole number of days from 1 to 36500");
        assertThat(blankName.statusCode()).isEqualTo(400);

        assertThat(lead.post("/apps/" + app.id() + "/rate-limit", "rate-limit", "")
                        .statusCode())
                .isEqualTo(303);
        assertThat(lead.post("/apps/" + app.id() + "/retention", "retention", "")
                        .statusCode())
                .isEqualTo(303);
        saved = store.app(app.id()).orElseThrow();
        assertThat(saved.rateLimitPerMinute()).isNull();
        assertThat(saved.retentionDays()).isNull();
        assertThat(saved.name()).isEqualTo("Renamed app");
    }

    @Test
    void aMemberSeesTheSettingsButCannotChangeThem() {
        String settings = "/apps/" + shop.id() + "/settings";
        String html = dev.page(settings);

        assertThat(html)
                .contains("Only an admin of the team Shop can change these settings.")
                .contains("SHOP_WEB_KEY_000000000001", "setup-raygun-node")
                .doesNotContain("rotate-api-key", "name=\"rate-limit\"", "data-testid=\"rename\"");
        for (String action : new String[] {"name", "rate-limit", "retention", "rotate-api-key", "rotate-app-secret"}) {
            HttpResponse<String> response = dev.post("/apps/" + shop.id() + "/" + action, action, "5");
            assertThat(response.statusCode()).as(action).isEqualTo(403);
        }
        App unchanged = store.app(shop.id()).orElseThrow();
        assertThat(unchanged.apiKey()).isEqualTo("SHOP_WEB_KEY_000000000001");
        assertThat(unchanged.name()).isEqualTo("Shop web");
        assertThat(unchanged.rateLimitPerMinute()).isNull();

        App foreign = accounts.app(accounts.team("Foreign"), "Foreign", "FOREIGN_KEY_0000000000001");
        assertThat(dev.get("/apps/" + foreign.id() + "/settings").statusCode()).isEqualTo(404);
        assertThat(dev.post("/apps/" + foreign.id() + "/name", "name", "Mine").statusCode())
                .isEqualTo(404);
    }

    @Test
    void droppedReportsAndCrashFreeRatesAreShown() {
        App mobile = accounts.app(team, "Mobile", "MOBILE_KEY_00000000000001");
        assertThat(server.post("/entries", mobile.apiKey(), "{\"details\":{}}".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(400);
        AppCenterClient appCenter = new AppCenterClient(server.http, server.uri("/"));
        String crashed = UUID.randomUUID().toString();
        HttpResponse<String> sent = appCenter.post(
                mobile.appSecret(),
                INSTALL_ID,
                logs(
                        startSession(UUID.randomUUID().toString(), "2.0"),
                        startSession(UUID.randomUUID().toString(), "2.0"),
                        startSession(UUID.randomUUID().toString(), "2.0"),
                        startSession(crashed, "2.0"),
                        crash(UUID.randomUUID().toString(), "crashed", crashed, "2.0"),
                        startSession(UUID.randomUUID().toString(), "1.9")),
                false);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

        String html = lead.page("/apps/" + mobile.id() + "/settings");

        assertThat(html)
                .contains(
                        "<tr data-reason=\"invalid_report\"><td>Invalid Raygun report</td><td class=\"num\">1</td></tr>");
        assertThat(html)
                .contains(
                        "<tr data-version=\"2.0 (1)\"><td>2.0 (1)</td><td class=\"num\">4</td><td class=\"num\">75.00 %</td>")
                .contains(
                        "<tr data-version=\"1.9 (1)\"><td>1.9 (1)</td><td class=\"num\">1</td><td class=\"num\">100.00 %</td>");
        assertThat(html.indexOf("data-version=\"2.0 (1)\"")).isLessThan(html.indexOf("data-version=\"1.9 (1)\""));
        assertThat(lead.page("/apps/" + shop.id() + "/settings"))
                .contains("None: every report sent with this app's keys was stored.")
                .doesNotContain("id=\"crash-free\"");
    }

    private static String find(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher.group(1);
    }
}
