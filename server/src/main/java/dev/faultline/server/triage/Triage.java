package dev.faultline.server.triage;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.store.Activity;
import dev.faultline.core.store.GroupChange;
import dev.faultline.core.store.Store;
import dev.faultline.server.access.Access;
import dev.faultline.server.access.NotFoundException;
import dev.faultline.server.access.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Triage on behalf of a principal, for pages and the REST API alike: status changes, assignment
 * and comments, each checked against what the principal may see, and recorded with who did it.
 */
public final class Triage {
    public static final int MAX_COMMENT_LENGTH = 10_000;
    public static final int MAX_VERSION_LENGTH = 200;

    private final Store store;
    private final Accounts accounts;
    private final Access access;

    public Triage(Store store, Accounts accounts, Access access) {
        this.store = requireNonNull(store, "store");
        this.accounts = requireNonNull(accounts, "accounts");
        this.access = requireNonNull(access, "access");
    }

    /**
     * Changes the groups; every id must name a group the principal sees (404 otherwise, and
     * nothing changes). An assignee must be a member of each group's team (or an instance
     * administrator).
     *
     * @throws IllegalArgumentException with a message for the user when the change is invalid
     */
    public List<Group> change(Principal principal, Collection<Long> groupIds, GroupChange change) {
        requireNonNull(change, "change");
        if (change.resolvedInVersion() != null
                && (change.resolvedInVersion().isBlank()
                        || change.resolvedInVersion().length() > MAX_VERSION_LENGTH)) {
            throw new IllegalArgumentException(
                    "resolvedInVersion must be a version of 1 to " + MAX_VERSION_LENGTH + " characters");
        }
        List<Long> ids = new ArrayList<>(groupIds.stream().distinct().toList());
        Map<Long, App> appsById =
                access.apps(principal).stream().collect(Collectors.toMap(App::id, Function.identity()));
        for (long id : ids) {
            long appId = access.group(principal, id).group().appId();
            if (change.assign() && change.assigneeId() != null) {
                requireAssignable(appsById.get(appId), change.assigneeId());
            }
        }
        return store.updateGroups(ids, change, principal.actor());
    }

    public Activity comment(Principal principal, long groupId, String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_COMMENT_LENGTH) {
            throw new IllegalArgumentException("a comment must have 1 to " + MAX_COMMENT_LENGTH + " characters");
        }
        access.group(principal, groupId);
        return store.comment(groupId, trimmed, principal.actor())
                .orElseThrow(() -> new NotFoundException("group " + groupId));
    }

    public List<Activity> activity(Principal principal, long groupId) {
        access.group(principal, groupId);
        return store.activity(groupId);
    }

    private void requireAssignable(App app, long userId) {
        boolean member = accounts.user(userId)
                .map(user -> user.admin() || accounts.memberships(userId).containsKey(app.teamId()))
                .orElse(false);
        if (!member) {
            throw new IllegalArgumentException("user " + userId + " is not a member of the team of app " + app.id());
        }
    }
}
