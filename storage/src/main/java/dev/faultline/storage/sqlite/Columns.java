package dev.faultline.storage.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads nullable columns. */
final class Columns {
    private Columns() {}

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
