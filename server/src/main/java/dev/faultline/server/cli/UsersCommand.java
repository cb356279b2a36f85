package dev.faultline.server.cli;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.account.User;
import dev.faultline.server.Config;
import dev.faultline.server.web.Links;
import dev.faultline.storage.sqlite.SqliteStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description = "Create and list dashboard users.",
        subcommands = {UsersCommand.Create.class, UsersCommand.ListUsers.class})
public final class UsersCommand {

    /** The JSON printed for a user: their teams and, when just created, the link to set a password. */
    record UserOutput(
            long id,
            String email,
            boolean admin,
            boolean passwordSet,
            Instant createdAt,
            List<TeamsCommand.MembershipOutput> teams,
            String setPasswordLink) {
        static UserOutput of(Accounts accounts, User user, String link) {
            List<TeamsCommand.MembershipOutput> teams = new ArrayList<>();
            for (Map.Entry<Long, Role> membership :
                    accounts.memberships(user.id()).entrySet()) {
                accounts.team(membership.getKey())
                        .ifPresent(team -> teams.add(TeamsCommand.MembershipOutput.of(team, membership.getValue())));
            }
            teams.sort((a, b) -> Long.compare(a.id(), b.id()));
            return new UserOutput(
                    user.id(), user.email(), user.admin(), user.passwordSet(), user.createdAt(), teams, link);
        }
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create a user without a password and print, as JSON, a one-time link where they choose"
                    + " one (FAULTLINE_PUBLIC_URL, else http://localhost:FAULTLINE_PORT).")
    static final class Create implements Callable<Integer> {
        @Option(names = "--email", required = true, description = "The user's email, which they sign in with.")
        String email;

        @Option(names = "--admin", description = "An instance administrator: sees and manages every team and app.")
        boolean admin;

        @Option(names = "--team", description = "A team (name or id) to add the user to.")
        String team;

        @Option(names = "--role", description = "Their role in --team: admin or member (default member).")
        String role;

        @Override
        public Integer call() {
            String address = AccountOptions.email("--email", email);
            if (role != null && team == null) {
                throw new IllegalArgumentException("--role needs --team");
            }
            Role teamRole = role == null ? Role.MEMBER : AccountOptions.role(role);
            Config config = Config.fromEnvironment();
            try (SqliteStore store = StoreCommand.open()) {
                Team joined = team == null ? null : AccountOptions.team(store, team);
                User user = store.createUser(address, null, admin);
                if (joined != null) {
                    store.setMember(joined.id(), user.id(), teamRole);
                }
                String link = new Links(store, config.linkLifetime(), Clock.systemUTC())
                        .setPassword(AccountOptions.baseUrl(config), user, null);
                StoreCommand.print(UserOutput.of(store, user, link));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print every user as a JSON array.")
    static final class ListUsers implements Callable<Integer> {
        @Override
        public Integer call() {
            try (SqliteStore store = StoreCommand.open()) {
                StoreCommand.print(store.users().stream()
                        .map(user -> UserOutput.of(store, user, null))
                        .toList());
            }
            return 0;
        }
    }
}
