package dev.faultline.storage.sqlite;

import dev.faultline.core.notify.EventType;
import dev.faultline.core.notify.FollowUp;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Writes notifications to the outbox and fans each out into one pending delivery, due at once,
 * per enabled webhook of its app that takes its type: one INSERT ... SELECT for all of them, which
 * finds nothing (by the index on the app) when the app has no webhooks. Runs in the transaction
 * that caused the notifications, under the writer's lock, which makes the ids after the largest
 * one before the insert exactly this call's notifications. A new-error or reoccurred notification
 * also starts its group's follow-up sequence (replacing a running one), counting the group's
 * occurrences as of this batch, when the app has an enabled webhook taking a follow-up type (all
 * their wire names, and no others, contain {@code FollowUp}): an app without one pays nothing
 * more, and no scheduler work later.
 */
record InsertNotifications(List<NewNotification> notifications) implements WriteStatement<Void> {
    private static final String LAST_ID = "SELECT coalesce(max(id), 0) FROM notifications";
    private static final String INSERT =
            "INSERT INTO notifications (app_id, group_id, event_id, type, details, at)" + " VALUES (?, ?, ?, ?, ?, ?)";
    static final String FAN_OUT =
            "INSERT INTO webhook_deliveries (webhook_id, notification_id, group_id, state, due_at, attempts)"
                    + " SELECT w.id, n.id, n.group_id, 'pending', n.at, 0"
                    + " FROM notifications n JOIN webhooks w ON w.app_id = n.app_id"
                    + " WHERE n.id > ? AND w.enabled = 1"
                    + " AND instr(',' || w.events || ',', ',' || n.type || ',') > 0"
                    + " ORDER BY n.id, w.id";
    static final String START_FOLLOW_UPS =
            "INSERT OR REPLACE INTO follow_ups (group_id, app_id, started_at, step, next_at, occurrences)"
                    + " SELECT n.group_id, n.app_id, n.at, 0, n.at + ?, g.occurrences"
                    + " FROM notifications n JOIN error_groups g ON g.id = n.group_id"
                    + " WHERE n.id > ? AND n.type IN ('NewErrorOccurred', 'ErrorReoccurred')"
                    + " AND EXISTS (SELECT 1 FROM webhooks w WHERE w.app_id = n.app_id AND w.enabled = 1"
                    + " AND instr(w.events, 'FollowUp') > 0)";

    @Override
    public Void execute(StatementCache statements) throws SQLException {
        if (notifications.isEmpty()) {
            return null;
        }
        long lastId;
        try (ResultSet rows = statements.prepare(LAST_ID).executeQuery()) {
            rows.next();
            lastId = rows.getLong(1);
        }
        PreparedStatement insert = statements.prepare(INSERT);
        for (NewNotification notification : notifications) {
            insert.setLong(1, notification.appId());
            insert.setLong(2, notification.groupId());
            if (notification.eventId() == null) {
                insert.setNull(3, Types.INTEGER);
            } else {
                insert.setLong(3, notification.eventId());
            }
            insert.setString(4, notification.type().wireName());
            insert.setString(5, DetailsJson.encode(notification.details()));
            insert.setLong(6, notification.at().toEpochMilli());
            insert.addBatch();
        }
        insert.executeBatch();
        PreparedStatement fanOut = statements.prepare(FAN_OUT);
        fanOut.setLong(1, lastId);
        fanOut.executeUpdate();
        if (notifications.stream().anyMatch(InsertNotifications::startsFollowUps)) {
            PreparedStatement start = statements.prepare(START_FOLLOW_UPS);
            start.setLong(1, FollowUp.offset(0).toMillis());
            start.setLong(2, lastId);
            start.executeUpdate();
        }
        return null;
    }

    private static boolean startsFollowUps(NewNotification notification) {
        return notification.type() == EventType.NEW_ERROR_OCCURRED || notification.type() == EventType.ERROR_REOCCURRED;
    }

    /** Runs in a transaction of the writer outside the write path (triage, comments). */
    void run(StatementCache statements) {
        try {
            execute(statements);
        } catch (SQLException e) {
            throw new SqliteException(this, e);
        }
    }

    @Override
    public String toString() {
        return "InsertNotifications" + notifications;
    }
}
