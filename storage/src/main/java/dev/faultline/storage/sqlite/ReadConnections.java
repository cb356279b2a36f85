package dev.faultline.storage.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * The read connections: a connection per concurrent read, opened on demand and kept for reuse up to
 * {@code maxIdle}. Never blocks: more concurrent reads simply open more connections. Reusing them
 * keeps each one's page cache warm, which is what makes a pool faster here than a connection per
 * call. Thread-safe.
 */
final class ReadConnections implements ConnectionFactory {
    private final SqliteConnections connections;
    private final int maxIdle;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    ReadConnections(SqliteConnections connections, int maxIdle) {
        this.connections = connections;
        this.maxIdle = maxIdle;
    }

    @Override
    public Connection openConnection() throws SQLException {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        Connection connection = idle.pollFirst();
        if (connection == null) {
            connection = connections.openReader();
            open.add(connection);
        }
        return connection;
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        if (closed || idle.size() >= maxIdle) {
            open.remove(connection);
            connection.close();
            return;
        }
        idle.addFirst(connection);
        if (closed) { // close() ran meanwhile and may have missed it; closing twice is harmless
            connection.close();
        }
    }

    /** Closes every connection, also those lent out at this moment (their reads fail). */
    void close() throws SQLException {
        closed = true;
        SQLException failure = null;
        for (Connection connection : open) {
            try {
                connection.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        open.clear();
        idle.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
