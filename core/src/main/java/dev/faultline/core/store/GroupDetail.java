package dev.faultline.core.store;

import dev.faultline.core.model.Group;
import java.time.Instant;
import java.util.List;

/**
 * A group with its breakdowns.
 *
 * @param versions occurrences per application version, most recently seen first
 * @param hourly occurrences per hour, oldest first, only hours with reports
 */
public record GroupDetail(Group group, List<VersionCount> versions, List<HourCount> hourly) {

    public record VersionCount(String version, long count, Instant firstSeen, Instant lastSeen) {}

    public record HourCount(Instant hour, long count) {}
}
