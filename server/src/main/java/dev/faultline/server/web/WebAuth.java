package dev.faultline.server.web;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.User;
import dev.faultline.core.account.WebSession;
import dev.faultline.server.access.Principal;
import dev.faultline.server.api.Tokens;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Dashboard sign-in: a session cookie (HttpOnly, SameSite=Lax, Secure under HTTPS) naming a
 * stored session, and CSRF protection for every state-changing page request. Signed-in requests
 * carry the session's token (form field {@code _csrf} or header {@code X-CSRF-Token}, which
 * htmx sends); the sign-in, setup and invite forms, made before any session exists, carry a
 * token that must match a cookie set with the form (double submit).
 *
 * <p>Every page is private unless listed in {@link #PUBLIC}: the filter turns anonymous
 * visitors away before any page handler runs. Ingest endpoints, the REST API (bearer tokens) and
 * static files are not pages.
 */
public final class WebAuth {
    public static final String SESSION_COOKIE = "faultline_session";
    static final String FORM_COOKIE = "faultline_form";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PRINCIPAL = "faultline.principal";
    private static final String CSRF = "faultline.csrf";
    private static final Set<String> NOT_PAGES =
            Set.of("/api/", "/entries", "/logs", "/health", "/static/", "/webjars/");
    private static final Set<String> PUBLIC = Set.of("/login", "/setup/", "/invite/", "/favicon.ico");
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final Accounts accounts;
    private final Duration lifetime;
    private final Clock clock;

    public WebAuth(Accounts accounts, Duration lifetime, Clock clock) {
        this.accounts = requireNonNull(accounts, "accounts");
        this.lifetime = requireNonNull(lifetime, "lifetime");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Whether a path is a dashboard page (as opposed to the APIs and static files). */
    public static boolean isPage(String path) {
        return NOT_PAGES.stream().noneMatch(path::startsWith);
    }

    private static boolean isPublic(String path) {
        return PUBLIC.stream().anyMatch(prefix -> prefix.endsWith("/") ? path.startsWith(prefix) : path.equals(prefix));
    }

    /**
     * The before-filter of every request: resolves the session, turns anonymous visitors of private
     * pages to the sign-in page, and checks the CSRF token of state-changing page requests.
     */
    public void filter(Context ctx) {
        String path = ctx.path();
        if (!isPage(path)) {
            return;
        }
        Optional<WebSession> session = session(ctx);
        session.flatMap(s -> accounts.user(s.userId())).ifPresent(user -> {
            ctx.attribute(PRINCIPAL, Principal.of(user, accounts.memberships(user.id())));
            ctx.attribute(CSRF, session.get().csrfToken());
        });
        if (ctx.attribute(PRINCIPAL) == null && !isPublic(path)) {
            throw new SignInRequired(signInPath(ctx));
        }
        if (!SAFE.contains(ctx.method())) {
            String expected = ctx.attribute(CSRF) != null ? ctx.attribute(CSRF) : ctx.cookie(FORM_COOKIE);
            String sent = ctx.header(CSRF_HEADER) != null ? ctx.header(CSRF_HEADER) : ctx.formParam(CSRF_FIELD);
            if (!same(expected, sent)) {
                throw new CsrfRejected();
            }
        }
    }

    /** The signed-in principal; only on private pages (the filter guarantees one there). */
    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new SignInRequired("/login");
        }
        return principal;
    }

    /** The signed-in principal, if any (public pages). */
    public static Optional<Principal> optionalPrincipal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    /**
     * The CSRF token for forms on this page: the session's, or for anonymous forms a fresh one set
     * in a cookie beside the form.
     */
    public String csrf(Context ctx) {
        String token = ctx.attribute(CSRF);
        if (token != null) {
            return token;
        }
        token = ctx.cookie(FORM_COOKIE);
        if (token == null || token.length() < 20) {
            token = Tokens.newToken();
            ctx.cookie(cookie(ctx, FORM_COOKIE, token, -1, SameSite.STRICT));
        }
        ctx.attribute(CSRF, token);
        return token;
    }

    /** Starts a session for {@code user} and sets its cookie. */
    public void signIn(Context ctx, User user) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        WebSession session = new WebSession(Tokens.hash(token), user.id(), Tokens.newToken(), now, now.plus(lifetime));
        accounts.createSession(session);
        ctx.cookie(cookie(ctx, SESSION_COOKIE, token, (int) lifetime.toSeconds(), SameSite.LAX));
        ctx.attribute(PRINCIPAL, Principal.of(user, accounts.memberships(user.id())));
        ctx.attribute(CSRF, session.csrfToken());
    }

    public void signOut(Context ctx) {
        String token = ctx.cookie(SESSION_COOKIE);
        if (token != null) {
            accounts.deleteSession(Tokens.hash(token));
        }
        ctx.cookie(cookie(ctx, SESSION_COOKIE, "", 0, SameSite.LAX));
    }

    private Optional<WebSession> session(Context ctx) {
        String token = ctx.cookie(SESSION_COOKIE);
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return accounts.session(Tokens.hash(token), clock.instant());
    }

    private static Cookie cookie(Context ctx, String name, String value, int maxAge, SameSite sameSite) {
        return new Cookie(name, value, "/", maxAge, secure(ctx), true, null, sameSite);
    }

    /** HTTPS, directly or (as reverse proxies say) forwarded. */
    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private static String signInPath(Context ctx) {
        String target = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        return SAFE.contains(ctx.method()) && !"/".equals(target)
                ? "/login?next=" + java.net.URLEncoder.encode(target, StandardCharsets.UTF_8)
                : "/login";
    }

    /** Where to go after signing in: a local path only, never another site. */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
            return "/";
        }
        return next;
    }

    private static boolean same(String expected, String sent) {
        return expected != null
                && sent != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** An anonymous visitor asked for a private page: to the sign-in page. */
    public static final class SignInRequired extends RuntimeException {
        private final String location;

        SignInRequired(String location) {
            super(null, null, false, false);
            this.location = location;
        }

        public String location() {
            return location;
        }
    }

    /** A state-changing request without the right CSRF token: 403. */
    public static final class CsrfRejected extends RuntimeException {
        CsrfRejected() {
            super("the form expired or came from another site", null, false, false);
        }
    }
}
