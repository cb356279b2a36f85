package dev.faultline.server.web;

import static java.util.Objects.requireNonNull;

import dev.faultline.server.access.Principal;
import io.javalin.http.Context;
import java.util.Optional;

/** What every page handler needs: the frame around its content, and rendering. */
public final class Pages {
    private final Templates templates;
    private final Assets assets;
    private final WebAuth auth;

    public Pages(Templates templates, Assets assets, WebAuth auth) {
        this.templates = requireNonNull(templates, "templates");
        this.assets = requireNonNull(assets, "assets");
        this.auth = requireNonNull(auth, "auth");
    }

    /** The frame of a page in {@code section} (null for none) for whoever is asking. */
    public Chrome chrome(Context ctx, String section) {
        Optional<Principal> principal = WebAuth.optionalPrincipal(ctx);
        return new Chrome(
                principal.map(Principal::name).orElse(null),
                principal.map(Principal::seesEverything).orElse(false),
                auth.csrf(ctx),
                section,
                assets);
    }

    public void render(Context ctx, int status, String template, Object model) {
        templates.respond(ctx, status, template, model);
    }

    public void render(Context ctx, String template, Object model) {
        templates.respond(ctx, 200, template, model);
    }

    /** A page that only says something (an error, a link that no longer works). */
    public void message(Context ctx, int status, String title, String text, String linkHref, String linkText) {
        render(ctx, status, "message.jte", new MessagePage(chrome(ctx, null), title, text, linkHref, linkText));
    }

    public Templates templates() {
        return templates;
    }

    /** The message page's model; the link may be null. */
    public record MessagePage(Chrome chrome, String title, String text, String linkHref, String linkText) {}
}
