package dev.faultline.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.User;
import dev.faultline.core.model.Group;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.store.Activity;
import dev.faultline.core.store.GroupChange;
import dev.faultline.server.access.NotFoundException;
import dev.faultline.server.api.Views.ActivityView;
import dev.faultline.server.api.Views.GroupView;
import dev.faultline.server.http.JsonResponses;
import dev.faultline.server.triage.Triage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The triage routes: {@code PATCH /api/v1/groups/{id}}, comments and the activity history, each
 * done by {@link Triage} as the token's principal.
 */
final class TriageRoutes {
    private static final List<String> PATCH_FIELDS = List.of("status", "resolvedInVersion", "discardNew", "assignee");
    private static final List<String> COMMENT_FIELDS = List.of("text");
    private static final String STATUSES =
            Arrays.stream(GroupStatus.values()).map(GroupStatus::code).collect(Collectors.joining(", "));

    private final Accounts accounts;
    private final Triage triage;

    TriageRoutes(Accounts accounts, Triage triage) {
        this.accounts = accounts;
        this.triage = triage;
    }

    void register(RoutesConfig routes) {
        routes.patch("/api/v1/groups/{groupId}", this::change);
        routes.post("/api/v1/groups/{groupId}/comments", this::comment);
        routes.get("/api/v1/groups/{groupId}/activity", this::activity);
    }

    /**
     * Fields left out are not changed. A status replaces {@code resolvedInVersion} and {@code
     * discardNew} with what the body says (absent: cleared), as {@link GroupChange} does; {@code
     * "assignee": null} unassigns.
     */
    private void change(Context ctx) {
        long groupId = Params.id(ctx, "groupId");
        JsonNode body = Params.object(ctx, PATCH_FIELDS);
        GroupChange change = invalidAsBadRequest(() -> new GroupChange(
                status(body.get("status")),
                text(body.get("resolvedInVersion"), "resolvedInVersion"),
                flag(body.get("discardNew")),
                body.has("assignee"),
                assignee(body.get("assignee"))));
        List<Group> changed =
                invalidAsBadRequest(() -> triage.change(ApiAuth.principal(ctx), List.of(groupId), change));
        if (changed.isEmpty()) {
            throw new NotFoundException("group " + groupId);
        }
        ApiRoutes.ok(ctx, GroupView.of(changed.getFirst(), new Emails(accounts)));
    }

    private void comment(Context ctx) {
        long groupId = Params.id(ctx, "groupId");
        JsonNode text = Params.object(ctx, COMMENT_FIELDS).get("text");
        if (text == null || !text.isTextual()) {
            throw ApiException.badRequest("text must be a string");
        }
        Activity comment = invalidAsBadRequest(() -> triage.comment(ApiAuth.principal(ctx), groupId, text.asText()));
        JsonResponses.json(ctx, 201, ActivityView.of(comment, new Emails(accounts)));
    }

    private void activity(Context ctx) {
        List<Activity> history = triage.activity(ApiAuth.principal(ctx), Params.id(ctx, "groupId"));
        Emails emails = new Emails(accounts);
        ApiRoutes.ok(
                ctx,
                history.stream().map(entry -> ActivityView.of(entry, emails)).toList());
    }

    private static GroupStatus status(JsonNode value) {
        if (value == null) {
            return null;
        }
        try {
            return GroupStatus.fromCode(value.isTextual() ? value.asText().strip() : "");
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status must be one of " + STATUSES + ", got " + value);
        }
    }

    private static String text(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(field + " must be a string or null, got " + value);
        }
        return value.asText().strip();
    }

    private static boolean flag(JsonNode value) {
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("discardNew must be true or false, got " + value);
        }
        return value.booleanValue();
    }

    /** A user id, a user's email, or null (unassigned). */
    private Long assignee(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            String email = value.asText().strip().toLowerCase(Locale.ROOT);
            return accounts.userByEmail(email)
                    .map(User::id)
                    .orElseThrow(() -> ApiException.badRequest("assignee: no user has the email '" + email + "'"));
        }
        throw ApiException.badRequest("assignee must be a user id, an email or null, got " + value);
    }

    /** Triage's and the change's own checks fail with messages meant for the client. */
    private static <T> T invalidAsBadRequest(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
