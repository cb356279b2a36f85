package dev.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account commands (users, teams, apps of a team, user tokens), run from the packaged jar. */
class AccountsCliIT {
    private static final String PASSWORD = "chosen through the link";

    @TempDir
    Path dataDir;

    @Test
    void usersCreatePrintsALinkThatSetsThePassword() throws Exception {
        ServerProcess.Result created =
                ServerProcess.run(dataDir, "users", "create", "--email", "Root@Example.com", "--admin");
        assertThat(created.exitCode()).as(created.err()).isZero();
        JsonNode user = TestServer.parse(created.out());
        String link = user.get("setPasswordLink").asText();

        try (ServerProcess server = ServerProcess.serve(dataDir)) {
            FormClient browser = new FormClient(HttpClient.newHttpClient(), server.uri("/"));
            HttpResponse<String> form = browser.get(FormClient.path(link));
            HttpResponse<String> set =
                    browser.submit(FormClient.path(link), Map.of("password", PASSWORD, "confirm", PASSWORD));
            HttpResponse<String> again =
                    new FormClient(HttpClient.newHttpClient(), server.uri("/")).get(FormClient.path(link));
            FormClient later = new FormClient(HttpClient.newHttpClient(), server.uri("/"));
            later.signIn("root@example.com", PASSWORD);
            ServerProcess.Result list = ServerProcess.run(dataDir, "users", "list");

            assertThat(user.get("email").asText()).isEqualTo("root@example.com");
            assertThat(user.get("admin").asBoolean()).isTrue();
            assertThat(user.get("passwordSet").asBoolean()).isFalse();
            assertThat(link).startsWith("http://localhost:8080/setup/");
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("Choose a password").contains("root@example.com");
            assertThat(set.statusCode()).as(set.body()).isEqualTo(302);
            assertThat(again.statusCode()).isEqualTo(404);
            assertThat(TestServer.parse(list.out()).get(0).get("passwordSet").asBoolean())
                    .isTrue();
        }
    }

    @Test
    void teamsAppsAndUserTokensKeepTeamsApart() throws Exception {
        ok(ServerProcess.run(dataDir, "teams", "create", "--name", "Mobile"));
        JsonNode web = ok(ServerProcess.run(dataDir, "teams", "create", "--name", "Web"));
        JsonNode mobileApp = ok(ServerProcess.run(dataDir, "apps", "create", "--name", "Phone", "--team", "Mobile"));
        JsonNode webApp = ok(ServerProcess.run(
                dataDir,
                "apps",
                "create",
                "--name",
                "Site",
                "--team",
                web.get("id").asText()));
        JsonNode dev = ok(ServerProcess.run(
                dataDir, "users", "create", "--email", "dev@example.com", "--team", "Mobile", "--role", "admin"));
        ok(ServerProcess.run(dataDir, "users", "create", "--email", "ops@example.com"));
        JsonNode added =
                ok(ServerProcess.run(dataDir, "teams", "add-member", "--team", "Web", "--email", "ops@example.com"));
        JsonNode token =
                ok(ServerProcess.run(dataDir, "tokens", "create", "--name", "dev's", "--user", "dev@example.com"));
        JsonNode teams = ok(ServerProcess.run(dataDir, "teams", "list"));

        assertThat(mobileApp.get("teamId").asLong())
                .isNotEqualTo(webApp.get("teamId").asLong());
        assertThat(webApp.get("teamId").asLong()).isEqualTo(web.get("id").asLong());
        assertThat(dev.at("/teams/0/name").asText()).isEqualTo("Mobile");
        assertThat(dev.at("/teams/0/role").asText()).isEqualTo("admin");
        assertThat(added.at("/members/0/email").asText()).isEqualTo("ops@example.com");
        assertThat(added.at("/members/0/role").asText()).isEqualTo("member");
        assertThat(token.get("user").asText()).isEqualTo("dev@example.com");
        assertThat(teams).extracting(team -> team.get("name").asText()).containsExactly("Mobile", "Web");
        try (ServerProcess server = ServerProcess.serve(dataDir)) {
            HttpResponse<String> apps = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(server.uri("/api/v1/apps"))
                                    .header(
                                            "Authorization",
                                            "Bearer " + token.get("token").asText())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(TestServer.parse(apps.body()))
                    .extracting(app -> app.get("name").asText())
                    .containsExactly("Phone");
        }
    }

    @Test
    void mistakesAreClearErrors() throws Exception {
        ServerProcess.Result badEmail = ServerProcess.run(dataDir, "users", "create", "--email", "root");
        ServerProcess.Result roleWithoutTeam =
                ServerProcess.run(dataDir, "users", "create", "--email", "a@example.com", "--role", "admin");
        ServerProcess.Result noTeam =
                ServerProcess.run(dataDir, "users", "create", "--email", "a@example.com", "--team", "Nope");
        ServerProcess.Result noUser =
                ServerProcess.run(dataDir, "tokens", "create", "--name", "x", "--user", "b@example.com");
        ServerProcess.Result badRole = ServerProcess.run(
                dataDir, "teams", "add-member", "--team", "Nope", "--email", "a@example.com", "--role", "owner");

        assertThat(badEmail.exitCode()).isEqualTo(1);
        assertThat(badEmail.err()).contains("--email must be an email address, got 'root'");
        assertThat(roleWithoutTeam.err()).contains("--role needs --team");
        assertThat(noTeam.err()).contains("--team: no team is named or numbered 'Nope'");
        assertThat(noUser.err()).contains("--user: no user has the email 'b@example.com'");
        assertThat(badRole.err()).contains("--role must be admin or member, got 'owner'");
        assertThat(TestServer.parse(ServerProcess.run(dataDir, "users", "list").out()))
                .isEmpty();
    }

    private static JsonNode ok(ServerProcess.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return TestServer.parse(result.out());
    }
}
