package dev.faultline.storage.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings a database file to the current schema with Flyway ({@code db/migration/sqlite}).
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

    static void migrate(Path databaseFile, DataSource dataSource) {
        Path lockFile = databaseFile.resolveSibling(databaseFile.getFileName() + ".migration-lock");
        IN_PROCESS.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            Flyway.configure(SqliteMigrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/sqlite")
                    .load()
                    .migrate();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        } finally {
            IN_PROCESS.unlock();
        }
    }
}
