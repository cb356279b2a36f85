package dev.faultline.server;

import static dev.faultline.server.AppCenterClient.INSTALL_ID;
import static dev.faultline.server.AppCenterClient.attachment;
import static dev.faultline.server.AppCenterClient.crash;
import static dev.faultline.server.AppCenterClient.logs;
import static dev.faultline.server.AppCenterClient.startSession;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.account.Team;
import dev.faultline.core.account.User;
import dev.faultline.core.model.App;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member of one team reaches nothing of another team's through any API route or page: every
 * route answers 404, as for something that does not exist; lists leave it out; changes are
 * refused and change nothing. The same routes answer for the member's own team, so the 404s are
 * access and not broken routes.
 */
class TeamIsolationIT {
    @TempDir
    static Path dataDir;

    static TestServer server;
    static Team teamA;
    static Team teamB;
    static Seeded a;
    static Seeded b;
    static TestAccounts accounts;
    static BearerClient memberOfA;
    static BearerClient instance;

    /** What one app holds: a group with an App Center event that has an attachment. */
    record Seeded(App app, long groupId, long eventId, String attachmentId) {}

    /** One API request. */
    record Call(String method, String path, String body) {
        HttpResponse<String> send(BearerClient client) {
            return switch (method) {
                case "GET" -> client.get(path);
                case "PATCH" -> client.patch(path, body);
                case "POST" -> client.post(path, body);
                default -> throw new IllegalArgumentException(method);
            };
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        accounts = new TestAccounts(server);
        teamA = accounts.team("Team A");
        teamB = accounts.team("Team B");
        a = seed(accounts.app(teamA, "App A", "KEY_OF_A"), "alpha");
        b = seed(accounts.app(teamB, "App B", "KEY_OF_B"), "beta");
        User member = accounts.member("member-of-a@example.com", teamA);
        memberOfA = new BearerClient(server, accounts.token(member));
        instance = new BearerClient(server, server.token);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A Raygun report, and an App Center session, crash and attachment, sent to the app. */
    private static Seeded seed(App app, String name) {
        HttpResponse<String> raygun = server.post(
                "/entries",
                app.apiKey(),
                RaygunIngestIT.entry(Instant.now().toString(), "raygun " + name).getBytes(UTF_8));
        assertThat(raygun.statusCode()).isEqualTo(202);
        String errorId = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        String content = Base64.getEncoder().encodeToString(("log of " + name).getBytes(UTF_8));
        HttpResponse<String> appCenter = new AppCenterClient(server.http, server.uri("/"))
                .post(
                        app.appSecret(),
                        INSTALL_ID,
                        logs(
                                startSession(session, "1.0"),
                                crash(errorId, "crash " + name, session, "1.0"),
                                attachment(UUID.randomUUID().toString(), errorId, "log.txt", content)),
                        false);
        assertThat(appCenter.statusCode()).as(appCenter.body()).isEqualTo(200);
        for (JsonNode group : server.api("/api/v1/apps/" + app.id() + "/groups").get("items")) {
            long groupId = group.get("id").asLong();
            for (JsonNode summary :
                    server.api("/api/v1/groups/" + groupId + "/events").get("items")) {
                JsonNode event =
                        server.api("/api/v1/events/" + summary.get("id").asLong());
                if (!event.get("attachments").isEmpty()) {
                    return new Seeded(
                            app,
                            groupId,
                            event.get("id").asLong(),
                            event.at("/attachments/0/id").asText());
                }
            }
        }
        throw new AssertionError("no event with an attachment in app " + app.name());
    }

    /** Every API route that names an app, group, event or attachment of {@code seeded}. */
    private static List<Call> routesOf(Seeded seeded) {
        long app = seeded.app().id();
        long group = seeded.groupId();
        long event = seeded.eventId();
        return List.of(
                new Call("GET", "/api/v1/apps/" + app + "/groups", null),
                new Call("GET", "/api/v1/apps/" + app + "/groups?status=active&q=a", null),
                new Call("GET", "/api/v1/apps/" + app + "/drops", null),
                new Call("GET", "/api/v1/apps/" + app + "/sessions", null),
                new Call("GET", "/api/v1/groups?app=" + app, null),
                new Call("GET", "/api/v1/groups/" + group, null),
                new Call("GET", "/api/v1/groups/" + group + "/events", null),
                new Call("GET", "/api/v1/groups/" + group + "/activity", null),
                new Call("GET", "/api/v1/events/" + event, null),
                new Call("GET", "/api/v1/events/" + event + "/payload", null),
                new Call("GET", "/api/v1/events/" + event + "/attachments/" + seeded.attachmentId(), null),
                new Call("PATCH", "/api/v1/groups/" + group, "{\"status\":\"ignored\"}"),
                new Call("POST", "/api/v1/groups/" + group + "/comments", "{\"text\":\"seen it\"}"));
    }

    @Test
    void everyRouteOfAnotherTeamAnswers404AndChangesNothing() {
        List<String> answers = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Call call : routesOf(b)) {
            answers.add(call + " -> " + answer(call.send(memberOfA)));
            expected.add(call + " -> 404 not_found");
        }
        answers.add("unattributed drops -> " + answer(memberOfA.get("/api/v1/drops/unattributed")));
        expected.add("unattributed drops -> 404 not_found");

        assertThat(answers).containsExactlyElementsOf(expected);
        JsonNode group =
                TestServer.parse(instance.get("/api/v1/groups/" + b.groupId()).body());
        assertThat(group.at("/group/status").asText()).isEqualTo("active");
        assertThat(TestServer.parse(instance.get("/api/v1/groups/" + b.groupId() + "/activity")
                        .body()))
                .isEmpty();
    }

