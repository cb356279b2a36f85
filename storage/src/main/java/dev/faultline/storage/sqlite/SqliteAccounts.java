package dev.faultline.storage.sqlite;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.ApiToken;
import dev.faultline.core.account.Invite;
import dev.faultline.core.account.Member;
import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.account.User;
import dev.faultline.core.account.WebSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@link Accounts} in the store's SQLite file: writes through the store's one writer, reads on its
 * read connections. {@link SqliteStore} implements {@link Accounts} by handing every call here.
 * Thread-safe.
 */
final class SqliteAccounts implements Accounts {
    private static final String USER_COLUMNS =
            "id, email, admin, password_hash IS NOT NULL AS password_set, created_at";
    private static final String TEAM_COLUMNS = "id, name, created_at";
    private static final String SESSION_COLUMNS = "token_hash, user_id, csrf_token, created_at, expires_at";
    private static final String INVITE_COLUMNS =
            "token_hash, kind, email, user_id, team_id, role, created_by, created_at, expires_at";
    private static final String TOKEN_COLUMNS = "id, name, user_id, created_at";

    private final SqliteWriter writer;
    private final Reader reader;

    SqliteAccounts(SqliteWriter writer, Reader reader) {
        this.writer = writer;
        this.reader = reader;
    }

    // ---- users

    @Override
    public User createUser(String email, String passwordHash, boolean admin) {
        requireNonNull(email, "email");
        return write(
                "email already in use",
                handle -> handle.createQuery("INSERT INTO users (email, password_hash, admin, created_at)"
                                + " VALUES (:email, :passwordHash, :admin, :createdAt) RETURNING " + USER_COLUMNS)
                        .bind("email", lowerCase(email))
                        .bind("passwordHash", passwordHash)
                        .bind("admin", admin)
                        .bind("createdAt", Instant.now().toEpochMilli())
                        .map((row, context) -> user(row))
                        .one());
    }

