package dev.faultline.server.access;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.Role;
import dev.faultline.core.account.User;
import dev.faultline.core.model.App;
import dev.faultline.core.store.Actor;
import java.util.Map;

/**
 * Who is asking: a signed-in user, an API token acting for a user, or an instance-wide API token.
 * Every read and change of an app, group, event or attachment goes through {@link Access} with a
 * principal, so pages and the REST API share one rule: a user sees the apps of their teams, and an
 * instance administrator or instance-wide token sees every app.
 *
 * @param user the user, or null for an instance-wide token
 * @param teams the user's teams and their role in each; empty for an instance-wide token
 * @param name the user's email or the token's name, for the activity history
 */
public record Principal(User user, Map<Long, Role> teams, String name) {

    public Principal {
        teams = Map.copyOf(teams);
        requireNonNull(name, "name");
    }

    public static Principal of(User user, Map<Long, Role> teams) {
        return new Principal(user, teams, user.email());
    }

    /** An API token made without a user: sees and changes every app, as an administrator does. */
    public static Principal instanceToken(String tokenName) {
        return new Principal(null, Map.of(), tokenName);
    }

    /** Whether this principal sees every app (an instance administrator or an instance-wide token). */
    public boolean seesEverything() {
        return user == null || user.admin();
    }

    public boolean canSee(App app) {
        return seesEverything() || teams.containsKey(app.teamId());
    }

    /** Whether this principal manages the team: its apps, keys, settings and members. */
    public boolean canManageTeam(long teamId) {
        return seesEverything() || teams.get(teamId) == Role.ADMIN;
    }

    public boolean canManage(App app) {
        return canManageTeam(app.teamId());
    }

    /** The user's id, or null for an instance-wide token. */
    public Long userId() {
        return user == null ? null : user.id();
    }

    public Actor actor() {
        return new Actor(userId(), name);
    }
}