    private static String answer(HttpResponse<String> response) {
        return response.statusCode() + " "
                + TestServer.parse(response.body()).path("error").asText();
    }

    @Test
    void theSameRoutesAnswerForTheMembersOwnTeam() {
        for (Call call : routesOf(a)) {
            HttpResponse<String> response = call.send(memberOfA);
            assertThat(response.statusCode()).as(call + ": " + response.body()).isBetween(200, 201);
        }
        assertThat(instance.get("/api/v1/drops/unattributed").statusCode()).isEqualTo(200);
    }

    @Test
    void listsShowOnlyTheMembersApps() {
        JsonNode apps = TestServer.parse(memberOfA.get("/api/v1/apps").body());
        JsonNode groups = TestServer.parse(memberOfA.get("/api/v1/groups").body());
        JsonNode searched =
                TestServer.parse(memberOfA.get("/api/v1/groups?q=beta").body());
        JsonNode everything =
                TestServer.parse(instance.get("/api/v1/groups?limit=200").body());

        assertThat(apps)
                .extracting(app -> app.get("id").asLong())
                .containsExactly(a.app().id());
        assertThat(groups.get("items")).isNotEmpty();
        assertThat(groups.get("items"))
                .allSatisfy(group -> assertThat(group.get("appId").asLong())
                        .isEqualTo(a.app().id()));
        assertThat(searched.get("items")).isEmpty();
        assertThat(everything.get("items"))
                .extracting(group -> group.get("appId").asLong())
                .contains(a.app().id(), b.app().id());
    }

    @Test
    void aRemovedMembershipTakesEffectOnTheNextRequest() {
        User leaving = accounts.member("leaving@example.com", teamA);
        BearerClient client = new BearerClient(server, accounts.token(leaving));
        assertThat(client.get("/api/v1/apps/" + a.app().id() + "/groups").statusCode())
                .isEqualTo(200);

        server.server.store().removeMember(teamA.id(), leaving.id());

        assertThat(client.get("/api/v1/apps/" + a.app().id() + "/groups").statusCode())
                .isEqualTo(404);
        assertThat(TestServer.parse(client.get("/api/v1/apps").body())).isEmpty();
    }

