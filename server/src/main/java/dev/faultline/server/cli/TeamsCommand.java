package dev.faultline.server.cli;

import dev.faultline.core.account.Member;
import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.account.User;
import dev.faultline.server.web.TeamPages;
import dev.faultline.storage.sqlite.SqliteStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "teams",
        mixinStandardHelpOptions = true,
        description = "Create and list teams, and add users to them. A team's members see its apps.",
        subcommands = {TeamsCommand.Create.class, TeamsCommand.ListTeams.class, TeamsCommand.AddMember.class})
public final class TeamsCommand {

    /** The JSON printed for a team. */
    record TeamOutput(long id, String name, Instant createdAt, List<MemberOutput> members) {
        static TeamOutput of(Team team, List<Member> members) {
            return new TeamOutput(
                    team.id(),
                    team.name(),
                    team.createdAt(),
                    members.stream().map(MemberOutput::of).toList());
        }
    }

    record MemberOutput(long userId, String email, String role) {
        static MemberOutput of(Member member) {
            return new MemberOutput(
                    member.user().id(), member.user().email(), member.role().code());
        }
    }

    /** A user's place in a team, as listed with the user. */
    record MembershipOutput(long id, String name, String role) {
        static MembershipOutput of(Team team, Role role) {
            return new MembershipOutput(team.id(), team.name(), role.code());
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a team and print it as JSON.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "The team's name (unique).")
        String name;

        @Override
        public Integer call() {
            String trimmed = name.strip();
            if (trimmed.isEmpty() || trimmed.length() > TeamPages.NAME_MAX) {
                throw new IllegalArgumentException("--name must have 1 to " + TeamPages.NAME_MAX + " characters");
            }
            try (SqliteStore store = StoreCommand.open()) {
                StoreCommand.print(TeamOutput.of(store.createTeam(trimmed), List.of()));
            }
            return 0;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Print every team with its members as a JSON array.")
    static final class ListTeams implements Callable<Integer> {
        @Override
        public Integer call() {
            try (SqliteStore store = StoreCommand.open()) {
                StoreCommand.print(store.teams().stream()
                        .map(team -> TeamOutput.of(team, store.members(team.id())))
                        .toList());
            }
            return 0;
        }
    }

    @Command(
            name = "add-member",
            mixinStandardHelpOptions = true,
            description = "Add a user to a team, or change their role there, and print the team as JSON.")
    static final class AddMember implements Callable<Integer> {
        @Option(names = "--team", required = true, description = "The team's name or id.")
        String team;

        @Option(names = "--email", required = true, description = "The user's email.")
        String email;

        @Option(names = "--role", defaultValue = "member", description = "admin or member (default member).")
        String role;

        @Override
        public Integer call() {
            Role teamRole = AccountOptions.role(role);
            try (SqliteStore store = StoreCommand.open()) {
                Team joined = AccountOptions.team(store, team);
                User user = AccountOptions.user(store, "--email", email);
                store.setMember(joined.id(), user.id(), teamRole);
                StoreCommand.print(TeamOutput.of(joined, store.members(joined.id())));
            }
            return 0;
        }
    }
}
