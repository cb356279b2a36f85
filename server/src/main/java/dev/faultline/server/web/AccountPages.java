package dev.faultline.server.web;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.Role;
import dev.faultline.core.account.User;
import dev.faultline.server.access.NotFoundException;
import dev.faultline.server.access.Principal;
import dev.faultline.server.api.Tokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /account}: the signed-in user changes their password (which signs out their other
 * sessions) and makes and revokes personal API tokens, which act as them and see what they see.
 */
public final class AccountPages {
    private final Accounts accounts;
    private final WebAuth auth;
    private final SignInThrottle throttle;
    private final Pages pages;

    /** @param throttle counts wrong current passwords, as sign-in counts wrong passwords */
    public AccountPages(Accounts accounts, WebAuth auth, SignInThrottle throttle, Pages pages) {
        this.accounts = requireNonNull(accounts, "accounts");
        this.auth = requireNonNull(auth, "auth");
        this.throttle = requireNonNull(throttle, "throttle");
        this.pages = requireNonNull(pages, "pages");
    }

    public void register(RoutesConfig routes) {
        routes.get("/account", ctx -> {
            String notice = "changed".equals(ctx.queryParam("password"))
                    ? "Your password is changed, and your other sessions are signed out."
                    : "revoked".equals(ctx.queryParam("token")) ? "The token is revoked." : null;
            show(ctx, 200, new Forms(notice, null, "", null, null));
        });
        routes.post("/account/password", this::changePassword);
        routes.post("/account/tokens", this::createToken);
        routes.post("/account/tokens/{tokenId}/revoke", this::revokeToken);
    }

    private void changePassword(Context ctx) {
        User user = WebAuth.principal(ctx).user();
        String address = ctx.ip();
        if (!throttle.allowed(user.email(), address)) {
            show(ctx, 429, passwordError("Too many wrong passwords. Wait a few minutes and try again."));
            return;
        }
        String current = ctx.formParam("current");
        if (current == null
                || !Passwords.matches(current, accounts.passwordHash(user.id()).orElse(null))) {
            throttle.failed(user.email(), address);
            show(ctx, 400, passwordError("The current password is wrong."));
            return;
        }
        String password = ctx.formParam("password");
        String problem = Passwords.problem(password);
        if (problem == null && !password.equals(ctx.formParam("confirm"))) {
            problem = "The two new passwords differ.";
        }
        if (problem != null) {
            show(ctx, 400, passwordError(problem));
            return;
        }
        accounts.setPasswordHash(user.id(), Passwords.hash(password));
        accounts.deleteSessions(user.id());
        auth.signIn(ctx, user);
        ctx.redirect("/account?password=changed", HttpStatus.SEE_OTHER);
    }

    private void createToken(Context ctx) {
        User user = WebAuth.principal(ctx).user();
        String name = AccountForms.field(ctx.formParam("name"));
        if (name.isEmpty() || name.length() > AccountForms.TOKEN_NAME_MAX) {
            show(
                    ctx,
                    400,
                    new Forms(
                            null,
                            null,
                            name,
                            null,
                            "Name the token (1 to " + AccountForms.TOKEN_NAME_MAX
                                    + " characters), for example after the script that uses it."));
            return;
        }
        String token = Tokens.newToken();
        accounts.createToken(name, Tokens.hash(token), user.id());
        show(ctx, 200, new Forms(null, null, name, token, null));
    }

    /** Another user's token answers 404, as an unknown one does: its id tells nothing. */
    private void revokeToken(Context ctx) {
        long tokenId = WebParams.pathId(ctx, "tokenId");
        if (!accounts.deleteToken(tokenId, WebAuth.principal(ctx).user().id())) {
            throw new NotFoundException("token " + tokenId);
        }
        ctx.redirect("/account?token=revoked", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, int status, Forms forms) {
        Principal principal = WebAuth.principal(ctx);
        List<TeamRole> teams = new ArrayList<>();
        for (Map.Entry<Long, Role> membership : principal.teams().entrySet()) {
            accounts.team(membership.getKey())
                    .ifPresent(team -> teams.add(new TeamRole(
                            team.id(), team.name(), membership.getValue().code())));
        }
        teams.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        List<TokenRow> tokens = accounts.tokens(principal.user().id()).stream()
                .map(token -> new TokenRow(token.id(), token.name(), TeamPages.when(token.createdAt())))
                .toList();
        pages.render(
                ctx,
                status,
                "account.jte",
                new AccountPage(
                        pages.chrome(ctx, "account"),
                        principal.user().email(),
                        principal.user().admin(),
                        teams,
                        forms.notice(),
                        forms.passwordError(),
                        forms.tokenName(),
                        forms.newToken(),
                        forms.tokenError(),
                        tokens));
    }

    private static Forms passwordError(String error) {
        return new Forms(null, error, "", null, null);
    }

    /** What the forms say after a submission. */
    private record Forms(String notice, String passwordError, String tokenName, String newToken, String tokenError) {}

    /**
     * The account page's model.
     *
     * @param notice a confirmation to show, or null
     * @param newToken a token just created, shown this once; otherwise null
     * @param tokens the user's tokens, newest first
     */
    public record AccountPage(
            Chrome chrome,
            String email,
            boolean admin,
            List<TeamRole> teams,
            String notice,
            String passwordError,
            String tokenName,
            String newToken,
            String tokenError,
            List<TokenRow> tokens) {}

    public record TeamRole(long id, String name, String role) {}

    public record TokenRow(long id, String name, String created) {}
}
