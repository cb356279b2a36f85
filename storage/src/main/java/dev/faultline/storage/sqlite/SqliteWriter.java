package dev.faultline.storage.sqlite;

import dev.faultline.core.ingest.IngestItem;
import dev.faultline.core.ingest.Stored;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The one connection that writes, and the lock that takes turns on it. Every call is one {@code
 * BEGIN IMMEDIATE} transaction: the write lock is taken up front, so that a transaction never has
 * to upgrade a read to a write, which in WAL mode fails at once instead of waiting when another
 * process wrote in between. The connection stays in JDBC auto-commit mode and transactions are
 * begun by hand. Road not taken: {@code setAutoCommit(false)}, with which the driver begins the next
 * transaction right after each commit and so would hold the write lock between batches, shutting
 * out other processes.
 *
 * <p>The writer keeps a {@link GroupCache}. Its state can only go stale when another process
 * writes (this process writes through here alone), which {@code PRAGMA data_version} tells: it
 * changes when another connection committed, so the cache is emptied then, before the transaction
 * reads anything. Thread-safe.
 */
final class SqliteWriter implements AutoCloseable {
    private static final int GROUP_CACHE_CAPACITY = 100_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final Handle handle;
    private final StatementCache statements;
    private final GroupCache groups = new GroupCache(GROUP_CACHE_CAPACITY);
    private long dataVersion = -1;
    private boolean closed;

    SqliteWriter(Connection connection) {
        this.handle = Jdbi.open(connection);
        this.statements = new StatementCache(connection);
    }

    /** Digests a batch in one transaction; see {@link dev.faultline.core.store.Store#write}. */
    List<Stored> write(List<? extends IngestItem> batch) {
        WriteBatch writeBatch = new WriteBatch(statements, groups);
        return inTransaction(
                handle -> {
                    dropStaleGroups();
                    return writeBatch.run(batch);
                },
                () -> groups.forget(writeBatch.changedGroups()));
    }

    /**
     * Runs {@code work} in one transaction with the group cache, which it must keep in step with
     * the triage state it writes, and the statements of the write path (the outbox's). When the
     * transaction fails, the whole cache is forgotten: rare, and simpler than undoing each change.
     */
    <T> T inTransactionWithGroups(TriageWork<T> work) {
        return inTransaction(
                handle -> {
                    dropStaleGroups();
                    return work.execute(handle, statements, groups);
                },
                groups::clear);
    }

    /** Work of a triage transaction; see {@link #inTransactionWithGroups}. */
    interface TriageWork<T> {
        T execute(Handle handle, StatementCache statements, GroupCache groups);
    }

    /**
     * Runs {@code work} in one transaction with the writer's handle and the statements of the write
     * path (to write to the outbox, {@link InsertNotifications}).
     */
    <T> T inTransactionWithStatements(BiFunction<Handle, StatementCache, T> work) {
        return inTransaction(handle -> work.apply(handle, statements));
    }

    /** Runs {@code work} with the writer's handle in one transaction. */
    <T> T inTransaction(Function<Handle, T> work) {
        return inTransaction(work, () -> {});
    }

    /** Runs one statement of the write path in a transaction of its own. */
    <T> T execute(WriteStatement<T> statement) {
        return inTransaction(handle -> {
            try {
                return statement.execute(statements);
            } catch (SQLException e) {
                throw new SqliteException(statement, e);
            }
        });
    }

    private <T> T inTransaction(Function<Handle, T> work, Runnable onRollback) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the store is closed");
            }
            executeSql("BEGIN IMMEDIATE");
            try {
                T result = work.apply(handle);
                executeSql("COMMIT");
                return result;
            } catch (Throwable e) {
                rollback(e);
                // under the lock, before anyone can write again and reuse a rolled-back group's id
                onRollback.run();
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Empties the group cache when another process committed since this connection last looked. */
    private void dropStaleGroups() {
        try (ResultSet rows = statements.prepare("PRAGMA data_version").executeQuery()) {
            rows.next();
            long current = rows.getLong(1);
            if (current != dataVersion) {
                groups.clear();
                dataVersion = current;
            }
        } catch (SQLException e) {
            throw new SqliteException("PRAGMA data_version", e);
        }
    }

    private void executeSql(String sql) {
        try {
            statements.prepare(sql).execute();
        } catch (SQLException e) {
            throw new SqliteException(sql, e);
        }
    }

    private void rollback(Throwable failure) {
        try {
            statements.prepare("ROLLBACK").execute();
        } catch (SQLException e) {
            // SQLite has already rolled back after some errors (a full disk, an I/O error)
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                statements.close();
            } catch (SQLException e) {
                throw new SqliteException("closing the writer's statements", e);
            } finally {
                handle.close(); // closes the connection
            }
        } finally {
            lock.unlock();
        }
    }
}
