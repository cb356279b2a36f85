package dev.faultline.core.store;

import dev.faultline.core.model.Group;
import java.time.Instant;
import java.util.List;

/**
 * A group with its breakdowns.
 *
 * @param versions occurrences per application version, most recently seen first
 * @param hourly occurrences per hour, oldest first, only hours with reports
 * @param operatingSystems occurrences per operating system name, most first
 * @param devices occurrences per device model, most first
 * @param tags occurrences per tag, most first
 */
public record GroupDetail(
        Group group,
        List<VersionCount> versions,
        List<HourCount> hourly,
        List<Count> operatingSystems,
        List<Count> devices,
        List<Count> tags) {

    public GroupDetail {
        operatingSystems = operatingSystems == null ? List.of() : List.copyOf(operatingSystems);
        devices = devices == null ? List.of() : List.copyOf(devices);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public GroupDetail(Group group, List<VersionCount> versions, List<HourCount> hourly) {
        this(group, versions, hourly, List.of(), List.of(), List.of());
    }

    public record VersionCount(String version, long count, Instant firstSeen, Instant lastSeen) {}

    public record HourCount(Instant hour, long count) {}

    /** How many reports had this value. */
    public record Count(String value, long count) {}
}
