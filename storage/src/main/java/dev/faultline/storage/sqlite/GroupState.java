package dev.faultline.storage.sqlite;

import dev.faultline.core.model.Group;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.model.Versions;

/**
 * What the write path needs to know of a group besides its key: its id and its triage state, which
 * decide whether a report is stored, and whether it reopens the group.
 */
record GroupState(long id, GroupStatus status, String resolvedInVersion, boolean discardNew) {

    /** A group that needs attention: new, regressed, or set active. */
    static GroupState active(long id) {
        return new GroupState(id, GroupStatus.ACTIVE, null, false);
    }

    /** Whether new reports are dropped unstored. */
    boolean discards() {
        return status == GroupStatus.PERMANENTLY_IGNORED && discardNew;
    }

    /** {@link Group#reopenedBy}, on the cached state. */
    boolean reopenedBy(String version) {
        if (status != GroupStatus.RESOLVED) {
            return false;
        }
        return resolvedInVersion == null || version == null || Versions.compare(version, resolvedInVersion) >= 0;
    }
}
