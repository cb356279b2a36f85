package dev.faultline.server.web;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.Invite;
import dev.faultline.core.account.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/** Sign-in, sign-out, and the setup page (first administrator, or a new user's password). */
public final class SignInPages {
    private final Accounts accounts;
    private final WebAuth auth;
    private final Links links;
    private final SignInThrottle throttle;
    private final Pages pages;

    public SignInPages(Accounts accounts, WebAuth auth, Links links, SignInThrottle throttle, Pages pages) {
        this.accounts = requireNonNull(accounts, "accounts");
        this.auth = requireNonNull(auth, "auth");
        this.links = requireNonNull(links, "links");
        this.throttle = requireNonNull(throttle, "throttle");
        this.pages = requireNonNull(pages, "pages");
    }

    public void register(RoutesConfig routes) {
        routes.get("/login", ctx -> {
            if (WebAuth.optionalPrincipal(ctx).isPresent()) {
                ctx.redirect(WebAuth.safeNext(ctx.queryParam("next")));
                return;
            }
            showSignIn(ctx, 200, "", null);
        });
        routes.post("/login", this::signIn);
        routes.post("/logout", ctx -> {
            auth.signOut(ctx);
            ctx.redirect("/login");
        });
        routes.get("/setup/{token}", ctx -> showSetup(ctx, 200, null));
        routes.post("/setup/{token}", this::setup);
    }

    private void signIn(Context ctx) {
        String email = normalized(ctx.formParam("email"));
        String password = ctx.formParam("password");
        String address = ctx.ip();
        if (!throttle.allowed(email, address)) {
            showSignIn(ctx, 429, email, "Too many failed sign-ins. Wait a few minutes and try again.");
            return;
        }
        Optional<User> user = email.isEmpty() ? Optional.empty() : accounts.userByEmail(email);
        String hash = user.flatMap(u -> accounts.passwordHash(u.id())).orElse(null);
        if (password == null || !Passwords.matches(password, hash)) {
            throttle.failed(email, address);
            showSignIn(ctx, 401, email, "That email and password do not match.");
            return;
        }
        auth.signIn(ctx, user.orElseThrow());
        ctx.redirect(WebAuth.safeNext(ctx.formParam("next")));
    }

    private void showSignIn(Context ctx, int status, String email, String error) {
        String next = WebAuth.safeNext(ctx.formParam("next") != null ? ctx.formParam("next") : ctx.queryParam("next"));
        pages.render(ctx, status, "login.jte", new SignInPage(pages.chrome(ctx, null), email, next, error));
    }

    private void setup(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<Invite> link = links.find(token).filter(SignInPages::isSetup);
        if (link.isEmpty()) {
            showSetup(ctx, 404, null);
            return;
        }
        Invite invite = link.get();
        String password = ctx.formParam("password");
        String problem = Passwords.problem(password);
        if (problem == null && !password.equals(ctx.formParam("confirm"))) {
            problem = "The two passwords differ.";
        }
        String email = invite.kind() == Invite.Kind.SETUP ? normalized(ctx.formParam("email")) : invite.email();
        if (problem == null && !email.contains("@")) {
            problem = "Enter an email address.";
        }
        if (problem == null && invite.kind() == Invite.Kind.SETUP && accounts.userCount() > 0) {
            problem = "An administrator already exists; sign in instead.";
        }
        if (problem != null) {
            showSetup(ctx, 400, problem);
            return;
        }
        if (!links.use(token)) {
            showSetup(ctx, 404, null);
            return;
        }
        User user;
        if (invite.kind() == Invite.Kind.SETUP) {
            user = accounts.createUser(email, Passwords.hash(password), true);
        } else {
            accounts.setPasswordHash(invite.userId(), Passwords.hash(password));
            accounts.deleteSessions(invite.userId());
            user = accounts.user(invite.userId()).orElseThrow();
        }
        auth.signIn(ctx, user);
        ctx.redirect("/");
    }

    private void showSetup(Context ctx, int status, String error) {
        Optional<Invite> invite = links.find(ctx.pathParam("token")).filter(SignInPages::isSetup);
        if (invite.isEmpty() || (invite.get().kind() == Invite.Kind.SETUP && accounts.userCount() > 0)) {
            pages.message(
                    ctx,
                    404,
                    "This link does not work",
                    "It was used already, it expired, or it was never issued. Ask an administrator for a new one.",
                    "/login",
                    "Sign in");
            return;
        }
        String email = ctx.formParam("email") != null
                ? ctx.formParam("email")
                : invite.get().email();
        pages.render(
                ctx,
                status,
                "setup.jte",
                new SetupPage(
                        pages.chrome(ctx, null),
                        invite.get().kind() == Invite.Kind.SETUP,
                        email == null ? "" : email,
                        error));
    }

    private static boolean isSetup(Invite invite) {
        return invite.kind() == Invite.Kind.SETUP || invite.kind() == Invite.Kind.SET_PASSWORD;
    }

    private static String normalized(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** The sign-in page's model. */
    public record SignInPage(Chrome chrome, String email, String next, String error) {}

    /**
     * The setup page's model.
     *
     * @param firstAdmin whether this creates the first administrator (asks for an email too)
     */
    public record SetupPage(Chrome chrome, boolean firstAdmin, String email, String error) {}
}