    @Test
    void pagesOfAnotherTeamAnswer404ToASignedInMember() {
        FormClient browser = new FormClient(server);
        browser.signIn("member-of-a@example.com", TestAccounts.PASSWORD);

        List<String> answers = new ArrayList<>();
        for (String page : pagesOf(b, teamB)) {
            answers.add(page + " -> " + browser.get(page).statusCode());
        }
        for (String page : pagesOf(a, teamA)) {
            answers.add(page + " -> " + browser.get(page).statusCode());
        }

        List<String> expected = new ArrayList<>();
        pagesOf(b, teamB).forEach(page -> expected.add(page + " -> 404"));
        pagesOf(a, teamA).forEach(page -> expected.add(page + " -> 200"));
        assertThat(answers).containsExactlyElementsOf(expected);
    }

    private static List<String> pagesOf(Seeded seeded, Team team) {
        return List.of(
                "/groups/" + seeded.groupId(),
                "/groups/" + seeded.groupId() + "?event=" + seeded.eventId(),
                "/groups/" + seeded.groupId() + "/users",
                "/groups/" + seeded.groupId() + "/chart.json?range=7d",
                "/apps/" + seeded.app().id() + "/groups",
                "/apps/" + seeded.app().id() + "/settings",
                "/events/" + seeded.eventId() + "/payload",
                "/events/" + seeded.eventId() + "/attachments/" + seeded.attachmentId(),
                "/teams/" + team.id());
    }

    @Test
    void formsOfAnotherTeamChangeNothingForASignedInMember() {
        FormClient browser = new FormClient(server);
        browser.signIn("member-of-a@example.com", TestAccounts.PASSWORD);
        browser.get("/groups"); // a page of the member's own, for its CSRF token
        long group = b.groupId();
        long app = b.app().id();
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        forms.put("/groups/" + group + "/status", Map.of("status", "ignored"));
        forms.put("/groups/" + group + "/assign", Map.of("assignee", ""));
        forms.put("/groups/" + group + "/comments", Map.of("text", "seen it"));
        forms.put("/groups/bulk", Map.of("action", "status", "status", "ignored", "id", String.valueOf(group)));
        forms.put("/apps/" + app + "/name", Map.of("name", "taken over"));
        forms.put("/apps/" + app + "/rotate-api-key", Map.of());
        forms.put("/apps/" + app + "/rotate-app-secret", Map.of());
        forms.put("/apps/" + app + "/rate-limit", Map.of("rate-limit", "1"));
        forms.put("/apps/" + app + "/retention", Map.of("retention", "1"));
        forms.put("/teams/" + teamB.id() + "/invites", Map.of("role", "admin"));

        List<String> answers = new ArrayList<>();
        forms.forEach((path, fields) ->
                answers.add(path + " -> " + browser.submit(path, fields).statusCode()));

        assertThat(answers).allSatisfy(answer -> assertThat(answer).endsWith(" -> 404"));
        JsonNode detail =
                TestServer.parse(instance.get("/api/v1/groups/" + group).body());
        assertThat(detail.at("/group/status").asText()).isEqualTo("active");
        assertThat(TestServer.parse(
                        instance.get("/api/v1/groups/" + group + "/activity").body()))
                .isEmpty();
        App after = server.server.store().app(app).orElseThrow();
        assertThat(after.name()).isEqualTo("App B");
        assertThat(after.apiKey()).isEqualTo("KEY_OF_B");
        assertThat(after.appSecret()).isEqualTo(b.app().appSecret());
        assertThat(after.rateLimitPerMinute()).isNull();
        assertThat(after.retentionDays()).isNull();
        assertThat(server.server.store().invites(teamB.id(), Instant.now())).isEmpty();
    }
}
