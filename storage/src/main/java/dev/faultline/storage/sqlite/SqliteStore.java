package dev.faultline.storage.sqlite;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.ingest.IngestItem;
import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.store.Attachment;
import dev.faultline.core.store.AttachmentContent;
import dev.faultline.core.store.EventSummary;
import dev.faultline.core.store.GroupDetail;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The single-node {@link Store}: one SQLite file in WAL mode. Every write goes through one
 * connection, one transaction per call, taking turns on one lock; reads use connections of their
 * own and never wait for the writer. Several processes may open the same file (the CLI beside a
 * running server); SQLite's file locks order their writes. Thread-safe.
 */
public final class SqliteStore implements Store {
    private static final int MAX_IDLE_READERS = 4;

    private final SqliteWriter writer;
    private final ReadConnections readConnections;
    private final Jdbi reads;

    private SqliteStore(SqliteWriter writer, ReadConnections readConnections) {
        this.writer = writer;
        this.readConnections = readConnections;
        this.reads = Jdbi.create(readConnections);
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
        requireNonNull(name, "name");
        requireNonNull(apiKey, "apiKey");
        requireNonNull(appSecret, "appSecret");
        return writer.inTransaction(new InsertApp(name, apiKey, lowerCase(appSecret), Instant.now())::execute);
    }

    @Override
    public List<App> apps() {
        return read(handle -> handle.createQuery("SELECT " + AppRows.COLUMNS + " FROM apps ORDER BY id")
                .map((row, context) -> AppRows.app(row))
                .list());
    }

    @Override
    public Optional<App> app(long id) {
        return read(handle -> handle.createQuery("SELECT " + AppRows.COLUMNS + " FROM apps WHERE id = :id")
                .bind("id", id)
                .map((row, context) -> AppRows.app(row))
                .findOne());
    }

    @Override
    public Optional<App> appByApiKey(String apiKey) {
        requireNonNull(apiKey, "apiKey");
        return read(handle -> handle.createQuery("SELECT " + AppRows.COLUMNS + " FROM apps WHERE api_key = :apiKey")
                .bind("apiKey", apiKey)
                .map((row, context) -> AppRows.app(row))
                .findOne());
    }

    @Override
    public Optional<App> appByAppSecret(String appSecret) {
        requireNonNull(appSecret, "appSecret");
        return read(
                handle -> handle.createQuery("SELECT " + AppRows.COLUMNS + " FROM apps WHERE app_secret = :appSecret")
                        .bind("appSecret", lowerCase(appSecret))
                        .map((row, context) -> AppRows.app(row))
                        .findOne());
    }

    @Override
    public Optional<App> setRateLimit(long appId, Integer perMinute) {
        if (perMinute != null && perMinute < 0) {
            throw new IllegalArgumentException("perMinute must not be negative");
        }
        return writer.inTransaction(handle -> handle.createQuery(
                        "UPDATE apps SET rate_limit_per_minute = :perMinute WHERE id = :id RETURNING "
                                + AppRows.COLUMNS)
                .bind("perMinute", perMinute)
                .bind("id", appId)
                .map((row, context) -> AppRows.app(row))
                .findOne());
    }

    @Override
    public void createToken(String name, String tokenHash) {
        requireNonNull(name, "name");
        requireNonNull(tokenHash, "tokenHash");
        try {
            writer.inTransaction(handle -> handle.createUpdate(
                            "INSERT INTO tokens (name, token_hash, created_at) VALUES (:name, :tokenHash, :createdAt)")
                    .bind("name", name)
                    .bind("tokenHash", tokenHash)
                    .bind("createdAt", Instant.now().toEpochMilli())
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            throw isUniqueViolation(e) ? new IllegalArgumentException("token already exists") : e;
        }
    }

    @Override
    public boolean tokenExists(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash");
        return read(handle -> handle.createQuery("SELECT 1 FROM tokens WHERE token_hash = :tokenHash")
                .bind("tokenHash", tokenHash)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
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
        return read(new SelectGroupPage(query)::execute);
    }

    @Override
    public Optional<GroupDetail> group(long groupId) {
        return read(new SelectGroupDetail(groupId)::execute);
    }

    @Override
    public Page<EventSummary> events(long groupId, String cursor, int limit) {
        return read(new SelectEventPage(groupId, cursor, limit)::execute);
    }

    @Override
    public Optional<StoredEvent> event(long eventId) {
        return read(new SelectEvent(eventId)::execute);
    }

    @Override
    public List<Attachment> attachments(long eventId) {
        return read(new SelectAttachments(eventId)::execute);
    }

    @Override
    public Optional<AttachmentContent> attachment(long eventId, String attachmentId) {
        requireNonNull(attachmentId, "attachmentId");
        return read(new SelectAttachmentContent(eventId, attachmentId)::execute);
    }

    @Override
    public List<SessionDay> sessions(long appId, String version) {
        return read(new SelectSessionDays(appId, version)::execute);
    }

    @Override
    public Map<DropReason, Long> drops(long appId) {
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        read(handle -> handle.createQuery("SELECT reason, dropped FROM drops WHERE app_id = :appId")
                        .bind("appId", appId)
                        .map((row, context) -> Map.entry(row.getString(1), row.getLong(2)))
                        .list())
                .forEach(drop -> drops.put(DropReason.fromCode(drop.getKey()), drop.getValue()));
        return drops;
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

    /**
     * Runs a read in one read transaction, so that its queries see one snapshot: everything
     * committed before it started, and nothing committed while it runs.
     */
    private <T> T read(HandleCallback<T, RuntimeException> query) {
        return reads.withHandle(handle -> {
            handle.execute("BEGIN");
            try {
                return query.withHandle(handle);
            } finally {
                handle.execute("COMMIT");
            }
        });
    }

    /** Secrets are kept and compared lower-case: SDKs send them in whatever case they were configured in. */
    private static String lowerCase(String appSecret) {
        return appSecret.toLowerCase(Locale.ROOT);
    }

    private static boolean isUniqueViolation(UnableToExecuteStatementException e) {
        return e.getCause() instanceof SQLiteException cause
                && cause.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE;
    }
}
