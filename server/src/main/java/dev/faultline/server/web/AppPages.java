package dev.faultline.server.web;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.Team;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.core.store.Store;
import dev.faultline.server.access.Access;
import dev.faultline.server.access.ForbiddenException;
import dev.faultline.server.access.Principal;
import dev.faultline.server.api.Tokens;
import dev.faultline.server.web.view.Option;
import dev.faultline.server.web.view.TimeView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The apps list with its create form ({@code /apps}), and each app's settings ({@code
 * /apps/{appId}/settings}, see {@link AppSettingsPages}).
 */
public final class AppPages {
    static final int MAX_NAME = 100;

    private final Store store;
    private final Accounts accounts;
    private final Access access;
    private final Pages pages;
    private final Clock clock;

    public AppPages(Store store, Accounts accounts, Access access, Pages pages, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.accounts = requireNonNull(accounts, "accounts");
        this.access = requireNonNull(access, "access");
        this.pages = requireNonNull(pages, "pages");
        this.clock = requireNonNull(clock, "clock");
    }

    public void register(RoutesConfig routes) {
        routes.get("/apps", ctx -> list(ctx, 200, null, ""));
        routes.post("/apps", this::create);
    }

    private void list(Context ctx, int status, String error, String name) {
        Principal principal = WebAuth.principal(ctx);
        Instant now = clock.instant();
        Map<Long, String> teamNames = accounts.teams().stream().collect(Collectors.toMap(Team::id, Team::name));
        List<AppRow> rows = new ArrayList<>();
        for (App app : access.apps(principal)) {
            Instant last =
                    store.groups(new GroupQuery(app.id(), null, GroupQuery.Sort.LAST_SEEN, null, 1)).items().stream()
                            .findFirst()
                            .map(Group::lastSeen)
                            .orElse(null);
            rows.add(new AppRow(
                    app.id(),
                    app.name(),
                    teamNames.getOrDefault(app.teamId(), ""),
                    "/apps/" + app.id() + "/groups",
                    "/apps/" + app.id() + "/settings",
                    TimeView.of(last, now),
                    principal.canManage(app)));
        }
        List<Option> teams = manageableTeams(principal).stream()
                .map(team -> new Option(Long.toString(team.id()), team.name(), false))
                .toList();
        boolean canCreate = !teams.isEmpty() || principal.seesEverything();
        pages.render(
                ctx,
                status,
                "apps.jte",
                new AppsPage(pages.chrome(ctx, "apps"), List.copyOf(rows), canCreate, teams, name, error));
    }

    private List<Team> manageableTeams(Principal principal) {
        return accounts.teams().stream()
                .filter(team -> principal.canManageTeam(team.id()))
                .toList();
    }

    private void create(Context ctx) {
        Principal principal = WebAuth.principal(ctx);
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        String problem = nameProblem(name);
        String teamParam = GroupListPages.blankToNull(ctx.formParam("team"));
        List<Team> teams = manageableTeams(principal);
        Long teamId = null;
        if (problem == null) {
            try {
                teamId = teamParam == null ? null : WebParams.number(teamParam, "The team");
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        if (problem == null && teamId == null && !(teams.isEmpty() && principal.seesEverything())) {
            problem = "Choose the team that owns the app.";
        }
        if (problem != null) {
            list(ctx, 400, problem, name);
            return;
        }
        if (teamId != null && !principal.canManageTeam(teamId)) {
            throw new ForbiddenException("only an admin of team " + teamId + " can create its apps");
        }
        App app;
        try {
            app = teamId == null
                    // an instance administrator before any team exists: the store makes "Default"
                    ? store.createApp(
                            name, Tokens.newApiKey(), UUID.randomUUID().toString())
                    : store.createApp(
                            teamId, name, Tokens.newApiKey(), UUID.randomUUID().toString());
        } catch (IllegalArgumentException e) {
            list(ctx, 400, "The app could not be created: " + e.getMessage(), name);
            return;
        }
        ctx.redirect("/apps/" + app.id() + "/settings", HttpStatus.SEE_OTHER);
    }

    /** Why a name is not acceptable, or null. */
    static String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "Give the app a name.";
        }
        if (name.length() > MAX_NAME) {
            return "Keep the name to " + MAX_NAME + " characters.";
        }
        return null;
    }

    /** The apps page. */
    public record AppsPage(
            Chrome chrome, List<AppRow> apps, boolean canCreate, List<Option> teams, String name, String error) {}

    /**
     * One app in the list.
     *
     * @param lastReport when its latest report arrived, or null when none has
     */
    public record AppRow(
            long id,
            String name,
            String team,
            String groupsHref,
            String settingsHref,
            TimeView lastReport,
            boolean canManage) {}
}
