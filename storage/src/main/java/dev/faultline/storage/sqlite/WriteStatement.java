package dev.faultline.storage.sqlite;

import java.sql.SQLException;

/**
 * A statement of the write path, run on the writer connection inside its transaction. Its {@code
 * toString()} shows its parameters, so that a failure names what failed.
 */
interface WriteStatement<T> {

    T execute(StatementCache statements) throws SQLException;
}
