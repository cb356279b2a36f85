package dev.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.account.Invite;
import dev.faultline.core.account.Member;
import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.account.User;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Teams and invites through the pages: an admin makes a team and an invite link, the invited
 * person creates an account with it and sees the team's apps and nothing else; links work once
 * and stop working when revoked; members cannot manage the team.
 */
class TeamPagesIT {
    private static final String ADMIN = "admin@example.com";
    private static final String NEW_PASSWORD = "the invited one's password";

    @TempDir
    Path dataDir;

    TestServer server;
    TestAccounts accounts;

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir);
        accounts = new TestAccounts(server);
        accounts.user(ADMIN, true, null, null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anInviteLinkMakesAnAccountThatSeesTheTeamsAppsOnly() {
        FormClient admin = new FormClient(server);
        admin.signIn(ADMIN, TestAccounts.PASSWORD);
        admin.get("/teams");
        HttpResponse<String> created = admin.submit("/teams", Map.of("name", "Mobile"));
        Team mobile = team("Mobile");
        accounts.app(mobile, "Mobile app", "MOBILE_KEY");
        accounts.app(accounts.team("Web"), "Web app", "WEB_KEY");
        admin.get("/teams/" + mobile.id());
        HttpResponse<String> invited =
                admin.submit("/teams/" + mobile.id() + "/invites", Map.of("role", "member", "email", ""));
        String link = FormClient.elementText(invited.body(), "invite-link");

        FormClient newcomer = new FormClient(server);
        HttpResponse<String> form = newcomer.get(FormClient.path(link));
        HttpResponse<String> joined = newcomer.submit(
                FormClient.path(link),
                Map.of("email", "new@example.com", "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        HttpResponse<String> teamPage = newcomer.get("/teams/" + mobile.id());
        HttpResponse<String> teams = newcomer.get("/teams");
        newcomer.get("/account");
        String token = FormClient.elementText(
                newcomer.submit("/account/tokens", Map.of("name", "script")).body(), "new-token");
        JsonNode apps = TestServer.parse(
                new BearerClient(server, token).get("/api/v1/apps").body());
        FormClient latecomer = new FormClient(server);
        HttpResponse<String> usedAgain = latecomer.get(FormClient.path(link));

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(link).startsWith("http://127.0.0.1:" + server.server.port() + "/invite/");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Join Mobile").contains("as member");
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(303);
        assertThat(joined.headers().firstValue("Location")).hasValue("/teams/" + mobile.id());
        assertThat(teamPage.statusCode()).isEqualTo(200);
        assertThat(teamPage.body())
                .contains("Mobile app")
                .contains("new@example.com")
                .doesNotContain("Web app");
        assertThat(teams.body()).contains("Mobile").doesNotContain("Web");
        assertThat(apps).extracting(app -> app.get("name").asText()).containsExactly("Mobile app");
        assertThat(usedAgain.statusCode()).isEqualTo(404);
        assertThat(usedAgain.body()).contains("This link does not work");
        assertThat(roleOf(mobile, "new@example.com")).isEqualTo(Role.MEMBER);
    }

    @Test
    void anInviteForAnAddressKeepsThatAddressAndWorksOnce() {
        Team team = accounts.team("Ops");
        FormClient admin = new FormClient(server);
        admin.signIn(ADMIN, TestAccounts.PASSWORD);
        admin.get("/teams/" + team.id());
        String link = FormClient.elementText(
                admin.submit("/teams/" + team.id() + "/invites", Map.of("role", "admin", "email", "Lead@Example.com"))
                        .body(),
                "invite-link");
        HttpResponse<String> teamPage = admin.get("/teams/" + team.id());

        FormClient invited = new FormClient(server);
        HttpResponse<String> form = invited.get(FormClient.path(link));
        HttpResponse<String> joined = invited.submit(
                FormClient.path(link),
                Map.of("email", "someone-else@example.com", "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        FormClient second = new FormClient(server);
        second.get("/login");
        HttpResponse<String> postedAgain = second.submit(
                FormClient.path(link),
                Map.of("email", "x@example.com", "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));

        assertThat(teamPage.body()).contains("lead@example.com"); // listed among the open invites
        assertThat(form.body()).contains("value=\"lead@example.com\"").contains("readonly");
        assertThat(joined.statusCode()).isEqualTo(303);
        assertThat(server.server.store().userByEmail("someone-else@example.com"))
                .isEmpty();
        assertThat(roleOf(team, "lead@example.com")).isEqualTo(Role.ADMIN);
        assertThat(postedAgain.statusCode()).isEqualTo(404);
        assertThat(server.server.store().userByEmail("x@example.com")).isEmpty();
    }

    @Test
    void aSignedInUserJoinsWithOneClick() {
        Team team = accounts.team("Support");
        User user = accounts.member("helper@example.com", null);
        FormClient admin = new FormClient(server);
        admin.signIn(ADMIN, TestAccounts.PASSWORD);
        admin.get("/teams/" + team.id());
        String link = FormClient.elementText(
                admin.submit("/teams/" + team.id() + "/invites", Map.of("role", "member"))
                        .body(),
                "invite-link");

        FormClient helper = new FormClient(server);
        helper.signIn(user.email(), TestAccounts.PASSWORD);
        HttpResponse<String> offer = helper.get(FormClient.path(link));
        HttpResponse<String> joined = helper.submit(FormClient.path(link), Map.of());

        assertThat(offer.body()).contains("You join as <strong>helper@example.com</strong>");
        assertThat(joined.statusCode()).isEqualTo(303);
        assertThat(roleOf(team, "helper@example.com")).isEqualTo(Role.MEMBER);
    }

    @Test
    void membersCannotManageTheirTeamAndDoNotSeeOthers() {
        Team team = accounts.team("Mobile");
        Team other = accounts.team("Web");
        accounts.member("member@example.com", team);
        User colleague = accounts.member("colleague@example.com", team);
        FormClient member = new FormClient(server);
        member.signIn("member@example.com", TestAccounts.PASSWORD);

        HttpResponse<String> page = member.get("/teams/" + team.id());
        HttpResponse<String> invite = member.submit("/teams/" + team.id() + "/invites", Map.of("role", "admin"));
        HttpResponse<String> promote =
                member.submit("/teams/" + team.id() + "/members/" + colleague.id() + "/role", Map.of("role", "admin"));
        HttpResponse<String> remove =
                member.submit("/teams/" + team.id() + "/members/" + colleague.id() + "/remove", Map.of());
        HttpResponse<String> create = member.submit("/teams", Map.of("name", "Mine"));
        HttpResponse<String> otherTeam = member.get("/teams/" + other.id());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("colleague@example.com").doesNotContain("Create invite link");
        assertThat(invite.statusCode()).isEqualTo(403);
        assertThat(promote.statusCode()).isEqualTo(403);
        assertThat(remove.statusCode()).isEqualTo(403);
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(otherTeam.statusCode()).isEqualTo(404);
        assertThat(server.server.store().invites(team.id(), java.time.Instant.now()))
                .isEmpty();
        assertThat(roleOf(team, "colleague@example.com")).isEqualTo(Role.MEMBER);
    }

    @Test
    void aTeamAdminRevokesAnInviteAndItsLinkStopsWorking() {
        Team ops = accounts.team("Ops");
        Team web = accounts.team("Web");
        User lead = accounts.user("lead@example.com", false, ops, Role.ADMIN);
        accounts.member("member@example.com", ops);
        Instant now = Instant.now();
        server.server
                .store()
                .createInvite(new Invite(
                        "web-invite",
                        Invite.Kind.INVITE,
                        null,
                        null,
                        web.id(),
                        Role.MEMBER,
                        null,
                        now,
                        now.plus(Duration.ofDays(1))));
        FormClient browser = new FormClient(server);
        browser.signIn(lead.email(), TestAccounts.PASSWORD);
        browser.get("/teams/" + ops.id());
        String link = FormClient.elementText(
                browser.submit("/teams/" + ops.id() + "/invites", Map.of("role", "member"))
                        .body(),
                "invite-link");
        String hash = server.server.store().invites(ops.id(), now).getFirst().tokenHash();
        String revoke = "/teams/" + ops.id() + "/invites/" + hash + "/revoke";
        HttpResponse<String> listed = browser.get("/teams/" + ops.id());

        FormClient member = new FormClient(server);
        member.signIn("member@example.com", TestAccounts.PASSWORD);
        member.get("/teams/" + ops.id());
        HttpResponse<String> membersRevoke = member.submit(revoke, Map.of());
        HttpResponse<String> otherTeams = browser.submit("/teams/" + web.id() + "/invites/web-invite/revoke", Map.of());
        HttpResponse<String> otherTeamsHere =
                browser.submit("/teams/" + ops.id() + "/invites/web-invite/revoke", Map.of());
        HttpResponse<String> revoked = browser.submit(revoke, Map.of());
        HttpResponse<String> followed = new FormClient(server).get(FormClient.path(link));

        assertThat(listed.body()).contains("action=\"" + revoke + "\"");
        assertThat(membersRevoke.statusCode()).isEqualTo(403);
        assertThat(otherTeams.statusCode()).isEqualTo(404);
        assertThat(otherTeamsHere.statusCode()).isEqualTo(404);
        assertThat(server.server.store().invite("web-invite", now)).isPresent();
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.headers().firstValue("Location")).hasValue("/teams/" + ops.id());
        assertThat(server.server.store().invites(ops.id(), now)).isEmpty();
        assertThat(followed.statusCode()).isEqualTo(404);
        assertThat(followed.body()).contains("This link does not work");
    }

    @Test
    void teamAdminsChangeRolesAndRemoveMembersButKeepAnAdmin() {
        Team team = accounts.team("Mobile");
        User lead = accounts.user("lead@example.com", false, team, Role.ADMIN);
        User dev = accounts.member("dev@example.com", team);
        FormClient browser = new FormClient(server);
        browser.signIn(lead.email(), TestAccounts.PASSWORD);
        String members = "/teams/" + team.id() + "/members/";

        HttpResponse<String> demoteSelf = browser.submit(members + lead.id() + "/role", Map.of("role", "member"));
        HttpResponse<String> promote = browser.submit(members + dev.id() + "/role", Map.of("role", "admin"));
        browser.get("/teams/" + team.id());
        HttpResponse<String> demote = browser.submit(members + dev.id() + "/role", Map.of("role", "member"));
        browser.get("/teams/" + team.id());
        HttpResponse<String> remove = browser.submit(members + dev.id() + "/remove", Map.of());

        assertThat(demoteSelf.statusCode()).isEqualTo(400);
        assertThat(demoteSelf.body()).contains("A team keeps at least one admin");
        assertThat(promote.statusCode()).isEqualTo(303);
        assertThat(demote.statusCode()).isEqualTo(303);
        assertThat(remove.statusCode()).isEqualTo(303);
        assertThat(server.server.store().members(team.id()))
                .extracting(member -> member.user().email())
                .containsExactly("lead@example.com");
    }

    private Team team(String name) {
        return server.server.store().teams().stream()
                .filter(team -> team.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private Role roleOf(Team team, String email) {
        return server.server.store().members(team.id()).stream()
                .filter(member -> member.user().email().equals(email))
                .map(Member::role)
                .findFirst()
                .orElse(null);
    }
}
