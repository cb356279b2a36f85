package dev.faultline.server;

import static dev.faultline.server.RaygunIngestIT.assertError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.account.Team;
import dev.faultline.core.account.User;
import dev.faultline.core.model.App;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Triage through the REST API: PATCH a group, comment on it, read its history; and the group listing's filters. */
class TriageApiIT {
    @TempDir
    static Path dataDir;

    static TestServer server;
    static App app;
    static User member;
    static User colleague;
    static User outsider;
    static BearerClient asMember;
    static BearerClient asInstance;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        TestAccounts accounts = new TestAccounts(server);
        Team team = accounts.team("Mobile");
        app = accounts.app(team, "Mobile app", "TRIAGE_KEY");
        member = accounts.member("member@example.com", team);
        colleague = accounts.member("colleague@example.com", team);
        outsider = accounts.member("outsider@example.com", accounts.team("Web"));
        asMember = new BearerClient(server, accounts.token(member));
        asInstance = new BearerClient(server, server.token);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A new group of the app, by a report with a message of its own. */
    private static long newGroup(String message) {
        HttpResponse<String> sent = server.post(
                "/entries",
                "TRIAGE_KEY",
                RaygunIngestIT.entry(Instant.now().toString(), message).getBytes(UTF_8));
        assertThat(sent.statusCode()).isEqualTo(202);
        JsonNode found =
                TestServer.parse(asMember.get("/api/v1/groups?q=" + message).body());
        assertThat(found.get("items")).hasSize(1);
        return found.at("/items/0/id").asLong();
    }

