package dev.faultline.server.web;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.Invite;
import dev.faultline.core.account.Member;
import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.model.App;
import dev.faultline.core.store.Store;
import dev.faultline.server.access.ForbiddenException;
import dev.faultline.server.access.NotFoundException;
import dev.faultline.server.access.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The teams pages: the teams a user belongs to (every team for an instance administrator, who also
 * creates them), and a team's members, apps and open invites. A team's admins change roles, remove
 * members, and make and revoke invite links; a team the user is not in answers 404, a change they
 * may not make 403.
 */
public final class TeamPages {
    public static final int NAME_MAX = 100;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Accounts accounts;
    private final Store store;
    private final Links links;
    private final Pages pages;
    private final String publicUrl;
    private final Clock clock;

    /** @param publicUrl the configured public address for invite links, or null to use the request's */
    public TeamPages(Accounts accounts, Store store, Links links, Pages pages, String publicUrl, Clock clock) {
        this.accounts = requireNonNull(accounts, "accounts");
        this.store = requireNonNull(store, "store");
        this.links = requireNonNull(links, "links");
        this.pages = requireNonNull(pages, "pages");
        this.publicUrl = publicUrl;
        this.clock = requireNonNull(clock, "clock");
    }

    public void register(RoutesConfig routes) {
        routes.get("/teams", ctx -> showTeams(ctx, 200, "", null));
        routes.post("/teams", this::createTeam);
        routes.get("/teams/{teamId}", ctx -> showTeam(ctx, 200, visibleTeam(ctx), null, null));
        routes.post("/teams/{teamId}/invites", this::invite);
        routes.post("/teams/{teamId}/invites/{tokenHash}/revoke", this::revokeInvite);
        routes.post("/teams/{teamId}/members/{userId}/role", this::changeRole);
        routes.post("/teams/{teamId}/members/{userId}/remove", this::remove);
    }

    private void showTeams(Context ctx, int status, String name, String error) {
        Principal principal = WebAuth.principal(ctx);
        List<App> apps = store.apps();
        List<TeamRow> rows = accounts.teams().stream()
                .filter(team -> principal.seesEverything() || principal.teams().containsKey(team.id()))
                .map(team -> new TeamRow(
                        team.id(),
                        team.name(),
                        code(principal.teams().get(team.id())),
                        accounts.members(team.id()).size(),
                        apps.stream().filter(app -> app.teamId() == team.id()).count()))
                .toList();
        pages.render(
                ctx,
                status,
                "teams.jte",
                new TeamsPage(pages.chrome(ctx, "teams"), rows, principal.seesEverything(), name, error));
    }

    private void createTeam(Context ctx) {
        Principal principal = WebAuth.principal(ctx);
        if (!principal.seesEverything()) {
            throw new ForbiddenException("only an instance administrator can create teams");
        }
        String name = AccountForms.field(ctx.formParam("name"));
        if (name.isEmpty() || name.length() > NAME_MAX) {
            showTeams(ctx, 400, name, "Choose a name of 1 to " + NAME_MAX + " characters.");
            return;
        }
        Team team;
        try {
            team = accounts.createTeam(name);
        } catch (IllegalArgumentException e) {
            showTeams(ctx, 400, name, "A team with this name exists already.");
            return;
        }
        accounts.setMember(team.id(), principal.userId(), Role.ADMIN);
        ctx.redirect("/teams/" + team.id(), HttpStatus.SEE_OTHER);
    }

    private void invite(Context ctx) {
        Team team = managedTeam(ctx);
        Role role = role(ctx.formParam("role"));
        String email = AccountForms.email(ctx.formParam("email"));
        if (role == null) {
            showTeam(ctx, 400, team, null, "Choose the role admin or member.");
            return;
        }
        if (!email.isEmpty() && !AccountForms.plausibleEmail(email)) {
            showTeam(ctx, 400, team, null, "Enter an email address, or leave it empty for anyone with the link.");
            return;
        }
        String link = links.invite(
                Links.baseUrl(ctx, publicUrl),
                team.id(),
                role,
                email.isEmpty() ? null : email,
                WebAuth.principal(ctx).userId());
        showTeam(ctx, 200, team, link, null);
    }

    /**
     * Names the invite by its token's hash, which grants nothing: the link needs the token itself.
     * An invite of another team, or one used or deleted, answers 404.
     */
    private void revokeInvite(Context ctx) {
        Team team = managedTeam(ctx);
        String tokenHash = ctx.pathParam("tokenHash");
        if (!accounts.deleteInvite(tokenHash, team.id())) {
            throw new NotFoundException("invite of team " + team.name());
        }
        ctx.redirect("/teams/" + team.id(), HttpStatus.SEE_OTHER);
    }

    private void changeRole(Context ctx) {
        Team team = managedTeam(ctx);
        Member member = member(ctx, team);
        Role role = role(ctx.formParam("role"));
        if (role == null) {
            showTeam(ctx, 400, team, null, "Choose the role admin or member.");
            return;
        }
        if (role != Role.ADMIN && lastAdmin(team, member)) {
            showTeam(ctx, 400, team, null, "A team keeps at least one admin: make someone else admin first.");
            return;
        }
        accounts.setMember(team.id(), member.user().id(), role);
        ctx.redirect("/teams/" + team.id(), HttpStatus.SEE_OTHER);
    }

