package dev.faultline.bench;

import java.io.Closeable;
import java.io.IOException;

/** A way of sending a scenario's requests over keep-alive HTTP/1.1 connections. Thread-safe. */
interface LoadClient extends AutoCloseable {

    /** A new connection, used by one worker thread only; it connects lazily and reconnects after {@link #reset}. */
    Connection connect();

    /** Threads for the workers, one per connection. */
    Thread.Builder workerThreads();

    @Override
    void close();

    /** One keep-alive connection. Not thread-safe. */
    interface Connection extends Closeable {

        /** Sends template {@code template} stamped with {@code sequence}; returns after the whole response. */
        HttpResponse send(int template, long sequence) throws IOException;

        /** Drops the connection after an I/O error; the next send opens a new one. */
        void reset();

        @Override
        void close();
    }

    /** Which client the bench uses; {@code socket} is the default, see {@link SocketClient} for why. */
    enum Kind {
        SOCKET,
        JDK;

        LoadClient open(Scenario scenario, String host, int port, int timeoutMillis) {
            return switch (this) {
                case SOCKET -> new SocketClient(scenario, host, port, timeoutMillis);
                case JDK -> new JdkClient(scenario, host, port, timeoutMillis);
            };
        }
    }
}
