package dev.faultline.server.http;

import io.javalin.http.Context;

/**
 * CORS for the ingest endpoints: browsers (raygun4js) need {@code Access-Control-Allow-Origin} on
 * every answer and an answer to preflights, or the SDK counts a stored report as failed. No
 * credentials are involved (the key travels in a header or the query), so any origin may send.
 */
public final class Cors {
    private static final String DEFAULT_HEADERS = "Content-Type, X-ApiKey, X-Remote-Address, App-Secret, Install-ID";

    private final String origin;

    public Cors(String origin) {
        this.origin = origin;
    }

    /** Adds the CORS headers to an answer. */
    public void addHeaders(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Allow-Methods", "POST, OPTIONS");
        String requested = ctx.header("Access-Control-Request-Headers");
        ctx.header(
                "Access-Control-Allow-Headers", requested == null || requested.isBlank() ? DEFAULT_HEADERS : requested);
        ctx.header("Access-Control-Max-Age", "86400");
        if (!"*".equals(origin)) {
            ctx.header("Vary", "Origin");
        }
    }

    /** Answers a preflight. */
    public void preflight(Context ctx) {
        addHeaders(ctx);
        ctx.status(204);
    }
}
