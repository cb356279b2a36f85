package dev.faultline.storage.sqlite;

import dev.faultline.storage.internal.BatchCounters.FacetCount;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Adds a batch's occurrences to each group's operating systems, device models and tags. */
record UpsertGroupFacets(List<FacetCount> facets) implements WriteStatement<Void> {
    private static final String SQL = "INSERT INTO group_facets (group_id, facet, value, occurrences)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (group_id, facet, value) DO UPDATE SET"
            + " occurrences = occurrences + excluded.occurrences";

    @Override
    public Void execute(StatementCache statements) throws SQLException {
        if (facets.isEmpty()) {
            return null;
        }
        PreparedStatement statement = statements.prepare(SQL);
        for (FacetCount facet : facets) {
            statement.setLong(1, facet.groupId());
            statement.setString(2, facet.facet());
            statement.setString(3, facet.value());
            statement.setLong(4, facet.count());
            statement.addBatch();
        }
        statement.executeBatch();
        return null;
    }

    @Override
    public String toString() {
        return "UpsertGroupFacets[" + facets.size() + " values]";
    }
}
