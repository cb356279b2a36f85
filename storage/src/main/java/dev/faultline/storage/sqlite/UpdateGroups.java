package dev.faultline.storage.sqlite;

import dev.faultline.core.model.Group;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.store.Activity;
import dev.faultline.core.store.Actor;
import dev.faultline.core.store.GroupChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Applies a triage change to groups, in the writer's transaction: writes each group's new state,
 * records what actually changed in its activity, and puts the new state in the writer's cache, so
 * that the next batch discards or reopens by it. Answers the groups as they are afterwards, in the
 * order asked for, skipping ids that name no group.
 */
record UpdateGroups(Collection<Long> groupIds, GroupChange change, Actor actor, Instant at) {
    private static final String SELECT = "SELECT " + GroupRows.COLUMNS + " FROM error_groups WHERE id = :id";
    private static final String UPDATE = "UPDATE error_groups SET status = :status,"
            + " resolved_in_version = :resolvedInVersion, discard_new = :discardNew, assignee_id = :assigneeId"
            + " WHERE id = :id RETURNING " + GroupRows.COLUMNS;

    List<Group> execute(Handle handle, GroupCache cache) {
        if (change.assign() && change.assigneeId() != null && !userExists(handle, change.assigneeId())) {
            throw new IllegalArgumentException("no user " + change.assigneeId());
        }
        List<Group> after = new ArrayList<>();
        for (long groupId : new LinkedHashSet<>(groupIds)) {
            Optional<Group> found = handle.createQuery(SELECT)
                    .bind("id", groupId)
                    .map((row, context) -> GroupRows.group(row))
                    .findOne();
            found.ifPresent(group -> after.add(apply(handle, cache, group)));
        }
        Map<Long, List<String>> versions = new SelectRecentVersions(
                        after.stream().map(Group::id).toList(), GroupRows.GROUP_VERSIONS)
                .execute(handle);
        return after.stream()
                .map(group -> group.withVersions(versions.getOrDefault(group.id(), List.of())))
                .toList();
    }

    private Group apply(Handle handle, GroupCache cache, Group group) {
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
            changed = true;
        }
        if (change.assign() && !Objects.equals(change.assigneeId(), assigneeId)) {
            assigneeId = change.assigneeId();
            record(handle, group, Activity.Kind.ASSIGNED, null, null, assigneeId);
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

    private static boolean userExists(Handle handle, long userId) {
        return handle.createQuery("SELECT 1 FROM users WHERE id = :id")
                .bind("id", userId)
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
    }
}
