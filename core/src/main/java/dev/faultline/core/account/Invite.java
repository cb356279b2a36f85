package dev.faultline.core.account;

import java.time.Instant;

/**
 * A one-time link. Only the hash of its token is stored.
 *
 * @param kind what following the link does
 * @param email with {@link Kind#INVITE}: the address invited, or null for anyone with the link;
 *     with {@link Kind#SET_PASSWORD}: the user's
 * @param userId with {@link Kind#SET_PASSWORD}: the user whose password it sets
 * @param teamId with {@link Kind#INVITE}: the team joined
 * @param role with {@link Kind#INVITE}: the role in that team
 * @param createdBy the user who made it, or null (the server or the CLI)
 */
public record Invite(
        String tokenHash,
        Kind kind,
        String email,
        Long userId,
        Long teamId,
        Role role,
        Long createdBy,
        Instant createdAt,
        Instant expiresAt) {

    public enum Kind {
        /** Creates the first administrator; valid only while no user exists. */
        SETUP,
        /** Joins a team: creates an account, or adds the signed-in user. */
        INVITE,
        /** Sets the password of an existing user (one created by {@code users create}). */
        SET_PASSWORD
    }
}
