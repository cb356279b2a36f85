package dev.faultline.storage.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConfig.JournalMode;
import org.sqlite.SQLiteConfig.SynchronousMode;
import org.sqlite.SQLiteDataSource;

/**
 * Opens connections to one database file, each with the pragmas its role needs (see RATIONALE.md).
 * Thread-safe.
 */
final class SqliteConnections {
    /** How long a connection waits for another process's write lock before failing. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /**
     * 16 KiB rather than SQLite's 4 KiB: a commit writes a quarter as many WAL frames (one write
     * call and one checksum each), which measured about twice the insert rate for our ~2 KB rows.
     */
    static final int PAGE_SIZE = 16 * 1024;

    private static final int WRITER_CACHE_KIB = 32 * 1024;

    private final String url;

    SqliteConnections(Path file) {
        this.url = "jdbc:sqlite:" + file;
    }

    /**
     * Creates the database file when missing, with our page size, and switches it to WAL. The page
     * size can only be chosen before the file's first write and its switch to WAL, so this runs
     * before any connection with the usual pragmas; on an existing file it changes nothing.
     */
    void initialize() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        try (Connection connection = config.createConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA page_size = " + PAGE_SIZE);
            statement.execute("PRAGMA journal_mode = WAL");
        }
    }

    /** The connection that writes: WAL, an fsync per commit, foreign keys enforced. */
    Connection openWriter() throws SQLException {
        SQLiteConfig config = durable();
        config.enforceForeignKeys(true);
        config.setCacheSize(-WRITER_CACHE_KIB);
        return config.createConnection(url);
    }

    /** A connection that only reads; in WAL mode it never waits for the writer. */
    Connection openReader() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        Connection connection = config.createConnection(url);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = true");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * For Flyway. Foreign keys stay off, as SQLite's table-rebuild recipe for schema changes
     * requires.
     */
    DataSource migrations() {
        SQLiteDataSource dataSource = new SQLiteDataSource(durable());
        dataSource.setUrl(url);
        return dataSource;
    }

    private static SQLiteConfig durable() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setJournalMode(JournalMode.WAL);
        config.setSynchronous(SynchronousMode.FULL);
        return config;
    }

    @Override
    public String toString() {
        return "SqliteConnections[" + url + "]";
    }
}
