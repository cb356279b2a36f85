package dev.faultline.server.web;

import dev.faultline.server.access.ForbiddenException;
import dev.faultline.server.access.NotFoundException;
import dev.faultline.server.http.JsonResponses;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;

/**
 * The dashboard's plumbing: static files (ours under {@code /static}, htmx and uPlot from their
 * webjars), the sign-in filter, security headers, and how access errors are answered — as pages on
 * pages, as JSON on the API.
 */
public final class WebRoutes {

    private WebRoutes() {}

    /** Registers the plumbing; call before the page routes. */
    public static void register(JavalinConfig javalin, WebAuth auth, Pages pages) {
        javalin.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/public";
            files.location = Location.CLASSPATH;
        });
        javalin.staticFiles.enableWebjars();
        javalin.routes.before(auth::filter);
        javalin.routes.after(SecurityHeaders::apply);
        javalin.routes.get("/", ctx -> ctx.redirect("/groups"));
        javalin.routes.exception(WebAuth.SignInRequired.class, (e, ctx) -> {
            if (ctx.header("HX-Request") != null) {
                ctx.header("HX-Redirect", e.location()).status(401);
            } else {
                ctx.redirect(e.location());
            }
            SecurityHeaders.apply(ctx);
        });
        javalin.routes.exception(WebAuth.CsrfRejected.class, (e, ctx) -> {
            pages.message(
                    ctx,
                    403,
                    "This form expired",
                    "The page was open too long, or the request came from another site. Go back, reload and try again.",
                    "/",
                    "Home");
            SecurityHeaders.apply(ctx);
        });
        javalin.routes.exception(NotFoundException.class, (e, ctx) -> answer(ctx, pages, 404, "not_found", e));
        javalin.routes.exception(ForbiddenException.class, (e, ctx) -> answer(ctx, pages, 403, "forbidden", e));
    }

    /** A 404 for a page path nothing answered. */
    public static boolean notFoundPage(Context ctx, Pages pages) {
        if (!WebAuth.isPage(ctx.path()) || ctx.result() != null) {
            return false;
        }
        pages.message(ctx, 404, "Not found", "There is nothing at this address.", "/", "Home");
        SecurityHeaders.apply(ctx);
        return true;
    }

    private static void answer(Context ctx, Pages pages, int status, String code, RuntimeException e) {
        if (WebAuth.isPage(ctx.path())) {
            pages.message(ctx, status, status == 404 ? "Not found" : "Not allowed", e.getMessage(), "/", "Home");
            SecurityHeaders.apply(ctx);
        } else {
            JsonResponses.error(ctx, status, code, e.getMessage());
        }
    }
}
