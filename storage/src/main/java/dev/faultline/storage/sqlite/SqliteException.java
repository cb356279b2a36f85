package dev.faultline.storage.sqlite;

import java.sql.SQLException;

/** A statement failed; the message names the statement with its parameters. */
final class SqliteException extends RuntimeException {

    SqliteException(Object statement, SQLException cause) {
        super(statement + " failed: " + cause.getMessage(), cause);
    }
}
