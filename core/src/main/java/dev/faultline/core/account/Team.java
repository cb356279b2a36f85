package dev.faultline.core.account;

import java.time.Instant;

/** A group of users that owns apps. */
public record Team(long id, String name, Instant createdAt) {}
