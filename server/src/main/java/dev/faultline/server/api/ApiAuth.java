package dev.faultline.server.api;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.ApiToken;
import dev.faultline.core.account.User;
import dev.faultline.server.access.Principal;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Resolves the bearer token of every API request to the principal it acts as: a token made for a
 * user sees what that user sees (their teams, or everything for an instance administrator); a
 * token made without one sees every app. Thread-safe.
 *
 * <p>Nothing is cached: a removed membership or user takes effect on the very next request. Road not
 * taken: a cache of a few seconds, which would save three indexed reads that cost well under a
 * millisecond beside the query they guard.
 */
final class ApiAuth {
    private static final String PRINCIPAL = "faultline.api.principal";
    private static final String PREFIX = "bearer ";

    private final Accounts accounts;

    ApiAuth(Accounts accounts) {
        this.accounts = requireNonNull(accounts, "accounts");
    }

    /** The before-filter of {@code /api/*}: 401 without a valid token. */
    void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "unauthorized", "send an API token as 'Authorization: Bearer <token>'");
        }
        String hash = Tokens.hash(header.substring(PREFIX.length()).trim());
        Principal principal = accounts.token(hash).flatMap(this::principal).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return new ApiException(401, "unauthorized", "the API token is not valid");
        });
        ctx.attribute(PRINCIPAL, principal);
    }

    /** The principal of an authenticated request. */
    static Principal principal(Context ctx) {
        return requireNonNull(ctx.attribute(PRINCIPAL), "the request was not authenticated");
    }

    private Optional<Principal> principal(ApiToken token) {
        if (token.userId() == null) {
            return Optional.of(Principal.instanceToken(token.name()));
        }
        Optional<User> user = accounts.user(token.userId());
        return user.map(found -> Principal.of(found, accounts.memberships(found.id())));
    }
}