    private void remove(Context ctx) {
        Team team = managedTeam(ctx);
        Member member = member(ctx, team);
        if (lastAdmin(team, member)) {
            showTeam(ctx, 400, team, null, "A team keeps at least one admin: make someone else admin first.");
            return;
        }
        accounts.removeMember(team.id(), member.user().id());
        Principal principal = WebAuth.principal(ctx);
        boolean leftOwnTeam = Objects.equals(member.user().id(), principal.userId()) && !principal.seesEverything();
        ctx.redirect(leftOwnTeam ? "/teams" : "/teams/" + team.id(), HttpStatus.SEE_OTHER);
    }

    private void showTeam(Context ctx, int status, Team team, String inviteLink, String error) {
        Principal principal = WebAuth.principal(ctx);
        boolean manage = principal.canManageTeam(team.id());
        List<MemberRow> members = accounts.members(team.id()).stream()
                .map(member -> new MemberRow(
                        member.user().id(),
                        member.user().email(),
                        member.role().code(),
                        Objects.equals(member.user().id(), principal.userId()),
                        !member.user().passwordSet()))
                .toList();
        List<AppRow> apps = store.apps().stream()
                .filter(app -> app.teamId() == team.id())
                .map(app -> new AppRow(app.id(), app.name()))
                .toList();
        List<InviteRow> invites = manage
                ? accounts.invites(team.id(), clock.instant()).stream()
                        .map(TeamPages::inviteRow)
                        .toList()
                : List.of();
        pages.render(
                ctx,
                status,
                "teamsDetail.jte",
                new TeamPage(pages.chrome(ctx, "teams"), team, manage, members, apps, invites, inviteLink, error));
    }

    /** The team of the path, if the principal is in it (or sees everything); 404 otherwise. */
    private Team visibleTeam(Context ctx) {
        Principal principal = WebAuth.principal(ctx);
        long teamId = WebParams.pathId(ctx, "teamId");
        return accounts.team(teamId)
                .filter(team -> principal.seesEverything() || principal.teams().containsKey(team.id()))
                .orElseThrow(() -> new NotFoundException("team " + teamId));
    }

    /** The team of the path, if the principal manages it; 404 when they do not see it, else 403. */
    private Team managedTeam(Context ctx) {
        Team team = visibleTeam(ctx);
        if (!WebAuth.principal(ctx).canManageTeam(team.id())) {
            throw new ForbiddenException("only an admin of team " + team.name() + " can change its members");
        }
        return team;
    }

    private Member member(Context ctx, Team team) {
        long userId = WebParams.pathId(ctx, "userId");
        return accounts.members(team.id()).stream()
                .filter(member -> member.user().id() == userId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("member " + userId + " of team " + team.name()));
    }

    /** Whether {@code member} is the team's only admin. */
    private boolean lastAdmin(Team team, Member member) {
        return member.role() == Role.ADMIN
                && accounts.members(team.id()).stream()
                                .filter(other -> other.role() == Role.ADMIN)
                                .count()
                        == 1;
    }

    private static Role role(String code) {
        if (code == null) {
            return null;
        }
        try {
            return Role.fromCode(code.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String code(Role role) {
        return role == null ? null : role.code();
    }

    private static InviteRow inviteRow(Invite invite) {
        return new InviteRow(
                invite.tokenHash(),
                invite.email(),
                invite.role() == null ? "" : invite.role().code(),
                when(invite.createdAt()),
                when(invite.expiresAt()));
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /**
     * The teams page's model.
     *
     * @param canCreate whether the form for a new team shows (instance administrators)
     * @param name the new team's name as typed, kept after an error
     */
    public record TeamsPage(Chrome chrome, List<TeamRow> teams, boolean canCreate, String name, String error) {}

    /** @param role the user's role in the team, or null when they see it as an instance administrator */
    public record TeamRow(long id, String name, String role, int members, long apps) {}

    /**
     * A team page's model.
     *
     * @param manage whether the user manages the team (roles, removal, invites)
     * @param inviteLink an invite link just made, shown this once; otherwise null
     */
    public record TeamPage(
            Chrome chrome,
            Team team,
            boolean manage,
            List<MemberRow> members,
            List<AppRow> apps,
            List<InviteRow> invites,
            String inviteLink,
            String error) {}

    /**
     * @param you whether this is the signed-in user
     * @param pending whether the user has not chosen a password yet
     */
    public record MemberRow(long userId, String email, String role, boolean you, boolean pending) {}

    public record AppRow(long id, String name) {}

    /**
     * @param tokenHash names the invite in the revoke form (it grants nothing without the token)
     * @param email the address invited, or null for anyone with the link
     */
    public record InviteRow(String tokenHash, String email, String role, String created, String expires) {}
}