    private static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return TestServer.parse(response.body());
    }

    @Test
    void patchChangesStatusVersionAndAssigneeAndLeavesOutTheRest() {
        long id = newGroup("patched");
        String path = "/api/v1/groups/" + id;

        JsonNode resolved = ok(asMember.patch(path, "{\"status\":\"resolved\",\"resolvedInVersion\":\"2.1.0\"}"), 200);
        JsonNode assigned = ok(asMember.patch(path, "{\"assignee\":\"Colleague@Example.com\"}"), 200);
        JsonNode byId = ok(asMember.patch(path, "{\"assignee\":" + member.id() + "}"), 200);
        JsonNode read = ok(asMember.get(path), 200).get("group");
        JsonNode unassigned = ok(asMember.patch(path, "{\"assignee\":null}"), 200);
        JsonNode ignored = ok(asMember.patch(path, "{\"status\":\"permanently_ignored\",\"discardNew\":true}"), 200);

        assertThat(resolved.get("status").asText()).isEqualTo("resolved");
        assertThat(resolved.get("resolvedInVersion").asText()).isEqualTo("2.1.0");
        assertThat(resolved.get("assigneeId").isNull()).isTrue();
        assertThat(assigned.get("assigneeId").asLong()).isEqualTo(colleague.id());
        assertThat(assigned.get("assignee").asText()).isEqualTo("colleague@example.com");
        assertThat(assigned.get("status").asText()).isEqualTo("resolved");
        assertThat(assigned.get("resolvedInVersion").asText()).isEqualTo("2.1.0");
        assertThat(byId.get("assignee").asText()).isEqualTo("member@example.com");
        assertThat(read.get("assignee").asText()).isEqualTo("member@example.com");
        assertThat(read.get("resolvedInVersion").asText()).isEqualTo("2.1.0");
        assertThat(unassigned.get("assigneeId").isNull()).isTrue();
        assertThat(unassigned.get("assignee").isNull()).isTrue();
        assertThat(ignored.get("status").asText()).isEqualTo("permanently_ignored");
        assertThat(ignored.get("discardNew").asBoolean()).isTrue();
        assertThat(ignored.get("resolvedInVersion").isNull()).isTrue();
    }

    @Test
    void invalidChangesAre400AndChangeNothing() {
        long id = newGroup("refused");
        String path = "/api/v1/groups/" + id;

        assertError(
                asMember.patch(path, "{\"assignee\":" + outsider.id() + "}"),
                400,
                "invalid_request",
                "user " + outsider.id() + " is not a member of the team of app " + app.id());
        assertError(
                asMember.patch(path, "{\"assignee\":\"nobody@example.com\"}"),
                400,
                "invalid_request",
                "assignee: no user has the email 'nobody@example.com'");
        assertError(
                asMember.patch(path, "{\"status\":\"resolved\",\"colour\":\"red\"}"),
                400,
                "invalid_request",
                "unknown field 'colour'; the fields are status, resolvedInVersion, discardNew, assignee");
        assertError(
                asMember.patch(path, "{\"status\":\"fixed\"}"),
                400,
                "invalid_request",
                "status must be one of active, resolved, ignored, permanently_ignored, got \"fixed\"");
        assertError(
                asMember.patch(path, "{\"resolvedInVersion\":\"2.0\"}"),
                400,
                "invalid_request",
                "resolvedInVersion needs status resolved");
        assertError(
                asMember.patch(path, "{\"status\":\"resolved\",\"discardNew\":\"yes\"}"),
                400,
                "invalid_request",
                "discardNew must be true or false, got \"yes\"");
        assertError(asMember.patch(path, "not json"), 400, "invalid_request", "the body must be a JSON object");
        assertError(
                asMember.post(path + "/comments", "{\"text\":\"   \"}"),
                400,
                "invalid_request",
                "a comment must have 1 to 10000 characters");
        assertError(
                asMember.post(path + "/comments", "{\"text\":\"hi\",\"private\":true}"),
                400,
                "invalid_request",
                "unknown field 'private'; the fields are text");

        JsonNode group = ok(asMember.get(path), 200).get("group");
        assertThat(group.get("status").asText()).isEqualTo("active");
        assertThat(group.get("assigneeId").isNull()).isTrue();
        assertThat(ok(asMember.get(path + "/activity"), 200)).isEmpty();
    }

    @Test
    void commentsAndChangesAreInTheActivityWithWhoDidThem() {
        long id = newGroup("discussed");
        String path = "/api/v1/groups/" + id;

        ok(asMember.patch(path, "{\"status\":\"resolved\",\"resolvedInVersion\":\"3.0\"}"), 200);
        ok(asMember.patch(path, "{\"assignee\":\"colleague@example.com\"}"), 200);
        JsonNode comment = ok(asMember.post(path + "/comments", "{\"text\":\"fixed in <b>3.0</b>\"}"), 201);
        ok(asInstance.patch(path, "{\"status\":\"ignored\"}"), 200);
        JsonNode activity = ok(asMember.get(path + "/activity"), 200);

        assertThat(comment.get("kind").asText()).isEqualTo("commented");
        assertThat(comment.get("text").asText()).isEqualTo("fixed in <b>3.0</b>");
        assertThat(comment.get("actor").asText()).isEqualTo("member@example.com");
        assertThat(comment.get("actorId").asLong()).isEqualTo(member.id());
        assertThat(activity).hasSize(4);
        assertThat(activity.get(0).get("kind").asText()).isEqualTo("status_changed");
        assertThat(activity.get(0).get("status").asText()).isEqualTo("resolved");
        assertThat(activity.get(0).get("resolvedInVersion").asText()).isEqualTo("3.0");
        assertThat(activity.get(0).get("actor").asText()).isEqualTo("member@example.com");
        assertThat(activity.get(1).get("kind").asText()).isEqualTo("assigned");
        assertThat(activity.get(1).get("assignee").asText()).isEqualTo("colleague@example.com");
        assertThat(activity.get(2)).isEqualTo(comment);
        assertThat(activity.get(3).get("kind").asText()).isEqualTo("status_changed");
        assertThat(activity.get(3).get("actor").asText()).isEqualTo("test"); // the instance-wide token's name
        assertThat(activity.get(3).has("actorId")).isFalse();
        assertThat(activity)
                .allSatisfy(entry -> assertThat(entry.get("at").asText()).isNotBlank());
    }

    @Test
    void aDiscardingGroupAcceptsNewReportsButStoresNoneAndCountsThemDropped() {
        long group = newGroup("discardedcrash");
        ok(asMember.patch("/api/v1/groups/" + group, "{\"status\":\"permanently_ignored\",\"discardNew\":true}"), 200);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> sent = server.post(
                    "/entries",
                    "TRIAGE_KEY",
                    RaygunIngestIT.entry(Instant.now().toString(), "discardedcrash")
                            .getBytes(UTF_8));
            assertThat(sent.statusCode()).isEqualTo(202); // the SDK must not resend it
        }

        JsonNode detail = ok(asMember.get("/api/v1/groups/" + group), 200);
        assertThat(detail.at("/group/count").asLong()).isEqualTo(1);
        assertThat(detail.at("/group/status").asText()).isEqualTo("permanently_ignored");
        assertThat(ok(asMember.get("/api/v1/groups/" + group + "/events"), 200).get("items"))
                .hasSize(1);
        JsonNode drops = ok(asMember.get("/api/v1/apps/" + app.id() + "/drops"), 200);
        assertThat(drops.at("/drops/discarded").asLong()).isEqualTo(3);

        // without discarding, permanently ignored reports are stored and counted, and stay ignored
        ok(asMember.patch("/api/v1/groups/" + group, "{\"status\":\"permanently_ignored\"}"), 200);
        server.post(
                "/entries",
                "TRIAGE_KEY",
                RaygunIngestIT.entry(Instant.now().toString(), "discardedcrash").getBytes(UTF_8));
        detail = ok(asMember.get("/api/v1/groups/" + group), 200);
        assertThat(detail.at("/group/count").asLong()).isEqualTo(2);
        assertThat(detail.at("/group/status").asText()).isEqualTo("permanently_ignored");
    }

    @Test
    void theGroupListsTakeTheFiltersAndRefuseBadOnes() {
        long resolved = newGroup("listedresolved");
        long active = newGroup("listedactive");
        ok(asMember.patch("/api/v1/groups/" + resolved, "{\"status\":\"resolved\"}"), 200);

        JsonNode onlyResolved = ok(asMember.get("/api/v1/groups?status=resolved&q=listed"), 200);
        JsonNode appResolved = ok(asMember.get("/api/v1/apps/" + app.id() + "/groups?status=resolved&q=listed"), 200);
        JsonNode byUsers = ok(asMember.get("/api/v1/groups?app=" + app.id() + "&q=listed&sort=users&range=24h"), 200);
        JsonNode paged = ok(asMember.get("/api/v1/groups?q=listed&limit=1"), 200);
        JsonNode second = ok(
                asMember.get("/api/v1/groups?q=listed&limit=1&cursor="
                        + paged.get("next").asText()),
                200);
        JsonNode legacySort = ok(asMember.get("/api/v1/groups?q=listed&sort=lastSeen"), 200);

        assertThat(onlyResolved.get("items"))
                .extracting(group -> group.get("id").asLong())
                .containsExactly(resolved);
        assertThat(appResolved).isEqualTo(onlyResolved);
        assertThat(byUsers.get("items"))
                .extracting(group -> group.get("id").asLong())
                .containsExactlyInAnyOrder(resolved, active);
        assertThat(second.get("items"))
                .extracting(group -> group.get("id").asLong())
                .doesNotContain(paged.at("/items/0/id").asLong())
                .hasSize(1);
        assertThat(legacySort.get("items")).hasSize(2);
        assertError(
                asMember.get("/api/v1/groups?status=done"),
                400,
                "invalid_request",
                "status must be one of active, resolved, ignored, permanently_ignored, got 'done'");
        assertError(
                asMember.get("/api/v1/groups?sort=newest"),
                400,
                "invalid_request",
                "sort must be one of last_seen, first_seen, count, users, got 'newest'");
        assertError(
                asMember.get("/api/v1/groups?range=2h"),
                400,
                "invalid_request",
                "range must be one of 1h, 24h, 7d, 30d, 90d, got '2h'");
        assertError(
                asMember.get("/api/v1/groups?since=yesterday"),
                400,
                "invalid_request",
                "since must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        assertError(
                asMember.get("/api/v1/groups?app=mobile"),
                400,
                "invalid_request",
                "app must be a number, got 'mobile'");
        assertError(asMember.get("/api/v1/groups?limit=0"), 400, "invalid_request", "limit must be between 1 and 200");
    }
}
