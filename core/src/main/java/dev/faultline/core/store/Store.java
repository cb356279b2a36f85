package dev.faultline.core.store;

import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.ingest.IngestItem;
import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
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

    /** Every app, oldest first. */
    List<App> apps();

    Optional<App> app(long id);

    Optional<App> appByApiKey(String apiKey);

    /** The app with this App Center secret; secrets compare without regard to letter case. */
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

    @Override
    void close();

    /** A drop counter's key. */
    record DropKey(long appId, DropReason reason) {}
}
