package dev.faultline.core.store;

import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.ingest.Ingest;
import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where reports, groups and apps live. Implementations are thread-safe. Every method does I/O;
 * reads never wait for {@link #write}. Several processes may open the same store (the CLI beside a
 * running server): a read sees everything committed before it started.
 *
 * <p>The contract is pinned by the abstract tests in {@code storage-testkit}.
 */
public interface Store extends AutoCloseable {

    // ---- apps and tokens

    /** Creates an app; fails with {@link IllegalArgumentException} when the key is taken. */
    App createApp(String name, String apiKey);

    /** Every app, oldest first. */
    List<App> apps();

    Optional<App> app(long id);

    Optional<App> appByApiKey(String apiKey);

    /** Sets or clears ({@code null}) an app's per-minute rate limit; empty when no such app. */
    Optional<App> setRateLimit(long appId, Integer perMinute);

    /** Stores the hash of an API token (never the token itself). */
    void createToken(String name, String tokenHash);

    boolean tokenExists(String tokenHash);

    // ---- the write path

    /**
     * Writes a batch in one transaction and returns one result per ingest, in order. Within the
     * batch and across batches: the first report of a fingerprint creates a group, later ones are
     * occurrences of it; a report whose non-null {@link dev.faultline.core.model.Report#logId()} was
     * stored before for the same app is a duplicate and changes nothing. When this returns, the batch
     * is durable; when it throws, none of it was stored.
     */
    List<Stored> write(List<Ingest> batch);

    /** Adds to the per-app drop counters (app 0 when no app could be identified). */
    void addDrops(Map<DropKey, Long> counts);

    // ---- reads

    Page<Group> groups(GroupQuery query);

    Optional<GroupDetail> group(long groupId);

    /** A group's events, newest first; {@code cursor} comes from the previous page or is null. */
    Page<EventSummary> events(long groupId, String cursor, int limit);

    Optional<StoredEvent> event(long eventId);

    /** The app's drop counts; reasons never counted are absent. */
    Map<DropReason, Long> drops(long appId);

    @Override
    void close();

    /** A drop counter's key. */
    record DropKey(long appId, DropReason reason) {}
}
