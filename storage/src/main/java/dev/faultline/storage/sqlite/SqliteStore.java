package dev.faultline.storage.sqlite;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.ApiToken;
import dev.faultline.core.account.Invite;
import dev.faultline.core.account.Member;
import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.account.User;
import dev.faultline.core.account.WebSession;
import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.ingest.IngestItem;
import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.notify.Delivery;
import dev.faultline.core.notify.EmailChoice;
import dev.faultline.core.notify.FollowUp;
import dev.faultline.core.notify.Mailbox;
import dev.faultline.core.notify.Notification;
import dev.faultline.core.notify.Outbox;
import dev.faultline.core.notify.Outcome;
import dev.faultline.core.notify.Webhook;
import dev.faultline.core.store.Activity;
import dev.faultline.core.store.Actor;
import dev.faultline.core.store.Attachment;
import dev.faultline.core.store.AttachmentContent;
import dev.faultline.core.store.EventSummary;
import dev.faultline.core.store.GroupChange;
import dev.faultline.core.store.GroupDetail;
import dev.faultline.core.store.GroupDetail.HourCount;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.core.store.Page;
import dev.faultline.core.store.SessionDay;
import dev.faultline.core.store.Store;
import dev.faultline.core.store.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The single-node {@link Store}, {@link Accounts} and {@link Outbox}: one SQLite file in WAL mode. Every write goes
 * through one connection, one transaction per call, taking turns on one lock; reads use connections
 * of their own and never wait for the writer. Several processes may open the same file (the CLI
 * beside a running server); SQLite's file locks order their writes. Thread-safe.
 */
public final class SqliteStore implements Store, Accounts, Outbox, Mailbox {
    private static final int MAX_IDLE_READERS = 4;

    private final SqliteWriter writer;
    private final ReadConnections readConnections;
    private final Reader reader;
    private final SqliteAccounts accounts;
    private final SqliteOutbox outbox;
    private final SqliteMailbox mailbox;

    private SqliteStore(SqliteWriter writer, ReadConnections readConnections) {
        this.writer = writer;
        this.readConnections = readConnections;
        this.reader = new Reader(readConnections);
        this.accounts = new SqliteAccounts(writer, reader);
        this.outbox = new SqliteOutbox(writer, reader);
        this.mailbox = new SqliteMailbox(writer, reader);
    }

