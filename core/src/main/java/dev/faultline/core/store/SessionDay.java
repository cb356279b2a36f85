package dev.faultline.core.store;

import java.time.LocalDate;

/**
 * The sessions of one app version on one day (UTC).
 *
 * @param sessions sessions started (or known from a crash in them)
 * @param crashedSessions sessions that ended in a fatal crash
 * @param users distinct install ids with a session
 * @param crashedUsers distinct install ids with a crashed session
 */
public record SessionDay(
        String version, LocalDate day, long sessions, long crashedSessions, long users, long crashedUsers) {}
