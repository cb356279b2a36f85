package dev.faultline.core.account;

import java.time.Instant;

/**
 * A signed-in browser. The cookie carries a random token; only its hash is stored.
 *
 * @param csrfToken the token every state-changing request of this session must carry
 */
public record WebSession(String tokenHash, long userId, String csrfToken, Instant createdAt, Instant expiresAt) {}
