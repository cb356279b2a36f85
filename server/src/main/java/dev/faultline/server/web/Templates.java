package dev.faultline.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * Renders the JTE templates under {@code src/main/jte}, compiled to classes at build time by the
 * JTE Maven plugin (no compiler at run time). HTML content type: every {@code ${…}} is escaped for
 * where it stands (text, attribute), which is what keeps hostile crash content inert.
 */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders a template whose single parameter is {@code model}. */
    public String render(String template, Object model) {
        StringOutput output = new StringOutput(8192);
        engine.render(template, model, output);
        return output.toString();
    }

    /** Answers with a rendered page (or htmx fragment). */
    public void respond(Context ctx, int status, String template, Object model) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(render(template, model));
    }

    public void respond(Context ctx, String template, Object model) {
        respond(ctx, 200, template, model);
    }
}
