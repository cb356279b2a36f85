package dev.faultline.storage.sqlite;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.User;
import dev.faultline.core.notify.EmailChoice;
import dev.faultline.core.notify.EventType;
import dev.faultline.core.notify.Mailbox;
import dev.faultline.core.notify.Notification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Mailbox} in the store's SQLite file, written through the store's one writer and read on
 * its read connections; {@link SqliteStore} hands every call here. Thread-safe.
 */
final class SqliteMailbox implements Mailbox {
    private static final String MEMBER_CHOICES = " FROM email_choices c JOIN users u ON u.id = c.user_id"
            + " JOIN apps a ON a.id = c.app_id"
            + " JOIN memberships m ON m.team_id = a.team_id AND m.user_id = c.user_id";
    private static final String USER_COLUMNS =
            "u.id, u.email, u.admin, u.password_hash IS NOT NULL AS password_set," + " u.created_at";
    private static final String PENDING_ALERTS = "SELECT id, app_id, group_id, event_id, type, at FROM notifications"
            + " WHERE id > (SELECT notification_id FROM email_cursors WHERE name = 'alerts') AND test = 0"
            + " AND type IN ('" + EventType.NEW_ERROR_OCCURRED.wireName() + "', '"
            + EventType.ERROR_REOCCURRED.wireName() + "') ORDER BY id LIMIT :limit";

    private final SqliteWriter writer;
    private final Reader reader;

    SqliteMailbox(SqliteWriter writer, Reader reader) {
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public Map<Long, EmailChoice> emailChoices(long userId) {
        return reader.read(handle -> handle.createQuery(
                        "SELECT app_id, alerts, digest FROM email_choices WHERE user_id = :userId ORDER BY app_id")
                .bind("userId", userId)
                .reduceResultSet(new LinkedHashMap<Long, EmailChoice>(), (choices, row, context) -> {
                    choices.put(row.getLong(1), new EmailChoice(row.getBoolean(2), row.getBoolean(3)));
                    return choices;
                }));
    }

    @Override
    public void setEmailChoice(long userId, long appId, EmailChoice choice) {
        requireNonNull(choice, "choice");
        writer.inTransaction(handle -> choice.any()
                ? handle.createUpdate("INSERT INTO email_choices (user_id, app_id, alerts, digest)"
                                + " VALUES (:userId, :appId, :alerts, :digest) ON CONFLICT (user_id, app_id)"
                                + " DO UPDATE SET alerts = excluded.alerts, digest = excluded.digest")
                        .bind("userId", userId)
                        .bind("appId", appId)
                        .bind("alerts", choice.alerts())
                        .bind("digest", choice.digest())
                        .execute()
                : handle.createUpdate("DELETE FROM email_choices WHERE user_id = :userId AND app_id = :appId")
                        .bind("userId", userId)
                        .bind("appId", appId)
                        .execute());
    }

    @Override
    public List<User> alertRecipients(long appId) {
        return reader.read(handle -> handle.createQuery("SELECT " + USER_COLUMNS + MEMBER_CHOICES
                        + " WHERE c.app_id = :appId AND c.alerts = 1 ORDER BY u.email")
                .bind("appId", appId)
                .map((row, context) -> SqliteAccounts.user(row))
                .list());
    }

    @Override
    public Map<User, List<Long>> digestRecipients() {
        return reader.read(handle -> handle.createQuery("SELECT " + USER_COLUMNS + ", c.app_id" + MEMBER_CHOICES
                        + " WHERE c.digest = 1 ORDER BY u.id, c.app_id")
                .reduceResultSet(new LinkedHashMap<User, List<Long>>(), (recipients, row, context) -> {
                    recipients
                            .computeIfAbsent(SqliteAccounts.user(row), user -> new ArrayList<>())
                            .add(row.getLong("app_id"));
                    return recipients;
                }));
    }

    @Override
    public List<Notification> pendingAlerts(int limit) {
        return reader.read(handle -> handle.createQuery(PENDING_ALERTS)
                .bind("limit", limit)
                .map((row, context) -> new Notification(
                        row.getLong("id"),
                        row.getLong("app_id"),
                        row.getLong("group_id"),
                        Columns.nullableLong(row, "event_id"),
                        EventType.fromWireName(row.getString("type")).orElseThrow(),
                        Map.of(),
                        Instant.ofEpochMilli(row.getLong("at"))))
                .list());
    }

    /** Never moves the cursor back, so a late caller cannot make alerts go out twice. */
    @Override
    public void alertsSent(long notificationId) {
        writer.inTransaction(handle -> handle.createUpdate("UPDATE email_cursors SET notification_id = :id"
                        + " WHERE name = 'alerts' AND notification_id < :id")
                .bind("id", notificationId)
                .execute());
    }

    @Override
    public Optional<Instant> lastDigest(long userId) {
        return reader.read(handle -> handle.createQuery("SELECT sent_at FROM email_digests WHERE user_id = :userId")
                .bind("userId", userId)
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
    }

    @Override
    public void digestSent(long userId, Instant at) {
        requireNonNull(at, "at");
        writer.inTransaction(handle -> handle.createUpdate("INSERT INTO email_digests (user_id, sent_at)"
                        + " VALUES (:userId, :at) ON CONFLICT (user_id) DO UPDATE SET sent_at = excluded.sent_at")
                .bind("userId", userId)
                .bind("at", at.toEpochMilli())
                .execute());
    }
}
