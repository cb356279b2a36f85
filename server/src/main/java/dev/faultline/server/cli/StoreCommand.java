package dev.faultline.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.faultline.server.Config;
import dev.faultline.server.http.JsonResponses;
import dev.faultline.storage.sqlite.SqliteStore;
import java.io.UncheckedIOException;

/**
 * Opens the store of the configured data folder for one command. Safe beside a running server:
 * SQLite serializes the writes of both processes.
 */
final class StoreCommand {
    private StoreCommand() {}

    /** The store, which also keeps the accounts. */
    static SqliteStore open() {
        return SqliteStore.open(Config.fromEnvironment().databaseFile());
    }

    static void print(Object value) {
        try {
            System.out.println(
                    JsonResponses.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
