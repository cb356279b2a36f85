package dev.faultline.core.account;

/** A user's place in a team. */
public record Member(long teamId, User user, Role role) {}
