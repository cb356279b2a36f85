package dev.faultline.server.cli;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.account.User;
import dev.faultline.server.Config;
import java.util.Locale;
import java.util.Optional;

/** Reads the account options the commands share: teams by name or id, roles, emails. */
final class AccountOptions {
    private AccountOptions() {}

    /** The team with this id, else with this name. */
    static Team team(Accounts accounts, String nameOrId) {
        String wanted = nameOrId.strip();
        if (wanted.chars().allMatch(Character::isDigit) && !wanted.isEmpty()) {
            try {
                Optional<Team> byId = accounts.team(Long.parseLong(wanted));
                if (byId.isPresent()) {
                    return byId.get();
                }
            } catch (NumberFormatException ignored) {
                // too long to be an id: try it as a name
            }
        }
        return accounts.teams().stream()
                .filter(team -> team.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "--team: no team is named or numbered '" + wanted + "' (see ./faultline teams list)"));
    }

    static Role role(String code) {
        try {
            return Role.fromCode(code.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--role must be admin or member, got '" + code + "'");
        }
    }

    /** A plausible address, lower-case (as the store keeps them). */
    static String email(String option, String email) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        int at = normalized.indexOf('@');
        if (at < 1 || at == normalized.length() - 1 || normalized.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(option + " must be an email address, got '" + email + "'");
        }
        return normalized;
    }

    /** The existing user with this email. */
    static User user(Accounts accounts, String option, String email) {
        String normalized = email(option, email);
        return accounts.userByEmail(normalized)
                .orElseThrow(() -> new IllegalArgumentException(option + ": no user has the email '" + normalized
                        + "' (create one with ./faultline users create)"));
    }

    /** Where the links the console prints point: the public address, else this machine's port. */
    static String baseUrl(Config config) {
        return config.publicUrl() != null ? config.publicUrl() : "http://localhost:" + config.port();
    }
}
