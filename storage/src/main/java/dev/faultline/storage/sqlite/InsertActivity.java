package dev.faultline.storage.sqlite;

import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.store.Activity;
import dev.faultline.core.store.Actor;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Records one entry of a group's history, made by {@code actor}; see {@link Activity}. */
record InsertActivity(
        long groupId,
        Instant at,
        Activity.Kind kind,
        Actor actor,
        GroupStatus status,
        String resolvedInVersion,
        Long assigneeId,
        String text) {
    private static final String SQL = "INSERT INTO group_activity (group_id, at, kind, actor_id, actor_name, status,"
            + " resolved_in_version, assignee_id, text) VALUES (:groupId, :at, :kind, :actorId, :actorName, :status,"
            + " :resolvedInVersion, :assigneeId, :text) RETURNING " + ActivityRows.COLUMNS;

    Activity execute(Handle handle) {
        return handle.createQuery(SQL)
                .bind("groupId", groupId)
                .bind("at", at.toEpochMilli())
                .bind("kind", kind.code())
                .bind("actorId", actor.userId())
                .bind("actorName", actor.name())
                .bind("status", status == null ? null : status.code())
                .bind("resolvedInVersion", resolvedInVersion)
                .bind("assigneeId", assigneeId)
                .bind("text", text)
                .map((row, context) -> ActivityRows.activity(row))
                .one();
    }
}
