package dev.faultline.storage.sqlite;

import dev.faultline.core.ingest.SessionActivity;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Records a batch's session sightings: the first sighting of a session inserts its row with its
 * version and day; a later one can only mark it crashed or supply a missing install id, so a
 * retried log changes nothing. A sighting that changes nothing writes nothing.
 */
record UpsertSessions(List<SessionActivity> sessions) implements WriteStatement<Void> {
    private static final long DAY_MILLIS = 86_400_000L;

    private static final String SQL =
            "INSERT INTO sessions (app_id, session_id, version, day, install_id, crashed) VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (app_id, session_id) DO UPDATE SET"
                    + " crashed = max(crashed, excluded.crashed),"
                    + " install_id = coalesce(install_id, excluded.install_id)"
                    + " WHERE excluded.crashed > crashed"
                    + " OR (install_id IS NULL AND excluded.install_id IS NOT NULL)";

    @Override
    public Void execute(StatementCache statements) throws SQLException {
        if (sessions.isEmpty()) {
            return null;
        }
        PreparedStatement statement = statements.prepare(SQL);
        for (SessionActivity session : sessions) {
            statement.setLong(1, session.appId());
            statement.setString(2, session.sessionId());
            statement.setString(3, session.version());
            statement.setLong(4, Math.floorDiv(session.at().toEpochMilli(), DAY_MILLIS));
            statement.setString(5, session.installId());
            statement.setInt(6, session.crashed() ? 1 : 0);
            statement.addBatch();
        }
        statement.executeBatch();
        return null;
    }

    @Override
    public String toString() {
        return "UpsertSessions[" + sessions.size() + " sightings]";
    }
}
