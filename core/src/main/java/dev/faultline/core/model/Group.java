package dev.faultline.core.model;

import java.time.Instant;
import java.util.List;

/**
 * An error group: every report with the same fingerprint in one app.
 *
 * @param count the number of reports (occurrences)
 * @param userCount the number of distinct affected users (by identifier, else uuid)
 * @param versions the application versions seen, most recently seen first
 */
public record Group(
        long id,
        long appId,
        String groupingVersion,
        String fingerprint,
        String title,
        String className,
        String message,
        GroupStatus status,
        Instant firstSeen,
        Instant lastSeen,
        long count,
        long userCount,
        List<String> versions) {

    public Group {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }
}
