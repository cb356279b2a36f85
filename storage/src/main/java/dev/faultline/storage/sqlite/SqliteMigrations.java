package dev.faultline.storage.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;

/**
 * Creates a database file when missing and brings it to the current schema with Flyway ({@code
 * db/migration/sqlite}).
 *
 * <p>Flyway takes no lock on SQLite, so two processes opening a fresh file at once could both try
 * to create the schema. Migrations therefore run under an exclusive lock on a sibling file. Road
 * not taken: a lock on the database file itself, because closing any descriptor of a file drops
 * every POSIX lock the process holds on it, SQLite's own included.
 */
final class SqliteMigrations {
    /** File locks are held per process; this orders the threads of this one. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private SqliteMigrations() {}

    static void migrate(Path databaseFile, SqliteConnections connections) {
        Path lockFile = databaseFile.resolveSibling(databaseFile.getFileName() + ".migration-lock");
        IN_PROCESS.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            connections.initialize();
            Flyway.configure(SqliteMigrations.class.getClassLoader())
                    .dataSource(connections.migrations())
                    .locations("classpath:db/migration/sqlite")
                    .load()
                    .migrate();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        } catch (SQLException e) {
            throw new SqliteException("creating " + databaseFile, e);
        } finally {
            IN_PROCESS.unlock();
        }
    }
}
