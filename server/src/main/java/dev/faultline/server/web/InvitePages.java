package dev.faultline.server.web;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.Invite;
import dev.faultline.core.account.Team;
import dev.faultline.core.account.User;
import dev.faultline.server.access.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * {@code /invite/{token}}, public: a visitor without an account creates one and joins the team; a
 * signed-in user joins with one click. The link works once ({@link Links#use}); an invite that
 * names an email is for that address only.
 */
public final class InvitePages {
    private final Accounts accounts;
    private final WebAuth auth;
    private final Links links;
    private final Pages pages;

    public InvitePages(Accounts accounts, WebAuth auth, Links links, Pages pages) {
        this.accounts = requireNonNull(accounts, "accounts");
        this.auth = requireNonNull(auth, "auth");
        this.links = requireNonNull(links, "links");
        this.pages = requireNonNull(pages, "pages");
    }

    public void register(RoutesConfig routes) {
        routes.get("/invite/{token}", this::show);
        routes.post("/invite/{token}", this::accept);
    }

    private void show(Context ctx) {
        Optional<Opened> opened = open(ctx);
        if (opened.isEmpty()) {
            return;
        }
        Invite invite = opened.get().invite();
        render(ctx, 200, opened.get(), invite.email() == null ? "" : invite.email(), null);
    }

    private void accept(Context ctx) {
        Optional<Opened> opened = open(ctx);
        if (opened.isEmpty()) {
            return;
        }
        Invite invite = opened.get().invite();
        Optional<Principal> principal = WebAuth.optionalPrincipal(ctx);
        if (principal.isPresent()) {
            if (!links.use(ctx.pathParam("token"))) {
                notWorking(ctx);
                return;
            }
            accounts.setMember(invite.teamId(), principal.get().userId(), invite.role());
            ctx.redirect("/teams/" + invite.teamId(), HttpStatus.SEE_OTHER);
            return;
        }
        String email = invite.email() != null ? invite.email() : AccountForms.email(ctx.formParam("email"));
        String password = ctx.formParam("password");
        String problem = Passwords.problem(password);
        if (problem == null && !password.equals(ctx.formParam("confirm"))) {
            problem = "The two passwords differ.";
        }
        if (problem == null && !AccountForms.plausibleEmail(email)) {
            problem = "Enter an email address.";
        }
        if (problem == null && accounts.userByEmail(email).isPresent()) {
            problem = "An account with this email exists. Sign in first, then open this link again.";
        }
        if (problem != null) {
            render(ctx, 400, opened.get(), email, problem);
            return;
        }
        if (!links.use(ctx.pathParam("token"))) {
            notWorking(ctx);
            return;
        }
        User user = accounts.createUser(email, Passwords.hash(password), false);
        accounts.setMember(invite.teamId(), user.id(), invite.role());
        auth.signIn(ctx, user);
        ctx.redirect("/teams/" + invite.teamId(), HttpStatus.SEE_OTHER);
    }

    /**
     * The invite of the path and its team, or empty after answering: the message page when the
     * link does not work, or when the signed-in user cannot use it (another address, or already in
     * the team).
     */
    private Optional<Opened> open(Context ctx) {
        Optional<Invite> invite =
                links.find(ctx.pathParam("token")).filter(found -> found.kind() == Invite.Kind.INVITE);
        Optional<Team> team = invite.flatMap(found -> accounts.team(found.teamId()));
        if (team.isEmpty()) {
            notWorking(ctx);
            return Optional.empty();
        }
        Optional<Principal> principal = WebAuth.optionalPrincipal(ctx);
        if (principal.isPresent()) {
            String email = principal.get().name();
            if (invite.get().email() != null && !invite.get().email().equals(email)) {
                pages.message(
                        ctx,
                        403,
                        "This invite is for someone else",
                        "It was made for " + invite.get().email() + ", and you are signed in as " + email
                                + ". Sign out and open the link again to create that account.",
                        "/",
                        "Home");
                return Optional.empty();
            }
            if (principal.get().teams().containsKey(team.get().id())) {
                pages.message(
                        ctx,
                        200,
                        "You are in " + team.get().name() + " already",
                        "The invite was left unused, for someone else to follow.",
                        "/teams/" + team.get().id(),
                        "Open the team");
                return Optional.empty();
            }
        }
        return Optional.of(new Opened(invite.get(), team.get()));
    }

    private void render(Context ctx, int status, Opened opened, String email, String error) {
        Optional<Principal> principal = WebAuth.optionalPrincipal(ctx);
        pages.render(
                ctx,
                status,
                "invite.jte",
                new InvitePage(
                        pages.chrome(ctx, null),
                        opened.team().name(),
                        opened.invite().role().code(),
                        email,
                        opened.invite().email() != null,
                        principal.map(Principal::name).orElse(null),
                        "/login?next=/invite/" + ctx.pathParam("token"),
                        error));
    }

    private void notWorking(Context ctx) {
        pages.message(
                ctx,
                404,
                "This link does not work",
                "It was used already, it expired, or it was never issued. Ask a team admin for a new one.",
                "/login",
                "Sign in");
    }

    private record Opened(Invite invite, Team team) {}

    /**
     * The invite page's model.
     *
     * @param email the address to prefill
     * @param emailLocked whether the invite names the address, which cannot then be changed
     * @param signedInAs the signed-in user's email, who joins with one click; null for a visitor
     *     who creates an account
     * @param signInHref where a visitor with an account signs in and comes back
     */
    public record InvitePage(
            Chrome chrome,
            String team,
            String role,
            String email,
            boolean emailLocked,
            String signedInAs,
            String signInHref,
            String error) {}
}
