package dev.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.server.http.TestCertificates;
import dev.faultline.server.web.WebAuth;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in to the dashboard over real HTTP: the first administrator's setup link, wrong
 * passwords and throttling, the session cookie's attributes, CSRF, and signing out.
 */
class SignInIT {
    private static final String ADMIN = "admin@example.com";
    private static final String NEW_PASSWORD = "a long new password";

    @TempDir
    Path dataDir;

    @Test
    void theFirstAdministratorsSetupLinkWorksOnce() {
        try (TestServer server = TestServer.start(dataDir)) {
            String setup = FormClient.path(server.server.setupLink().orElseThrow());
            FormClient browser = new FormClient(server);

            HttpResponse<String> form = browser.get(setup);
            HttpResponse<String> created = browser.submit(
                    setup, Map.of("email", "Admin@Example.com", "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
            HttpResponse<String> account = browser.get("/account");
            FormClient second = new FormClient(server);
            HttpResponse<String> again = second.get(setup);
            second.get("/login"); // a form token, as a page left open before the link was used would have
            HttpResponse<String> postedAgain = second.submit(
                    setup, Map.of("email", "other@example.com", "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));

            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("Create the first administrator");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
            assertThat(account.statusCode()).isEqualTo(200);
            assertThat(account.body()).contains(ADMIN).contains("instance administrator");
            assertThat(again.statusCode()).isEqualTo(404);
            assertThat(again.body()).contains("This link does not work");
            assertThat(postedAgain.statusCode()).isEqualTo(404);
            assertThat(server.server.store().userCount()).isEqualTo(1);
        }
    }

    @Test
    void aWrongPasswordIs401AndRepeatedFailuresAre429() {
        try (TestServer server = TestServer.start(dataDir, Map.of("FAULTLINE_SIGNIN_MAX_FAILURES", "3"))) {
            new TestAccounts(server).user(ADMIN, true, null, null);
            FormClient browser = new FormClient(server);

            HttpResponse<String> unknown = browser.tryToSignIn("nobody@example.com", TestAccounts.PASSWORD);
            HttpResponse<String> wrong = browser.tryToSignIn(ADMIN, "not the password");
            HttpResponse<String> wrongAgain = browser.tryToSignIn(ADMIN, "not the password");
            HttpResponse<String> throttled = browser.tryToSignIn(ADMIN, TestAccounts.PASSWORD);

            assertThat(unknown.statusCode()).isEqualTo(401);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("That email and password do not match.");
            assertThat(wrongAgain.statusCode()).isEqualTo(401);
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.body()).contains("Too many failed sign-ins");
            assertThat(browser.cookie(WebAuth.SESSION_COOKIE)).isNull();
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndLaxAndSecureOverHttps(@TempDir Path certificates) throws Exception {
        TestCertificates.SelfSigned tls = TestCertificates.selfSigned(certificates, "EC");
        X509Certificate certificate = tls.certificate();
        Map<String, String> settings = tls.settings();

        try (TestServer server = TestServer.start(dataDir, settings)) {
            new TestAccounts(server).user(ADMIN, true, null, null);
            FormClient overHttp = new FormClient(server);
            FormClient overHttps = new FormClient(
                    TestCertificates.clientTrusting(certificate),
                    URI.create("https://127.0.0.1:" + server.server.httpsPort().orElseThrow() + "/"));

            overHttp.signIn(ADMIN, TestAccounts.PASSWORD);
            overHttps.signIn(ADMIN, TestAccounts.PASSWORD);

            assertThat(overHttp.setCookie(WebAuth.SESSION_COOKIE))
                    .containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax")
                    .doesNotContainIgnoringCase("Secure");
            assertThat(overHttps.setCookie(WebAuth.SESSION_COOKIE))
                    .containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax")
                    .containsIgnoringCase("Secure");
        }
    }

    @Test
    void aPostWithoutTheRightCsrfTokenIs403AndChangesNothing() {
        try (TestServer server = TestServer.start(dataDir)) {
            new TestAccounts(server).user(ADMIN, true, null, null);
            FormClient browser = new FormClient(server);
            browser.signIn(ADMIN, TestAccounts.PASSWORD);
            Map<String, String> password =
                    Map.of("current", TestAccounts.PASSWORD, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD);

            HttpResponse<String> noToken = browser.post("/teams", Map.of("name", "Forged"));
            HttpResponse<String> wrongToken = browser.post("/teams", Map.of("name", "Forged", "_csrf", "guessed"));
            HttpResponse<String> forgedPassword = browser.post("/account/password", password);
            HttpResponse<String> anonymousSignIn =
                    new FormClient(server).post("/login", Map.of("email", ADMIN, "password", TestAccounts.PASSWORD));

            assertThat(noToken.statusCode()).isEqualTo(403);
            assertThat(noToken.body()).contains("This form expired");
            assertThat(wrongToken.statusCode()).isEqualTo(403);
            assertThat(forgedPassword.statusCode()).isEqualTo(403);
            assertThat(anonymousSignIn.statusCode()).isEqualTo(403);
            assertThat(server.server.store().teams())
                    .extracting(team -> team.name())
                    .doesNotContain("Forged");
            assertThat(new FormClient(server)
                            .tryToSignIn(ADMIN, TestAccounts.PASSWORD)
                            .statusCode())
                    .isEqualTo(302);

            browser.get("/teams");
            assertThat(browser.submit("/teams", Map.of("name", "Real")).statusCode())
                    .isEqualTo(303);
            assertThat(server.server.store().teams())
                    .extracting(team -> team.name())
                    .contains("Real");
        }
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        try (TestServer server = TestServer.start(dataDir)) {
            new TestAccounts(server).user(ADMIN, true, null, null);
            FormClient browser = new FormClient(server);
            browser.signIn(ADMIN, TestAccounts.PASSWORD);
            String stolen = browser.cookie(WebAuth.SESSION_COOKIE);

            HttpResponse<String> signedOut = browser.submit("/logout", Map.of());
            FormClient replay = new FormClient(server);
            replay.cookie(WebAuth.SESSION_COOKIE, stolen);
            HttpResponse<String> replayed = replay.get("/account");

            assertThat(signedOut.statusCode()).isEqualTo(302);
            assertThat(signedOut.headers().firstValue("Location")).hasValue("/login");
            assertThat(browser.cookie(WebAuth.SESSION_COOKIE)).isNull();
            assertThat(replayed.statusCode()).isEqualTo(302);
            assertThat(replayed.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).startsWith("/login"));
        }
    }
}
