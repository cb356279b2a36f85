package dev.faultline.core.account;

import java.time.Instant;

/**
 * Someone who signs in to the dashboard.
 *
 * @param admin an instance administrator: sees and manages every team and app
 * @param passwordSet false until the user has chosen a password (through a setup or invite link)
 */
public record User(long id, String email, boolean admin, boolean passwordSet, Instant createdAt) {}
