package dev.faultline.core.model;

import java.time.Instant;
import java.util.List;

/**
 * An error group: every report with the same fingerprint in one app.
 *
 * @param count the number of reports (occurrences)
 * @param userCount the number of distinct affected users (by identifier, else uuid)
 * @param versions the application versions seen, most recently seen first
 * @param resolvedInVersion with {@link GroupStatus#RESOLVED}: only reports from this version or a
 *     later one (compared by {@link Versions#compare}) reopen the group; otherwise null
 * @param assigneeId the user the group is assigned to, or null
 * @param discardNew with {@link GroupStatus#PERMANENTLY_IGNORED}: new reports are discarded and
 *     counted as dropped
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
        List<String> versions,
        String resolvedInVersion,
        Long assigneeId,
        boolean discardNew) {

    public Group {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /** A group with no triage state beyond its status. */
    public Group(
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
        this(
                id,
                appId,
                groupingVersion,
                fingerprint,
                title,
                className,
                message,
                status,
                firstSeen,
                lastSeen,
                count,
                userCount,
                versions,
                null,
                null,
                false);
    }

    /** The same group with these versions. */
    public Group withVersions(List<String> newVersions) {
        return new Group(
                id,
                appId,
                groupingVersion,
                fingerprint,
                title,
                className,
                message,
                status,
                firstSeen,
                lastSeen,
                count,
                userCount,
                newVersions,
                resolvedInVersion,
                assigneeId,
                discardNew);
    }

    /**
     * Whether a report from {@code version} reopens this group: any report does when it is resolved
     * without a version; with a version, a report from that version or a later one, or one that
     * names no version (it cannot be shown to be older). Never when not resolved.
     */
    public boolean reopenedBy(String version) {
        if (status != GroupStatus.RESOLVED) {
            return false;
        }
        return resolvedInVersion == null || version == null || Versions.compare(version, resolvedInVersion) >= 0;
    }
}
