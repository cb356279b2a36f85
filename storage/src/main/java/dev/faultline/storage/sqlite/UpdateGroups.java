package dev.faultline.storage.sqlite;

import dev.faultline.core.model.Group;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.notify.EventType;
import dev.faultline.core.store.Activity;
import dev.faultline.core.store.Actor;
import dev.faultline.core.store.GroupChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Applies a triage change to groups, in the writer's transaction: writes each group's new state,
 * records what actually changed in its activity and as notifications in the outbox (status
 * changed, assigned), and puts the new state in the writer's cache, so that the next batch
 * discards or reopens by it. Answers the groups as they are afterwards, in the order asked for,
 * skipping ids that name no group.
 */
record UpdateGroups(Collection<Long> groupIds, GroupChange change, Actor actor, Instant at) {
    private static final String SELECT = "SELECT " + GroupRows.COLUMNS + " FROM error_groups WHERE id = :id";
    private static final String UPDATE = "UPDATE error_groups SET status = :status,"
            + " resolved_in_version = :resolvedInVersion, discard_new = :discardNew, assignee_id = :assigneeId"
            + " WHERE id = :id RETURNING " + GroupRows.COLUMNS;

    List<Group> execute(Handle handle, StatementCache statements, GroupCache cache) {
        String assigneeEmail = null;
        if (change.assign() && change.assigneeId() != null) {
            assigneeEmail = email(handle, change.assigneeId())
                    .orElseThrow(() -> new IllegalArgumentException("no user " + change.assigneeId()));
        }
        List<Group> after = new ArrayList<>();
        List<NewNotification> notifications = new ArrayList<>();
        for (long groupId : new LinkedHashSet<>(groupIds)) {
            Optional<Group> found = handle.createQuery(SELECT)
                    .bind("id", groupId)
                    .map((row, context) -> GroupRows.group(row))
                    .findOne();
            if (found.isPresent()) {
                after.add(apply(handle, cache, found.get(), assigneeEmail, notifications));
            }
        }
        new InsertNotifications(notifications).run(statements);
        Map<Long, List<String>> versions = new SelectRecentVersions(
                        after.stream().map(Group::id).toList(), GroupRows.GROUP_VERSIONS)
                .execute(handle);
        return after.stream()
                .map(group -> group.withVersions(versions.getOrDefault(group.id(), List.of())))
                .toList();
    }

    private Group apply(
            Handle handle, GroupCache cache, Group group, String assigneeEmail, List<NewNotification> notifications) {
        GroupStatus status = group.status();
        String resolvedInVersion = group.resolvedInVersion();
        boolean discardNew = group.discardNew();
        Long assigneeId = group.assigneeId();
        boolean changed = false;
        // setting a status sets the other two with it: resolving again clears a version, and so on
        if (change.status() != null
                && (change.status() != status
                        || !Objects.equals(change.resolvedInVersion(), resolvedInVersion)
                        || change.discardNew() != discardNew)) {
            status = change.status();
            resolvedInVersion = change.resolvedInVersion();
            discardNew = change.discardNew();
            record(handle, group, Activity.Kind.STATUS_CHANGED, status, resolvedInVersion, null);
            Map<String, String> details = details();
            details.put("status", status.code());
            if (resolvedInVersion != null) {
                details.put("resolvedInVersion", resolvedInVersion);
            }
            notifications.add(notification(group, EventType.STATUS_CHANGED, details));
            changed = true;
        }
        if (change.assign() && !Objects.equals(change.assigneeId(), assigneeId)) {
            assigneeId = change.assigneeId();
            record(handle, group, Activity.Kind.ASSIGNED, null, null, assigneeId);
            Map<String, String> details = details();
            if (assigneeEmail != null) {
                details.put("assignedTo", assigneeEmail);
            }
            notifications.add(notification(group, EventType.ASSIGNED_TO_USER, details));
            changed = true;
        }
        if (!changed) {
            return group;
        }
        cache.put(
                new GroupKey(group.appId(), group.groupingVersion(), group.fingerprint()),
                new GroupState(group.id(), status, resolvedInVersion, discardNew));
        return handle.createQuery(UPDATE)
                .bind("status", status.code())
                .bind("resolvedInVersion", resolvedInVersion)
                .bind("discardNew", discardNew)
                .bind("assigneeId", assigneeId)
                .bind("id", group.id())
                .map((row, context) -> GroupRows.group(row))
                .one();
    }

    private void record(
            Handle handle,
            Group group,
            Activity.Kind kind,
            GroupStatus status,
            String resolvedInVersion,
            Long assigneeId) {
        new InsertActivity(group.id(), at, kind, actor, status, resolvedInVersion, assigneeId, null).execute(handle);
    }

    /** The details every activity notification has: who. */
    private Map<String, String> details() {
        Map<String, String> details = new HashMap<>();
        if (actor.name() != null) {
            details.put("user", actor.name());
        }
        return details;
    }

    private NewNotification notification(Group group, EventType type, Map<String, String> details) {
        return new NewNotification(group.appId(), group.id(), null, type, details, at);
    }

    private static Optional<String> email(Handle handle, long userId) {
        return handle.createQuery("SELECT email FROM users WHERE id = :id")
                .bind("id", userId)
                .mapTo(String.class)
                .findOne();
    }
}
