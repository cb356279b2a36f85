package dev.faultline.server.web.view;

import dev.faultline.core.model.Group;
import dev.faultline.core.model.GroupStatus;

/**
 * A group's status as a badge.
 *
 * @param code the status code, used as the badge's class ({@code active}, {@code resolved}…)
 * @param label what the badge says ("Resolved in 2.0")
 */
public record StatusView(String code, String label) {

    public static StatusView of(Group group) {
        return of(group.status(), group.resolvedInVersion(), group.discardNew());
    }

    public static StatusView of(GroupStatus status, String resolvedInVersion, boolean discardNew) {
        String label = switch (status) {
            case ACTIVE -> "Active";
            case RESOLVED -> resolvedInVersion == null ? "Resolved" : "Resolved in " + resolvedInVersion;
            case IGNORED -> "Ignored";
            case PERMANENTLY_IGNORED -> discardNew ? "Permanently ignored, discarding" : "Permanently ignored";
        };
        return new StatusView(status.code(), label);
    }
}
