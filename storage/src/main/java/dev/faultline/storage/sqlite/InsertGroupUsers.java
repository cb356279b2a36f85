package dev.faultline.storage.sqlite;

import dev.faultline.storage.internal.BatchCounters.UserKey;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Records which users each group has affected; answers the pairs that were new. */
record InsertGroupUsers(List<UserKey> users) implements WriteStatement<List<UserKey>> {
    private static final String SQL = "INSERT OR IGNORE INTO group_users (group_id, user_key) VALUES (?, ?)";

    @Override
    public List<UserKey> execute(StatementCache statements) throws SQLException {
        if (users.isEmpty()) {
            return List.of();
        }
        PreparedStatement statement = statements.prepare(SQL);
        for (UserKey user : users) {
            statement.setLong(1, user.groupId());
            statement.setString(2, user.userKey());
            statement.addBatch();
        }
        int[] inserted = statement.executeBatch();
        List<UserKey> added = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] > 0) {
                added.add(users.get(i));
            }
        }
        return added;
    }

    @Override
    public String toString() {
        return "InsertGroupUsers[" + users.size() + " pairs]";
    }
}
