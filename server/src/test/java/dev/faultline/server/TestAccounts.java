package dev.faultline.server;

import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.account.User;
import dev.faultline.core.model.App;
import dev.faultline.server.api.Tokens;
import dev.faultline.server.web.Passwords;
import dev.faultline.storage.sqlite.SqliteStore;
import java.util.UUID;

/** Users, teams, apps and tokens made straight in a test server's store, as the CLI makes them. */
final class TestAccounts {
    static final String PASSWORD = "correct horse battery";

    private final SqliteStore store;

    TestAccounts(TestServer server) {
        this.store = server.server.store();
    }

    Team team(String name) {
        return store.createTeam(name);
    }

    App app(Team team, String name, String apiKey) {
        return store.createApp(team.id(), name, apiKey, UUID.randomUUID().toString());
    }

    /** A user with the password {@link #PASSWORD}, a member of {@code team} (when not null) with {@code role}. */
    User user(String email, boolean admin, Team team, Role role) {
        User user = store.createUser(email, Passwords.hash(PASSWORD), admin);
        if (team != null) {
            store.setMember(team.id(), user.id(), role);
        }
        return user;
    }

    User member(String email, Team team) {
        return user(email, false, team, Role.MEMBER);
    }

    /** A new API token acting as {@code user}. */
    String token(User user) {
        String token = Tokens.newToken();
        store.createToken("token of " + user.email(), Tokens.hash(token), user.id());
        return token;
    }
}
