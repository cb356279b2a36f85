package dev.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account page: changing the password signs out other sessions; personal tokens act as the user
 * until revoked.
 */
class AccountPagesIT {
    private static final String EMAIL = "dev@example.com";
    private static final String NEW_PASSWORD = "a brand new password";

    @TempDir
    Path dataDir;

    TestServer server;
    Team team;

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir);
        TestAccounts accounts = new TestAccounts(server);
        team = accounts.team("Mobile");
        accounts.app(team, "Mobile app", "MOBILE_KEY");
        accounts.user(EMAIL, false, team, Role.MEMBER);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void changingThePasswordSignsOutTheOtherSessions() {
        FormClient laptop = new FormClient(server);
        FormClient phone = new FormClient(server);
        laptop.signIn(EMAIL, TestAccounts.PASSWORD);
        phone.signIn(EMAIL, TestAccounts.PASSWORD);

        HttpResponse<String> wrongCurrent = laptop.submit(
                "/account/password", Map.of("current", "not it", "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        HttpResponse<String> mismatch = laptop.submit(
                "/account/password",
                Map.of("current", TestAccounts.PASSWORD, "password", NEW_PASSWORD, "confirm", "something else"));
        HttpResponse<String> changed = laptop.submit(
                "/account/password",
                Map.of("current", TestAccounts.PASSWORD, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        HttpResponse<String> laptopAfter = laptop.get("/account?password=changed");
        HttpResponse<String> phoneAfter = phone.get("/account");

        assertThat(wrongCurrent.statusCode()).isEqualTo(400);
        assertThat(wrongCurrent.body()).contains("The current password is wrong.");
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("The two new passwords differ.");
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(laptopAfter.statusCode()).isEqualTo(200);
        assertThat(laptopAfter.body()).contains("Your password is changed");
        assertThat(phoneAfter.statusCode()).isEqualTo(302);
        assertThat(new FormClient(server)
                        .tryToSignIn(EMAIL, TestAccounts.PASSWORD)
                        .statusCode())
                .isEqualTo(401);
        assertThat(new FormClient(server).tryToSignIn(EMAIL, NEW_PASSWORD).statusCode())
                .isEqualTo(302);
    }

    @Test
    void aPersonalTokenIsShownOnceAndActsAsTheUser() {
        FormClient browser = new FormClient(server);
        browser.signIn(EMAIL, TestAccounts.PASSWORD);

        HttpResponse<String> created = browser.submit("/account/tokens", Map.of("name", "deploy script"));
        String token = FormClient.elementText(created.body(), "new-token");
        HttpResponse<String> later = browser.get("/account");
        HttpResponse<String> unnamed = browser.submit("/account/tokens", Map.of("name", " "));
        BearerClient api = new BearerClient(server, token);
        JsonNode apps = TestServer.parse(api.get("/api/v1/apps").body());
        long groupId = groupOfTheTeamsApp();
        HttpResponse<String> comment = api.post("/api/v1/groups/" + groupId + "/comments", "{\"text\":\"mine\"}");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(token).startsWith("flt_");
        assertThat(later.body()).doesNotContain(token);
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(apps).extracting(app -> app.get("name").asText()).containsExactly("Mobile app");
        assertThat(comment.statusCode()).isEqualTo(201);
        assertThat(TestServer.parse(comment.body()).get("actor").asText()).isEqualTo(EMAIL);
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        new TestAccounts(server).member("other@example.com", team);
        FormClient browser = new FormClient(server);
        browser.signIn(EMAIL, TestAccounts.PASSWORD);
        String token = FormClient.elementText(
                browser.submit("/account/tokens", Map.of("name", "nightly backup"))
                        .body(),
                "new-token");
        long userId = server.server.store().userByEmail(EMAIL).orElseThrow().id();
        long tokenId = server.server.store().tokens(userId).getFirst().id();
        String revoke = "/account/tokens/" + tokenId + "/revoke";
        BearerClient api = new BearerClient(server, token);
        HttpResponse<String> listed = browser.get("/account");
        HttpResponse<String> before = api.get("/api/v1/apps");

        FormClient other = new FormClient(server);
        other.signIn("other@example.com", TestAccounts.PASSWORD);
        other.get("/account");
        HttpResponse<String> othersRevoke = other.submit(revoke, Map.of());
        HttpResponse<String> stillWorks = api.get("/api/v1/apps");
        HttpResponse<String> revoked = browser.submit(revoke, Map.of());
        HttpResponse<String> after = api.get("/api/v1/apps");
        HttpResponse<String> page = browser.get("/account?token=revoked");
        HttpResponse<String> again = browser.submit(revoke, Map.of());

        assertThat(listed.body()).contains("nightly backup").contains("action=\"" + revoke + "\"");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(othersRevoke.statusCode()).isEqualTo(404);
        assertThat(stillWorks.statusCode()).isEqualTo(200);
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.headers().firstValue("Location")).hasValue("/account?token=revoked");
        RaygunIngestIT.assertError(after, 401, "unauthorized", "the API token is not valid");
        assertThat(page.body()).contains("The token is revoked.").doesNotContain("nightly backup");
        assertThat(again.statusCode()).isEqualTo(404);
    }

    private long groupOfTheTeamsApp() {
        HttpResponse<String> sent = server.post(
                "/entries",
                "MOBILE_KEY",
                RaygunIngestIT.entry(java.time.Instant.now().toString(), "from mobile")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(sent.statusCode()).isEqualTo(202);
        return server.api("/api/v1/groups?q=from%20mobile").at("/items/0/id").asLong();
    }
}
