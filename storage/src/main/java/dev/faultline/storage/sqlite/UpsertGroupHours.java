package dev.faultline.storage.sqlite;

import dev.faultline.storage.internal.BatchCounters.HourCount;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Adds a batch's occurrences to each group's hourly buckets. */
record UpsertGroupHours(List<HourCount> hours) implements WriteStatement<Void> {
    private static final String SQL = "INSERT INTO group_hours (group_id, hour, occurrences) VALUES (?, ?, ?)"
            + " ON CONFLICT (group_id, hour) DO UPDATE SET occurrences = occurrences + excluded.occurrences";

    @Override
    public Void execute(StatementCache statements) throws SQLException {
        if (hours.isEmpty()) {
            return null;
        }
        PreparedStatement statement = statements.prepare(SQL);
        for (HourCount hour : hours) {
            statement.setLong(1, hour.groupId());
            statement.setLong(2, hour.hour());
            statement.setLong(3, hour.count());
            statement.addBatch();
        }
        statement.executeBatch();
        return null;
    }

    @Override
    public String toString() {
        return "UpsertGroupHours[" + hours.size() + " buckets]";
    }
}
