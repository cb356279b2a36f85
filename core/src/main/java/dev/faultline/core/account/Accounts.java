package dev.faultline.core.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users, teams, memberships, sign-in sessions, one-time links and API tokens. Implementations are
 * thread-safe; every method does I/O. Emails are stored and compared lower-case.
 */
public interface Accounts {

    // ---- users

    /**
     * Creates a user; fails with {@link IllegalArgumentException} when the email is taken.
     *
     * @param passwordHash the encoded hash, or null for a user who has not chosen a password yet
     */
    User createUser(String email, String passwordHash, boolean admin);

    long userCount();

    List<User> users();

    Optional<User> user(long id);

    Optional<User> userByEmail(String email);

    /** The user's encoded password hash, empty when none was set. */
    Optional<String> passwordHash(long userId);

    void setPasswordHash(long userId, String passwordHash);

    // ---- teams

    /** Creates a team; fails with {@link IllegalArgumentException} when the name is taken. */
    Team createTeam(String name);

    List<Team> teams();

    Optional<Team> team(long id);

    /** Adds the user to the team, or changes their role there. */
    void setMember(long teamId, long userId, Role role);

    void removeMember(long teamId, long userId);

    /** A team's members, by email. */
    List<Member> members(long teamId);

    /** The teams a user belongs to, with their role in each. */
    Map<Long, Role> memberships(long userId);

    // ---- sign-in sessions

    void createSession(WebSession session);

    /** The session with this token hash, if it has not expired by {@code now}. */
    Optional<WebSession> session(String tokenHash, Instant now);

    void deleteSession(String tokenHash);

    /** Signs a user out everywhere (after a password change). */
    void deleteSessions(long userId);

    // ---- one-time links

    void createInvite(Invite invite);

    /** The link with this token hash, if unused and not expired by {@code now}. */
    Optional<Invite> invite(String tokenHash, Instant now);

    /**
     * Marks the link used; true when this call used it, false when it was used, expired or
     * unknown (so two clicks cannot both use it).
     */
    boolean useInvite(String tokenHash, Instant now);

    /** A team's open invites, newest first. */
    List<Invite> invites(long teamId, Instant now);

    /**
     * Deletes a link of the team, used or not, so that it no longer works; true when this call
     * deleted it, false when no link of {@code teamId} has this hash (one of another team is kept).
     */
    boolean deleteInvite(String tokenHash, long teamId);

    // ---- API tokens

    /** Stores the hash of an API token (never the token itself); {@code userId} may be null. */
    ApiToken createToken(String name, String tokenHash, Long userId);

    Optional<ApiToken> token(String tokenHash);

    /** The tokens acting as this user, newest first; empty for an unknown user. */
    List<ApiToken> tokens(long userId);

    /**
     * Deletes the user's token, after which {@link #token} no longer finds it; true when this call
     * deleted it, false when the user has no token with this id (another user's is kept).
     */
    boolean deleteToken(long tokenId, long userId);
}
