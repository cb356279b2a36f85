package dev.faultline.storage.sqlite;

import dev.faultline.core.store.Activity;
import dev.faultline.core.store.Actor;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Adds a comment to a group's activity; empty when there is no such group. */
record InsertComment(long groupId, String text, Actor actor, Instant at) {

    Optional<Activity> execute(Handle handle) {
        boolean exists = handle.createQuery("SELECT 1 FROM error_groups WHERE id = :id")
                .bind("id", groupId)
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
        if (!exists) {
            return Optional.empty();
        }
        return Optional.of(new InsertActivity(groupId, at, Activity.Kind.COMMENTED, actor, null, null, null, text)
                .execute(handle));
    }
}
