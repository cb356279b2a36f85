package dev.faultline.storage.sqlite;

import dev.faultline.core.store.SessionDay;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * An app's sessions counted per version and day, by version then day. Users are distinct install
 * ids; sessions without one count as sessions but not as users.
 */
record SelectSessionDays(long appId, String version) {
    private static final String SQL = "SELECT version, day, count(*), sum(crashed), count(DISTINCT install_id),"
            + " count(DISTINCT CASE WHEN crashed = 1 THEN install_id END)"
            + " FROM sessions WHERE app_id = :appId%s GROUP BY version, day ORDER BY version, day";
    // two texts rather than "(:version IS NULL OR version = :version)", which would not use the index
    private static final String ALL_VERSIONS = SQL.formatted("");
    private static final String ONE_VERSION = SQL.formatted(" AND version = :version");

    List<SessionDay> execute(Handle handle) {
        Query select =
                handle.createQuery(version == null ? ALL_VERSIONS : ONE_VERSION).bind("appId", appId);
        if (version != null) {
            select.bind("version", version);
        }
        return select.map((row, context) -> new SessionDay(
                        row.getString(1),
                        LocalDate.ofEpochDay(row.getLong(2)),
                        row.getLong(3),
                        row.getLong(4),
                        row.getLong(5),
                        row.getLong(6)))
                .list();
    }
}