    /**
     * Opens the database in {@code databaseFile}, creating the file and its folders when missing and
     * bringing its schema up to date.
     */
    public static SqliteStore open(Path databaseFile) {
        Path file = requireNonNull(databaseFile, "databaseFile").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        }
        SqliteConnections connections = new SqliteConnections(file);
        SqliteMigrations.migrate(file, connections);
        try {
            return new SqliteStore(
                    new SqliteWriter(connections.openWriter()), new ReadConnections(connections, MAX_IDLE_READERS));
        } catch (SQLException e) {
            throw new SqliteException("opening " + file, e);
        }
    }

    // ---- apps and tokens

    @Override
    public App createApp(String name, String apiKey, String appSecret) {
        return insertApp(null, name, apiKey, appSecret);
    }

    @Override
    public App createApp(long teamId, String name, String apiKey, String appSecret) {
        return insertApp(teamId, name, apiKey, appSecret);
    }

    private App insertApp(Long teamId, String name, String apiKey, String appSecret) {
        requireNonNull(name, "name");
        requireNonNull(apiKey, "apiKey");
        requireNonNull(appSecret, "appSecret");
        return writer.inTransaction(new InsertApp(teamId, name, apiKey, lowerCase(appSecret), Instant.now())::execute);
    }

    @Override
    public Optional<App> renameApp(long appId, String name) {
        requireNonNull(name, "name");
        return updateApp(appId, "name = :value", name);
    }

    @Override
    public Optional<App> setRetention(long appId, Integer days) {
        if (days != null && days < 1) {
            throw new IllegalArgumentException("days must be at least 1");
        }
        return updateApp(appId, "retention_days = :value", days);
    }

    @Override
    public Optional<App> setRateLimit(long appId, Integer perMinute) {
        if (perMinute != null && perMinute < 0) {
            throw new IllegalArgumentException("perMinute must not be negative");
        }
        return updateApp(appId, "rate_limit_per_minute = :value", perMinute);
    }

    private Optional<App> updateApp(long appId, String assignment, Object value) {
        return writer.inTransaction(handle -> handle.createQuery(
                        "UPDATE apps SET " + assignment + " WHERE id = :id RETURNING " + AppRows.COLUMNS)
                .bind("value", value)
                .bind("id", appId)
                .map((row, context) -> AppRows.app(row))
                .findOne());
    }

    @Override
    public Optional<App> rotateApiKey(long appId, String newApiKey, Instant oldKeyExpires) {
        requireNonNull(newApiKey, "newApiKey");
        requireNonNull(oldKeyExpires, "oldKeyExpires");
        return writer.inTransaction(
                new RotateKey(appId, KeyKind.API_KEY, newApiKey, oldKeyExpires, Instant.now())::execute);
    }

    @Override
    public Optional<App> rotateAppSecret(long appId, String newAppSecret, Instant oldSecretExpires) {
        requireNonNull(newAppSecret, "newAppSecret");
        requireNonNull(oldSecretExpires, "oldSecretExpires");
        return writer.inTransaction(new RotateKey(
                appId, KeyKind.APP_SECRET, lowerCase(newAppSecret), oldSecretExpires, Instant.now())::execute);
    }

    @Override
    public List<RetiredKey> retiredKeys(long appId) {
        return reader.read(new SelectRetiredKeys(appId, Instant.now())::execute);
    }

    @Override
    public List<App> apps() {
        return reader.read(handle -> handle.createQuery("SELECT " + AppRows.COLUMNS + " FROM apps ORDER BY id")
                .map((row, context) -> AppRows.app(row))
                .list());
    }

    @Override
    public Optional<App> app(long id) {
        return reader.read(handle -> handle.createQuery("SELECT " + AppRows.COLUMNS + " FROM apps WHERE id = :id")
                .bind("id", id)
                .map((row, context) -> AppRows.app(row))
                .findOne());
    }

    @Override
    public Optional<App> appByApiKey(String apiKey) {
        requireNonNull(apiKey, "apiKey");
        return reader.read(new SelectAppByKey(KeyKind.API_KEY, apiKey, Instant.now())::execute);
    }

    @Override
    public Optional<App> appByAppSecret(String appSecret) {
        requireNonNull(appSecret, "appSecret");
        return reader.read(new SelectAppByKey(KeyKind.APP_SECRET, lowerCase(appSecret), Instant.now())::execute);
    }

    @Override
    public void createToken(String name, String tokenHash) {
        accounts.createToken(name, tokenHash, null);
    }

    @Override
    public boolean tokenExists(String tokenHash) {
        return accounts.token(tokenHash).isPresent();
    }

    // ---- the write path

    @Override
    public List<Stored> write(List<? extends IngestItem> batch) {
        requireNonNull(batch, "batch");
        if (batch.isEmpty()) {
            return List.of();
        }
        return writer.write(batch);
    }

    @Override
    public void addDrops(Map<DropKey, Long> counts) {
        requireNonNull(counts, "counts");
        if (!counts.isEmpty()) {
            writer.execute(new UpsertDrops(counts));
        }
    }

    // ---- reads

    @Override
    public Page<Group> groups(GroupQuery query) {
        requireNonNull(query, "query");
        return reader.read(new SelectGroupPage(query)::execute);
    }

    @Override
    public Optional<GroupDetail> group(long groupId) {
        return reader.read(new SelectGroupDetail(groupId)::execute);
    }

    @Override
    public Page<EventSummary> events(long groupId, String cursor, int limit) {
        return reader.read(new SelectEventPage(groupId, cursor, limit)::execute);
    }

    @Override
    public Optional<StoredEvent> event(long eventId) {
        return reader.read(new SelectEvent(eventId)::execute);
    }

    @Override
    public List<Attachment> attachments(long eventId) {
        return reader.read(new SelectAttachments(eventId)::execute);
    }

    @Override
    public Optional<AttachmentContent> attachment(long eventId, String attachmentId) {
        requireNonNull(attachmentId, "attachmentId");
        return reader.read(new SelectAttachmentContent(eventId, attachmentId)::execute);
    }

    @Override
    public List<SessionDay> sessions(long appId, String version) {
        return reader.read(new SelectSessionDays(appId, version)::execute);
    }

    @Override
    public Map<DropReason, Long> drops(long appId) {
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        reader.read(handle -> handle.createQuery("SELECT reason, dropped FROM drops WHERE app_id = :appId")
                        .bind("appId", appId)
                        .map((row, context) -> Map.entry(row.getString(1), row.getLong(2)))
                        .list())
                .forEach(drop -> drops.put(DropReason.fromCode(drop.getKey()), drop.getValue()));
        return drops;
    }

    @Override
    public Map<Long, List<HourCount>> hourly(Collection<Long> groupIds, Instant since) {
        requireNonNull(groupIds, "groupIds");
        requireNonNull(since, "since");
        return reader.read(new SelectHourCounts(groupIds, since, null)::execute);
    }

    @Override
    public List<HourCount> hourly(long groupId, Instant since, Instant until) {
        requireNonNull(since, "since");
        requireNonNull(until, "until");
        return reader.read(new SelectHourCounts(List.of(groupId), since, until)::execute)
                .get(groupId);
    }

    @Override
    public Page<String> affectedUsers(long groupId, String cursor, int limit) {
        return reader.read(new SelectAffectedUsers(groupId, cursor, limit)::execute);
    }

    @Override
    public Neighbours neighbours(long eventId) {
        return reader.read(new SelectNeighbours(eventId)::execute);
    }

    @Override
    public Optional<Long> latestEvent(long groupId) {
        return reader.read(handle -> handle.createQuery("SELECT max(id) FROM events WHERE group_id = :groupId")
                .bind("groupId", groupId)
                .mapTo(Long.class)
                .findOne());
    }

    // ---- triage

    @Override
    public List<Group> updateGroups(Collection<Long> groupIds, GroupChange change, Actor actor) {
        requireNonNull(groupIds, "groupIds");
        requireNonNull(change, "change");
        requireNonNull(actor, "actor");
        return writer.inTransactionWithGroups(new UpdateGroups(groupIds, change, actor, Instant.now())::execute);
    }

    @Override
    public Optional<Activity> comment(long groupId, String text, Actor actor) {
        requireNonNull(text, "text");
        requireNonNull(actor, "actor");
        return writer.inTransactionWithStatements(new InsertComment(groupId, text, actor, Instant.now())::execute);
    }

    @Override
    public List<Activity> activity(long groupId) {
        return reader.read(handle -> handle.createQuery(
                        "SELECT " + ActivityRows.COLUMNS + " FROM group_activity WHERE group_id = :groupId ORDER BY id")
                .bind("groupId", groupId)
                .map((row, context) -> ActivityRows.activity(row))
                .list());
    }

    // ---- retention

    @Override
    public int deleteOldEvents(long appId, Instant cutoff, int limit) {
        requireNonNull(cutoff, "cutoff");
        return writer.execute(new DeleteOldEvents(appId, cutoff, limit));
    }

    // ---- accounts (SqliteAccounts)

    @Override
    public User createUser(String email, String passwordHash, boolean admin) {
        return accounts.createUser(email, passwordHash, admin);
    }

    @Override
    public long userCount() {
        return accounts.userCount();
    }

    @Override
    public List<User> users() {
        return accounts.users();
    }

    @Override
    public Optional<User> user(long id) {
        return accounts.user(id);
    }

    @Override
    public Optional<User> userByEmail(String email) {
        return accounts.userByEmail(email);
    }

    @Override
    public Optional<String> passwordHash(long userId) {
        return accounts.passwordHash(userId);
    }

    @Override
    public void setPasswordHash(long userId, String passwordHash) {
        accounts.setPasswordHash(userId, passwordHash);
    }

    @Override
    public Team createTeam(String name) {
        return accounts.createTeam(name);
    }

    @Override
    public List<Team> teams() {
        return accounts.teams();
    }

    @Override
    public Optional<Team> team(long id) {
        return accounts.team(id);
    }

    @Override
    public void setMember(long teamId, long userId, Role role) {
        accounts.setMember(teamId, userId, role);
    }

    @Override
    public void removeMember(long teamId, long userId) {
        accounts.removeMember(teamId, userId);
    }

    @Override
    public List<Member> members(long teamId) {
        return accounts.members(teamId);
    }

    @Override
    public Map<Long, Role> memberships(long userId) {
        return accounts.memberships(userId);
    }

    @Override
    public void createSession(WebSession session) {
        accounts.createSession(session);
    }

    @Override
    public Optional<WebSession> session(String tokenHash, Instant now) {
        return accounts.session(tokenHash, now);
    }

    @Override
    public void deleteSession(String tokenHash) {
        accounts.deleteSession(tokenHash);
    }

    @Override
    public void deleteSessions(long userId) {
        accounts.deleteSessions(userId);
    }

    @Override
    public void createInvite(Invite invite) {
        accounts.createInvite(invite);
    }

    @Override
    public Optional<Invite> invite(String tokenHash, Instant now) {
        return accounts.invite(tokenHash, now);
    }

    @Override
    public boolean useInvite(String tokenHash, Instant now) {
        return accounts.useInvite(tokenHash, now);
    }

    @Override
    public List<Invite> invites(long teamId, Instant now) {
        return accounts.invites(teamId, now);
    }

    @Override
    public boolean deleteInvite(String tokenHash, long teamId) {
        return accounts.deleteInvite(tokenHash, teamId);
    }

    @Override
    public ApiToken createToken(String name, String tokenHash, Long userId) {
        return accounts.createToken(name, tokenHash, userId);
    }

    @Override
    public Optional<ApiToken> token(String tokenHash) {
        return accounts.token(tokenHash);
    }

    @Override
    public List<ApiToken> tokens(long userId) {
        return accounts.tokens(userId);
    }

    @Override
    public boolean deleteToken(long tokenId, long userId) {
        return accounts.deleteToken(tokenId, userId);
    }

    // ---- webhooks and their deliveries (SqliteOutbox)

    @Override
    public Webhook createWebhook(Webhook webhook) {
        return outbox.createWebhook(webhook);
    }

    @Override
    public Optional<Webhook> updateWebhook(Webhook webhook) {
        return outbox.updateWebhook(webhook);
    }

    @Override
    public boolean deleteWebhook(long webhookId) {
        return outbox.deleteWebhook(webhookId);
    }

    @Override
    public Optional<Webhook> webhook(long webhookId) {
        return outbox.webhook(webhookId);
    }

    @Override
    public List<Webhook> webhooks(long appId) {
        return outbox.webhooks(appId);
    }

    @Override
    public List<Delivery> due(Instant now, int limit) {
        return outbox.due(now, limit);
    }

    @Override
    public void record(List<Outcome> outcomes) {
        outbox.record(outcomes);
    }

    @Override
    public List<Delivery> deliveries(long webhookId, int limit) {
        return outbox.deliveries(webhookId, limit);
    }

    @Override
    public Optional<Delivery> delivery(long deliveryId) {
        return outbox.delivery(deliveryId);
    }

    @Override
    public boolean resend(long deliveryId, Instant now) {
        return outbox.resend(deliveryId, now);
    }

    @Override
    public List<FollowUp> dueFollowUps(Instant now, int limit) {
        return outbox.dueFollowUps(now, limit);
    }

    @Override
    public boolean sendFollowUp(FollowUp followUp, Notification notification, Instant nextAt) {
        return outbox.sendFollowUp(followUp, notification, nextAt);
    }

    @Override
    public void endFollowUps(List<FollowUp> followUps) {
        outbox.endFollowUps(followUps);
    }

    @Override
    public Delivery enqueueTest(long webhookId, Notification notification) {
        return outbox.enqueueTest(webhookId, notification);
    }

    // ---- email choices, alerts and digests (SqliteMailbox)

    @Override
    public Map<Long, EmailChoice> emailChoices(long userId) {
        return mailbox.emailChoices(userId);
    }

    @Override
    public void setEmailChoice(long userId, long appId, EmailChoice choice) {
        mailbox.setEmailChoice(userId, appId, choice);
    }

    @Override
    public List<User> alertRecipients(long appId) {
        return mailbox.alertRecipients(appId);
    }

    @Override
    public Map<User, List<Long>> digestRecipients() {
        return mailbox.digestRecipients();
    }

    @Override
    public List<Notification> pendingAlerts(int limit) {
        return mailbox.pendingAlerts(limit);
    }

    @Override
    public void alertsSent(long notificationId) {
        mailbox.alertsSent(notificationId);
    }

    @Override
    public Optional<Instant> lastDigest(long userId) {
        return mailbox.lastDigest(userId);
    }

    @Override
    public void digestSent(long userId, Instant at) {
        mailbox.digestSent(userId, at);
    }

    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            try {
                readConnections.close();
            } catch (SQLException e) {
                throw new SqliteException("closing the read connections", e);
            }
        }
    }

    /** Secrets are kept and compared lower-case: SDKs send them in whatever case they were configured in. */
    private static String lowerCase(String appSecret) {
        return appSecret.toLowerCase(Locale.ROOT);
    }
}
