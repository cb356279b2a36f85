package dev.faultline.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes up to {@code limit} of an app's events received before {@code cutoff}, with the
 * attachments that name them, and the app's sessions first seen on a day before the cutoff's; see
 * {@link dev.faultline.core.store.Store#deleteOldEvents}. Group counters (hours, versions, users,
 * facets) stay.
 *
 * <p>{@code events} has no index on its time, since every report would pay for it. So the app's
 * groups are walked instead (only those first seen before the cutoff can hold an old event), and
 * in each group its events oldest first along {@code events_by_group} (group_id, id), stopping at
 * the first one received at or after the cutoff. Ids follow the order in which the writer stored
 * reports, which can differ from their receipt by a few milliseconds across batches, so an event
 * just older than the cutoff may outlive it until the next run. Sessions are deleted one version at
 * a time along {@code sessions_by_version_day} (app_id, version, day), so that only what goes is
 * read.
 */
record DeleteOldEvents(long appId, Instant cutoff, int limit) implements WriteStatement<Integer> {
    private static final long DAY_MILLIS = 86_400_000L;

    private static final String GROUPS =
            "SELECT id FROM error_groups WHERE app_id = ? AND first_seen < ? ORDER BY first_seen";
    private static final String OLDEST_EVENTS =
            "SELECT id, received_at, log_id FROM events WHERE group_id = ? ORDER BY id LIMIT ?";
    private static final String DELETE_EVENT = "DELETE FROM events WHERE id = ?";
    private static final String DELETE_ATTACHMENTS = "DELETE FROM attachments WHERE app_id = ? AND error_id = ?";
    private static final String FIRST_VERSION = "SELECT min(version) FROM sessions WHERE app_id = ?";
    private static final String NEXT_VERSION = "SELECT min(version) FROM sessions WHERE app_id = ? AND version > ?";
    private static final String DELETE_SESSIONS = "DELETE FROM sessions WHERE app_id = ? AND version = ? AND day < ?";

    DeleteOldEvents {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    @Override
    public Integer execute(StatementCache statements) throws SQLException {
        List<Long> eventIds = new ArrayList<>();
        List<String> logIds = new ArrayList<>();
        for (long groupId : oldGroups(statements)) {
            if (eventIds.size() >= limit) {
                break;
            }
            PreparedStatement oldest = statements.prepare(OLDEST_EVENTS);
            oldest.setLong(1, groupId);
            oldest.setLong(2, limit - eventIds.size());
            try (ResultSet rows = oldest.executeQuery()) {
                while (rows.next() && rows.getLong(2) < cutoff.toEpochMilli()) {
                    eventIds.add(rows.getLong(1));
                    String logId = rows.getString(3);
                    if (logId != null) {
                        logIds.add(logId);
                    }
                }
            }
        }
        if (!eventIds.isEmpty()) {
            PreparedStatement events = statements.prepare(DELETE_EVENT);
            for (long eventId : eventIds) {
                events.setLong(1, eventId);
                events.addBatch();
            }
            events.executeBatch();
        }
        if (!logIds.isEmpty()) {
            PreparedStatement attachments = statements.prepare(DELETE_ATTACHMENTS);
            for (String logId : logIds) {
                attachments.setLong(1, appId);
                attachments.setString(2, logId);
                attachments.addBatch();
            }
            attachments.executeBatch();
        }
        deleteSessions(statements);
        return eventIds.size();
    }

    private List<Long> oldGroups(StatementCache statements) throws SQLException {
        PreparedStatement groups = statements.prepare(GROUPS);
        groups.setLong(1, appId);
        groups.setLong(2, cutoff.toEpochMilli());
        List<Long> ids = new ArrayList<>();
        try (ResultSet rows = groups.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private void deleteSessions(StatementCache statements) throws SQLException {
        long cutoffDay = Math.floorDiv(cutoff.toEpochMilli(), DAY_MILLIS);
        PreparedStatement delete = statements.prepare(DELETE_SESSIONS);
        String version = firstVersion(statements.prepare(FIRST_VERSION));
        while (version != null) {
            delete.setLong(1, appId);
            delete.setString(2, version);
            delete.setLong(3, cutoffDay);
            delete.executeUpdate();
            PreparedStatement next = statements.prepare(NEXT_VERSION);
            next.setString(2, version);
            version = firstVersion(next);
        }
    }

    /** The least version the statement finds, its first parameter being the app. */
    private String firstVersion(PreparedStatement select) throws SQLException {
        select.setLong(1, appId);
        try (ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Override
    public String toString() {
        return "DeleteOldEvents[app " + appId + ", before " + cutoff + ", limit " + limit + "]";
    }
}
