package dev.faultline.server.web;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.Invite;
import dev.faultline.core.account.Role;
import dev.faultline.core.account.User;
import dev.faultline.server.api.Tokens;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One-time links: the first administrator's setup link, a new user's set-password link, and team
 * invites. The token is in the link only; the store keeps its hash.
 */
public final class Links {
    private final Accounts accounts;
    private final Duration lifetime;
    private final Clock clock;

    public Links(Accounts accounts, Duration lifetime, Clock clock) {
        this.accounts = requireNonNull(accounts, "accounts");
        this.lifetime = requireNonNull(lifetime, "lifetime");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * When no user exists, a new link for creating the first administrator, at {@code baseUrl};
     * otherwise empty. Every call while there is no user makes a fresh link (each start prints
     * one); any unexpired one works, and none works once a user exists.
     */
    public Optional<String> firstAdminSetup(String baseUrl) {
        if (accounts.userCount() > 0) {
            return Optional.empty();
        }
        return Optional.of(baseUrl + "/setup/" + create(Invite.Kind.SETUP, null, null, null, null, null));
    }

    /** A link for {@code user} to choose their password. */
    public String setPassword(String baseUrl, User user, Long createdBy) {
        return baseUrl + "/setup/" + create(Invite.Kind.SET_PASSWORD, user.email(), user.id(), null, null, createdBy);
    }

    /** A link that lets whoever follows it join {@code teamId} (as {@code email} when given). */
    public String invite(String baseUrl, long teamId, Role role, String email, Long createdBy) {
        return baseUrl + "/invite/" + create(Invite.Kind.INVITE, email, null, teamId, role, createdBy);
    }

    /**
     * Where links shown on a page start: the configured public address, else the address the
     * browser asked for (HTTPS when the request came, or was forwarded, over it).
     */
    public static String baseUrl(Context ctx, String publicUrl) {
        if (publicUrl != null) {
            return publicUrl;
        }
        boolean https =
                "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return (https ? "https://" : "http://") + ctx.host();
    }

    /** The unused, unexpired link with this token. */
    public Optional<Invite> find(String token) {
        return accounts.invite(Tokens.hash(token), clock.instant());
    }

    /** Uses the link up; false when someone else used it first or it expired meanwhile. */
    public boolean use(String token) {
        return accounts.useInvite(Tokens.hash(token), clock.instant());
    }

    private String create(Invite.Kind kind, String email, Long userId, Long teamId, Role role, Long createdBy) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        accounts.createInvite(
                new Invite(Tokens.hash(token), kind, email, userId, teamId, role, createdBy, now, now.plus(lifetime)));
        return token;
    }
}
