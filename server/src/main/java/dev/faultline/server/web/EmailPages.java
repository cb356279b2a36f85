package dev.faultline.server.web;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.model.App;
import dev.faultline.core.notify.EmailChoice;
import dev.faultline.core.notify.Mailbox;
import dev.faultline.core.store.Store;
import dev.faultline.server.access.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code /account/email}: the signed-in user chooses, per app of their teams, whether they get an
 * email for new errors and regressions, and the app in their daily digest. Email goes to team
 * members only, so an instance administrator sees only the apps of teams they belong to.
 */
public final class EmailPages {
    private final Store store;
    private final Accounts accounts;
    private final Mailbox mailbox;
    private final Pages pages;
    private final boolean emailEnabled;

    /** @param emailEnabled whether an SMTP server is configured (the page says so when not) */
    public EmailPages(Store store, Accounts accounts, Mailbox mailbox, Pages pages, boolean emailEnabled) {
        this.store = requireNonNull(store, "store");
        this.accounts = requireNonNull(accounts, "accounts");
        this.mailbox = requireNonNull(mailbox, "mailbox");
        this.pages = requireNonNull(pages, "pages");
        this.emailEnabled = emailEnabled;
    }

    public void register(RoutesConfig routes) {
        routes.get("/account/email", this::show);
        routes.post("/account/email", this::save);
    }

    private void show(Context ctx) {
        Principal principal = WebAuth.principal(ctx);
        Map<Long, EmailChoice> choices = mailbox.emailChoices(principal.user().id());
        List<Row> rows = memberApps(principal).stream()
                .map(app -> {
                    EmailChoice choice = choices.getOrDefault(app.id(), EmailChoice.NONE);
                    return new Row(
                            app.id(),
                            app.name(),
                            accounts.team(app.teamId()).map(team -> team.name()).orElse(""),
                            choice.alerts(),
                            choice.digest());
                })
                .toList();
        pages.render(
                ctx,
                "email.jte",
                new EmailPage(
                        pages.chrome(ctx, "account"),
                        principal.user().email(),
                        emailEnabled,
                        "saved".equals(ctx.queryParam("email")),
                        rows));
    }

    /**
     * Sets the choice of every app the form lists: a box not sent is a box not ticked. Ids of apps
     * the user is not a member of are ignored, as the page never shows them.
     */
    private void save(Context ctx) {
        Principal principal = WebAuth.principal(ctx);
        for (App app : memberApps(principal)) {
            mailbox.setEmailChoice(
                    principal.user().id(),
                    app.id(),
                    new EmailChoice(
                            ctx.formParams("alerts").contains(Long.toString(app.id())),
                            ctx.formParams("digest").contains(Long.toString(app.id()))));
        }
        ctx.redirect("/account/email?email=saved", HttpStatus.SEE_OTHER);
    }

    /** The apps of the teams the user is a member of, by name. */
    private List<App> memberApps(Principal principal) {
        return store.apps().stream()
                .filter(app -> principal.teams().containsKey(app.teamId()))
                .sorted(Comparator.comparing(App::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /**
     * The page's model.
     *
     * @param emailEnabled whether the server sends email at all
     * @param saved whether the choices were just saved
     */
    public record EmailPage(Chrome chrome, String email, boolean emailEnabled, boolean saved, List<Row> apps) {}

    public record Row(long appId, String appName, String teamName, boolean alerts, boolean digest) {}
}
