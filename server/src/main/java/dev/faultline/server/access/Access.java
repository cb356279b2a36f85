package dev.faultline.server.access;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.model.App;
import dev.faultline.core.store.GroupDetail;
import dev.faultline.core.store.Store;
import dev.faultline.core.store.StoredEvent;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Looks things up on behalf of a {@link Principal}, answering "not found" for what the principal may
 * not see. Pages and API routes fetch apps, groups and events only through here.
 */
public final class Access {
    private final Store store;

    public Access(Store store) {
        this.store = requireNonNull(store, "store");
    }

    /** The apps the principal sees, oldest first. */
    public List<App> apps(Principal principal) {
        return store.apps().stream().filter(principal::canSee).toList();
    }

    public Set<Long> appIds(Principal principal) {
        return apps(principal).stream().map(App::id).collect(Collectors.toUnmodifiableSet());
    }

    public App app(Principal principal, long appId) {
        return store.app(appId).filter(principal::canSee).orElseThrow(() -> new NotFoundException("app " + appId));
    }

    /** An app the principal manages; 404 when they cannot see it, 403 when they only see it. */
    public App managedApp(Principal principal, long appId) {
        App app = app(principal, appId);
        if (!principal.canManage(app)) {
            throw new ForbiddenException("only an admin of the app's team can change app " + appId);
        }
        return app;
    }

    public GroupDetail group(Principal principal, long groupId) {
        return store.group(groupId)
                .filter(detail -> visible(principal, detail.group().appId()))
                .orElseThrow(() -> new NotFoundException("group " + groupId));
    }

    public StoredEvent event(Principal principal, long eventId) {
        return store.event(eventId)
                .filter(event -> visible(principal, event.appId()))
                .orElseThrow(() -> new NotFoundException("event " + eventId));
    }

    private boolean visible(Principal principal, long appId) {
        return principal.seesEverything()
                || store.app(appId).filter(principal::canSee).isPresent();
    }
}
