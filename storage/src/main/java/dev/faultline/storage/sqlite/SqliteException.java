package dev.faultline.storage.sqlite;

import java.sql.SQLException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** A statement failed; the message names the statement with its parameters. */
final class SqliteException extends RuntimeException {

    SqliteException(Object statement, SQLException cause) {
        super(statement + " failed: " + cause.getMessage(), cause);
    }

    /** Whether a statement failed on a UNIQUE constraint (or a primary key). */
    static boolean isUniqueViolation(UnableToExecuteStatementException e) {
        return hasCode(e, SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)
                || hasCode(e, SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
    }

    /** Whether a statement named a row that does not exist (the writer enforces foreign keys). */
    static boolean isForeignKeyViolation(UnableToExecuteStatementException e) {
        return hasCode(e, SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY);
    }

    private static boolean hasCode(UnableToExecuteStatementException e, SQLiteErrorCode code) {
        return e.getCause() instanceof SQLiteException cause && cause.getResultCode() == code;
    }
}
