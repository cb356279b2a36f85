package dev.faultline.core.account;

import java.time.Instant;

/**
 * A REST API token (only its hash is stored).
 *
 * @param userId the user it acts for, seeing what they see; null for an instance-wide token made
 *     by {@code tokens create} without a user, which sees every app
 * @param createdAt when it was made, by the store's clock
 */
public record ApiToken(long id, String name, Long userId, Instant createdAt) {}
