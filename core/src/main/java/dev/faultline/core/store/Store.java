package dev.faultline.core.store;

import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.ingest.IngestItem;
import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where reports, groups and apps live. Implementations are thread-safe. Every method does I/O;
 * reads never wait for {@link #write}. Several processes may open the same store (the CLI beside a
 * running server): a read sees everything committed before it started.
 *
 * <p>The contract is pinned by the abstract tests in {@code storage-testkit}.
 */
public interface Store extends AutoCloseable {

    // ---- apps and tokens

    /**
     * Creates an app; fails with {@link IllegalArgumentException} when the API key or the app secret
     * is taken.
     */
    App createApp(String name, String apiKey, String appSecret);

    /** Creates an app with a random App Center secret. */
    default App createApp(String name, String apiKey) {
        return createApp(name, apiKey, UUID.randomUUID().toString());
    }

    /**
     * Creates an app owned by a team; fails with {@link IllegalArgumentException} when the API key
     * or the app secret is taken or the team does not exist. The three-argument form gives the app
     * to the oldest team, creating a team named "Default" when there is none.
     */
    App createApp(long teamId, String name, String apiKey, String appSecret);

    Optional<App> renameApp(long appId, String name);

    /** Sets or clears ({@code null}) how many days an app's events are kept. */
    Optional<App> setRetention(long appId, Integer days);

    /**
     * Gives an app a new API key; the old one keeps identifying the app until {@code oldKeyExpires}
     * (see {@link #appByApiKey}). Fails with {@link IllegalArgumentException} when the key is taken.
     */
    Optional<App> rotateApiKey(long appId, String newApiKey, Instant oldKeyExpires);

    /** As {@link #rotateApiKey}, for the App Center secret. */
    Optional<App> rotateAppSecret(long appId, String newAppSecret, Instant oldSecretExpires);

    /** An app's keys and secrets that were rotated out and still work, with when they stop. */
    List<RetiredKey> retiredKeys(long appId);

    /** Every app, oldest first. */
    List<App> apps();

    Optional<App> app(long id);

    /** The app with this API key, or with this retired key while its grace period lasts. */
    Optional<App> appByApiKey(String apiKey);

    /**
     * The app with this App Center secret, or with this retired secret while its grace period
     * lasts; secrets compare without regard to letter case.
     */
    Optional<App> appByAppSecret(String appSecret);

    /** Sets or clears ({@code null}) an app's per-minute rate limit; empty when no such app. */
    Optional<App> setRateLimit(long appId, Integer perMinute);

    /** Stores the hash of an API token (never the token itself). */
    void createToken(String name, String tokenHash);

    boolean tokenExists(String tokenHash);

    // ---- the write path

    /**
     * Writes a batch in one transaction and returns one result per item, in order. Within the batch
     * and across batches: the first report of a fingerprint creates a group, later ones are
     * occurrences of it; a report whose non-null {@link dev.faultline.core.model.Report#logId()} was
     * stored before for the same app is a duplicate and changes nothing, and so is an attachment
     * whose id was stored before for the same app. A session is counted once per app and session
     * id; a crash marks it crashed. When this returns, the batch is durable; when it throws, none of
     * it was stored.
     */
    List<Stored> write(List<? extends IngestItem> batch);

    /** Adds to the per-app drop counters (app 0 when no app could be identified). */
    void addDrops(Map<DropKey, Long> counts);

    // ---- reads

    Page<Group> groups(GroupQuery query);

    Optional<GroupDetail> group(long groupId);

    /** A group's events, newest first; {@code cursor} comes from the previous page or is null. */
    Page<EventSummary> events(long groupId, String cursor, int limit);

    Optional<StoredEvent> event(long eventId);

    /**
     * The attachments of an event: those of its app whose error id is the event's log id, oldest
     * first, without their content. Empty when the event has no log id or does not exist.
     */
    List<Attachment> attachments(long eventId);

    /** One attachment of an event, with its content. */
    Optional<AttachmentContent> attachment(long eventId, String attachmentId);

    /**
     * Sessions counted per version and day (UTC) for an app, by version then day, both ascending.
     *
     * @param version only this version, or every version when null
     */
    List<SessionDay> sessions(long appId, String version);

    /** The app's drop counts; reasons never counted are absent. */
    Map<DropReason, Long> drops(long appId);

    /**
     * Per-hour occurrences of several groups since an instant, for sparklines: by group id, oldest
     * hour first, only hours with reports.
     */
    Map<Long, List<GroupDetail.HourCount>> hourly(Collection<Long> groupIds, Instant since);

    /** A group's occurrences per hour from {@code since} (inclusive) to {@code until} (exclusive). */
    List<GroupDetail.HourCount> hourly(long groupId, Instant since, Instant until);

    /** The users a group affected (their user keys), a page at a time, in no promised order. */
    Page<String> affectedUsers(long groupId, String cursor, int limit);

    /** The events just older and just newer than an event of the same group, for navigation. */
    Neighbours neighbours(long eventId);

    /** The newest event of a group, if any. */
    Optional<Long> latestEvent(long groupId);

    // ---- triage

    /**
     * Applies a change to groups and records it in each group's activity, in one transaction.
     * Only what actually changes is recorded. Returns the groups as they are afterwards; ids that
     * name no group are skipped.
     */
    List<Group> updateGroups(Collection<Long> groupIds, GroupChange change, Actor actor);

    /** Adds a comment to a group's activity; empty when no such group. */
    Optional<Activity> comment(long groupId, String text, Actor actor);

    /** A group's history, oldest first. */
    List<Activity> activity(long groupId);

    // ---- retention

    /**
     * Deletes up to {@code limit} of an app's events received before {@code cutoff}, with their
     * attachments, and its sessions from before that day; group counters are kept. Returns how many
     * events were deleted, so callers repeat until it is below the limit.
     */
    int deleteOldEvents(long appId, Instant cutoff, int limit);

    @Override
    void close();

    /** A drop counter's key. */
    record DropKey(long appId, DropReason reason) {}

    /** A key or secret that was rotated out and keeps working until {@code expires}. */
    record RetiredKey(String kind, String key, Instant expires) {
        public static final String API_KEY = "api_key";
        public static final String APP_SECRET = "app_secret";
    }

    /** The ids of the neighbouring events in a group; null at either end. */
    record Neighbours(Long older, Long newer) {}
}