    @Override
    public long userCount() {
        return reader.read(handle -> handle.createQuery("SELECT count(*) FROM users")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public List<User> users() {
        return reader.read(handle -> handle.createQuery("SELECT " + USER_COLUMNS + " FROM users ORDER BY id")
                .map((row, context) -> user(row))
                .list());
    }

    @Override
    public Optional<User> user(long id) {
        return reader.read(handle -> handle.createQuery("SELECT " + USER_COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id)
                .map((row, context) -> user(row))
                .findOne());
    }

    @Override
    public Optional<User> userByEmail(String email) {
        requireNonNull(email, "email");
        return reader.read(handle -> handle.createQuery("SELECT " + USER_COLUMNS + " FROM users WHERE email = :email")
                .bind("email", lowerCase(email))
                .map((row, context) -> user(row))
                .findOne());
    }

    @Override
    public Optional<String> passwordHash(long userId) {
        return reader.read(handle -> handle.createQuery("SELECT password_hash FROM users WHERE id = :id")
                .bind("id", userId)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public void setPasswordHash(long userId, String passwordHash) {
        writer.inTransaction(handle -> handle.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                .bind("hash", passwordHash)
                .bind("id", userId)
                .execute());
    }

    // ---- teams

    @Override
    public Team createTeam(String name) {
        requireNonNull(name, "name");
        return write(
                "team name already in use",
                handle -> handle.createQuery("INSERT INTO teams (name, created_at) VALUES (:name, :createdAt)"
                                + " RETURNING " + TEAM_COLUMNS)
                        .bind("name", name)
                        .bind("createdAt", Instant.now().toEpochMilli())
                        .map((row, context) -> team(row))
                        .one());
    }

    @Override
    public List<Team> teams() {
        return reader.read(handle -> handle.createQuery("SELECT " + TEAM_COLUMNS + " FROM teams ORDER BY id")
                .map((row, context) -> team(row))
                .list());
    }

    @Override
    public Optional<Team> team(long id) {
        return reader.read(handle -> handle.createQuery("SELECT " + TEAM_COLUMNS + " FROM teams WHERE id = :id")
                .bind("id", id)
                .map((row, context) -> team(row))
                .findOne());
    }

    @Override
    public void setMember(long teamId, long userId, Role role) {
        requireNonNull(role, "role");
        write(
                "member already exists",
                handle -> handle.createUpdate("INSERT INTO memberships (team_id, user_id, role)"
                                + " VALUES (:teamId, :userId, :role)"
                                + " ON CONFLICT (team_id, user_id) DO UPDATE SET role = excluded.role")
                        .bind("teamId", teamId)
                        .bind("userId", userId)
                        .bind("role", role.code())
                        .execute());
    }

    @Override
    public void removeMember(long teamId, long userId) {
        writer.inTransaction(
                handle -> handle.createUpdate("DELETE FROM memberships WHERE team_id = :teamId AND user_id = :userId")
                        .bind("teamId", teamId)
                        .bind("userId", userId)
                        .execute());
    }

    @Override
    public List<Member> members(long teamId) {
        return reader.read(handle -> handle.createQuery("SELECT u.id, u.email, u.admin,"
                        + " u.password_hash IS NOT NULL AS password_set, u.created_at, m.role"
                        + " FROM memberships m JOIN users u ON u.id = m.user_id"
                        + " WHERE m.team_id = :teamId ORDER BY u.email")
                .bind("teamId", teamId)
                .map((row, context) -> new Member(teamId, user(row), Role.fromCode(row.getString("role"))))
                .list());
    }

    @Override
    public Map<Long, Role> memberships(long userId) {
        Map<Long, Role> roles = new LinkedHashMap<>();
        reader.read(handle -> handle.createQuery(
                                "SELECT team_id, role FROM memberships WHERE user_id = :userId ORDER BY team_id")
                        .bind("userId", userId)
                        .map((row, context) -> Map.entry(row.getLong(1), Role.fromCode(row.getString(2))))
                        .list())
                .forEach(membership -> roles.put(membership.getKey(), membership.getValue()));
        return roles;
    }

    // ---- sign-in sessions

    /**
     * Also deletes the user's sessions expired by the new one's creation, so that they do not pile
     * up (by the caller's clock, which {@link #session} is asked with too).
     */
    @Override
    public void createSession(WebSession session) {
        requireNonNull(session, "session");
        write("session already exists", handle -> {
            handle.createUpdate("DELETE FROM web_sessions WHERE user_id = :userId AND expires_at <= :now")
                    .bind("userId", session.userId())
                    .bind("now", session.createdAt().toEpochMilli())
                    .execute();
            return handle.createUpdate("INSERT INTO web_sessions (" + SESSION_COLUMNS + ")"
                            + " VALUES (:tokenHash, :userId, :csrfToken, :createdAt, :expiresAt)")
                    .bind("tokenHash", session.tokenHash())
                    .bind("userId", session.userId())
                    .bind("csrfToken", session.csrfToken())
                    .bind("createdAt", session.createdAt().toEpochMilli())
                    .bind("expiresAt", session.expiresAt().toEpochMilli())
                    .execute();
        });
    }

    @Override
    public Optional<WebSession> session(String tokenHash, Instant now) {
        requireNonNull(tokenHash, "tokenHash");
        requireNonNull(now, "now");
        return reader.read(handle -> handle.createQuery("SELECT " + SESSION_COLUMNS + " FROM web_sessions"
                        + " WHERE token_hash = :tokenHash AND expires_at > :now")
                .bind("tokenHash", tokenHash)
                .bind("now", now.toEpochMilli())
                .map((row, context) -> new WebSession(
                        row.getString(1),
                        row.getLong(2),
                        row.getString(3),
                        Instant.ofEpochMilli(row.getLong(4)),
                        Instant.ofEpochMilli(row.getLong(5))))
                .findOne());
    }

    @Override
    public void deleteSession(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash");
        writer.inTransaction(handle -> handle.createUpdate("DELETE FROM web_sessions WHERE token_hash = :tokenHash")
                .bind("tokenHash", tokenHash)
                .execute());
    }

    @Override
    public void deleteSessions(long userId) {
        writer.inTransaction(handle -> handle.createUpdate("DELETE FROM web_sessions WHERE user_id = :userId")
                .bind("userId", userId)
                .execute());
    }

    // ---- one-time links

    @Override
    public void createInvite(Invite invite) {
        requireNonNull(invite, "invite");
        write(
                "invite already exists",
                handle -> handle.createUpdate("INSERT INTO invites (" + INVITE_COLUMNS + ") VALUES (:tokenHash,"
                                + " :kind, :email, :userId, :teamId, :role, :createdBy, :createdAt, :expiresAt)")
                        .bind("tokenHash", invite.tokenHash())
                        .bind("kind", invite.kind().name().toLowerCase(Locale.ROOT))
                        .bind("email", invite.email() == null ? null : lowerCase(invite.email()))
                        .bind("userId", invite.userId())
                        .bind("teamId", invite.teamId())
                        .bind(
                                "role",
                                invite.role() == null ? null : invite.role().code())
                        .bind("createdBy", invite.createdBy())
                        .bind("createdAt", invite.createdAt().toEpochMilli())
                        .bind("expiresAt", invite.expiresAt().toEpochMilli())
                        .execute());
    }

    @Override
    public Optional<Invite> invite(String tokenHash, Instant now) {
        requireNonNull(tokenHash, "tokenHash");
        requireNonNull(now, "now");
        return reader.read(handle -> handle.createQuery("SELECT " + INVITE_COLUMNS + " FROM invites"
                        + " WHERE token_hash = :tokenHash AND used_at IS NULL AND expires_at > :now")
                .bind("tokenHash", tokenHash)
                .bind("now", now.toEpochMilli())
                .map((row, context) -> invite(row))
                .findOne());
    }

    /** One UPDATE that requires the link unused: of two concurrent calls, only one changes the row. */
    @Override
    public boolean useInvite(String tokenHash, Instant now) {
        requireNonNull(tokenHash, "tokenHash");
        requireNonNull(now, "now");
        return writer.inTransaction(handle -> handle.createUpdate("UPDATE invites SET used_at = :now"
                                + " WHERE token_hash = :tokenHash AND used_at IS NULL AND expires_at > :now")
                        .bind("tokenHash", tokenHash)
                        .bind("now", now.toEpochMilli())
                        .execute())
                == 1;
    }

    @Override
    public List<Invite> invites(long teamId, Instant now) {
        requireNonNull(now, "now");
        return reader.read(handle -> handle.createQuery("SELECT " + INVITE_COLUMNS + " FROM invites"
                        + " WHERE team_id = :teamId AND used_at IS NULL AND expires_at > :now"
                        + " ORDER BY created_at DESC, token_hash")
                .bind("teamId", teamId)
                .bind("now", now.toEpochMilli())
                .map((row, context) -> invite(row))
                .list());
    }

    @Override
    public boolean deleteInvite(String tokenHash, long teamId) {
        requireNonNull(tokenHash, "tokenHash");
        return writer.inTransaction(handle -> handle.createUpdate(
                                "DELETE FROM invites WHERE token_hash = :tokenHash AND team_id = :teamId")
                        .bind("tokenHash", tokenHash)
                        .bind("teamId", teamId)
                        .execute())
                == 1;
    }

    // ---- API tokens

    @Override
    public ApiToken createToken(String name, String tokenHash, Long userId) {
        requireNonNull(name, "name");
        requireNonNull(tokenHash, "tokenHash");
        return write(
                "token already exists",
                handle -> handle.createQuery("INSERT INTO tokens (name, token_hash, created_at, user_id)"
                                + " VALUES (:name, :tokenHash, :createdAt, :userId) RETURNING " + TOKEN_COLUMNS)
                        .bind("name", name)
                        .bind("tokenHash", tokenHash)
                        .bind("createdAt", Instant.now().toEpochMilli())
                        .bind("userId", userId)
                        .map((row, context) -> token(row))
                        .one());
    }

    @Override
    public Optional<ApiToken> token(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash");
        return reader.read(
                handle -> handle.createQuery("SELECT " + TOKEN_COLUMNS + " FROM tokens WHERE token_hash = :tokenHash")
                        .bind("tokenHash", tokenHash)
                        .map((row, context) -> token(row))
                        .findOne());
    }

    @Override
    public List<ApiToken> tokens(long userId) {
        return reader.read(handle -> handle.createQuery("SELECT " + TOKEN_COLUMNS + " FROM tokens"
                        + " WHERE user_id = :userId ORDER BY created_at DESC, id DESC")
                .bind("userId", userId)
                .map((row, context) -> token(row))
                .list());
    }

    @Override
    public boolean deleteToken(long tokenId, long userId) {
        return writer.inTransaction(
                        handle -> handle.createUpdate("DELETE FROM tokens WHERE id = :id AND user_id = :userId")
                                .bind("id", tokenId)
                                .bind("userId", userId)
                                .execute())
                == 1;
    }

    /**
     * Runs a write, turning a UNIQUE violation into {@link IllegalArgumentException} with {@code
     * taken} as its message, and a foreign key naming no row into one that says so.
     */
    private <T> T write(String taken, Function<Handle, T> work) {
        try {
            return writer.inTransaction(work);
        } catch (UnableToExecuteStatementException e) {
            if (SqliteException.isUniqueViolation(e)) {
                throw new IllegalArgumentException(taken, e);
            }
            if (SqliteException.isForeignKeyViolation(e)) {
                throw new IllegalArgumentException("no such user or team", e);
            }
            throw e;
        }
    }

    /** Emails are kept and compared lower-case. */
    private static String lowerCase(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    static User user(ResultSet row) throws SQLException {
        return new User(
                row.getLong("id"),
                row.getString("email"),
                row.getBoolean("admin"),
                row.getBoolean("password_set"),
                Instant.ofEpochMilli(row.getLong("created_at")));
    }

    private static Team team(ResultSet row) throws SQLException {
        return new Team(row.getLong("id"), row.getString("name"), Instant.ofEpochMilli(row.getLong("created_at")));
    }

    private static ApiToken token(ResultSet row) throws SQLException {
        return new ApiToken(
                row.getLong("id"),
                row.getString("name"),
                Columns.nullableLong(row, "user_id"),
                Instant.ofEpochMilli(row.getLong("created_at")));
    }

    private static Invite invite(ResultSet row) throws SQLException {
        String role = row.getString("role");
        return new Invite(
                row.getString("token_hash"),
                Invite.Kind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)),
                row.getString("email"),
                Columns.nullableLong(row, "user_id"),
                Columns.nullableLong(row, "team_id"),
                role == null ? null : Role.fromCode(role),
                Columns.nullableLong(row, "created_by"),
                Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("expires_at")));
    }
}
