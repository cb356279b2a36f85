package dev.faultline.storage.sqlite;

import dev.faultline.core.notify.EventType;
import dev.faultline.core.store.Activity;
import dev.faultline.core.store.Actor;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Adds a comment to a group's activity, and to the outbox ({@link EventType#COMMENT_ADDED}); empty
 * when there is no such group.
 */
record InsertComment(long groupId, String text, Actor actor, Instant at) {

    Optional<Activity> execute(Handle handle, StatementCache statements) {
        Optional<Long> appId = handle.createQuery("SELECT app_id FROM error_groups WHERE id = :id")
                .bind("id", groupId)
                .mapTo(Long.class)
                .findOne();
        if (appId.isEmpty()) {
            return Optional.empty();
        }
        Activity comment =
                new InsertActivity(groupId, at, Activity.Kind.COMMENTED, actor, null, null, null, text).execute(handle);
        Map<String, String> details = new HashMap<>();
        if (actor.name() != null) {
            details.put("user", actor.name());
        }
        details.put("comment", text);
        new InsertNotifications(
                        List.of(new NewNotification(appId.get(), groupId, null, EventType.COMMENT_ADDED, details, at)))
                .run(statements);
        return Optional.of(comment);
    }
}
