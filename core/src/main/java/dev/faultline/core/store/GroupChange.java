package dev.faultline.core.store;

import dev.faultline.core.model.GroupStatus;

/**
 * A triage change to one or more groups. A field left null is not changed.
 *
 * @param status the new status; {@code resolvedInVersion} and {@code discardNew} are set with it
 *     (and cleared when it is set without them)
 * @param resolvedInVersion with {@link GroupStatus#RESOLVED}: the version it is fixed in
 * @param discardNew with {@link GroupStatus#PERMANENTLY_IGNORED}: discard new reports
 * @param assign whether to change the assignee
 * @param assigneeId with {@code assign}: the new assignee, or null to unassign
 */
public record GroupChange(
        GroupStatus status, String resolvedInVersion, boolean discardNew, boolean assign, Long assigneeId) {

    public GroupChange {
        if (resolvedInVersion != null && status != GroupStatus.RESOLVED) {
            throw new IllegalArgumentException("resolvedInVersion needs status resolved");
        }
        if (discardNew && status != GroupStatus.PERMANENTLY_IGNORED) {
            throw new IllegalArgumentException("discardNew needs status permanently_ignored");
        }
    }

    public static GroupChange status(GroupStatus status) {
        return new GroupChange(status, null, false, false, null);
    }

    public static GroupChange resolvedIn(String version) {
        return new GroupChange(GroupStatus.RESOLVED, version, false, false, null);
    }

    public static GroupChange assign(Long assigneeId) {
        return new GroupChange(null, null, false, true, assigneeId);
    }
}
