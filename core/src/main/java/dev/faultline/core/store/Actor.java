package dev.faultline.core.store;

/**
 * Who makes a change, for the activity history.
 *
 * @param userId the signed-in user or the API token's user, or null for a token without one
 * @param name the user's email or the token's name
 */
public record Actor(Long userId, String name) {}
