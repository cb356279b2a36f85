package dev.faultline.core.store;

import java.time.Instant;

/** One stored report, as listed in a group's events. */
public record EventSummary(
        long id,
        long groupId,
        Instant occurredAt,
        Instant receivedAt,
        String className,
        String message,
        String version,
        String userKey) {}
