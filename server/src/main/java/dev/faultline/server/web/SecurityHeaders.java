package dev.faultline.server.web;

import io.javalin.http.Context;

/**
 * Headers on every dashboard response. The Content-Security-Policy allows scripts and styles from
 * this server only: no inline script, no inline style element or attribute, no eval, so even
 * markup that slipped past escaping could not run. htmx is configured (in the layout) not to add
 * its own style element and not to evaluate anything.
 */
public final class SecurityHeaders {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private SecurityHeaders() {}

    public static void apply(Context ctx) {
        if (!WebAuth.isPage(ctx.path())
                && !ctx.path().startsWith("/static/")
                && !ctx.path().startsWith("/webjars/")) {
            return;
        }
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        if (WebAuth.isPage(ctx.path())) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
