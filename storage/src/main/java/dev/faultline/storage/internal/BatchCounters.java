package dev.faultline.storage.internal;

import dev.faultline.core.model.Device;
import dev.faultline.core.model.Report;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one batch adds to its groups' counters, summed in memory so that each group, hour, version
 * and facet row is written once per batch however many reports hit it. Every listing is sorted by
 * group id, so that concurrent writers (PostgreSQL) lock rows in the same order. Not thread-safe.
 *
 * <p>Times are epoch milliseconds of when a report was seen: its occurrence time, but never later
 * than when it was received (client clocks run ahead).
 */
public final class BatchCounters {
    public static final long HOUR_MILLIS = 3_600_000L;

    /** How many of a report's tags are counted. */
    public static final int MAX_TAGS = 50;

    private final Map<Long, GroupDelta> groups = new TreeMap<>();
    private final Map<HourKey, Long> hours = new TreeMap<>(HourKey.ORDER);
    private final Map<VersionKey, VersionDelta> versions = new TreeMap<>(VersionKey.ORDER);
    private final Set<UserKey> users = new TreeSet<>(UserKey.ORDER);
    private final Map<FacetKey, Long> facets = new TreeMap<>(FacetKey.ORDER);

    /** When the report was seen, for the counters: its occurrence, at the latest its receipt. */
    public static long seen(Report report) {
        return Math.min(report.occurredAt().toEpochMilli(), report.receivedAt().toEpochMilli());
    }

    /** Counts one stored report of the group; {@code seen} is {@link #seen(Report)}. */
    public void add(long groupId, long seen, Report report) {
        groups.computeIfAbsent(groupId, GroupDelta::new).add(seen);
        hours.merge(new HourKey(groupId, Math.floorDiv(seen, HOUR_MILLIS) * HOUR_MILLIS), 1L, Long::sum);
        if (report.version() != null) {
            versions.computeIfAbsent(new VersionKey(groupId, report.version()), VersionDelta::new)
                    .add(seen);
        }
        String userKey = report.userKey();
        if (userKey != null) {
            users.add(new UserKey(groupId, userKey));
        }
        Device device = report.device();
        if (device != null) {
            addFacet(groupId, Facet.OS, device.osName());
            addFacet(groupId, Facet.DEVICE, device.model());
        }
        List<String> tags = report.tags();
        // past MAX_TAGS, a report's tags cost the batch nothing more
        for (int i = 0; i < Math.min(tags.size(), MAX_TAGS); i++) {
            String tag = tags.get(i);
            if (tags.indexOf(tag) == i) { // a tag sent twice counts once
                addFacet(groupId, Facet.TAG, tag);
            }
        }
    }

    private void addFacet(long groupId, Facet facet, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        facets.merge(new FacetKey(groupId, facet.code(), Texts.cut(value, Facet.VALUE_LENGTH)), 1L, Long::sum);
    }

    /** The distinct (group, user) pairs of the batch; report back the new ones with {@link #newUser}. */
    public List<UserKey> users() {
        return List.copyOf(users);
    }

    /** Records that the user was not yet counted for the group. */
    public void newUser(UserKey user) {
        groups.get(user.groupId()).newUsers++;
    }

    public List<GroupDelta> groups() {
        return List.copyOf(groups.values());
    }

    public List<HourCount> hours() {
        List<HourCount> out = new ArrayList<>(hours.size());
        hours.forEach((key, count) -> out.add(new HourCount(key.groupId(), key.hour(), count)));
        return out;
    }

    public List<VersionDelta> versions() {
        return List.copyOf(versions.values());
    }

    public List<FacetCount> facets() {
        List<FacetCount> out = new ArrayList<>(facets.size());
        facets.forEach((key, count) -> out.add(new FacetCount(key.groupId(), key.facet(), key.value(), count)));
        return out;
    }

    /** How many reports of the batch fell on one row, and when the first and last were seen. */
    public abstract static class Tally {
        private long count;
        private long firstSeen = Long.MAX_VALUE;
        private long lastSeen = Long.MIN_VALUE;

        void add(long seen) {
            count++;
            firstSeen = Math.min(firstSeen, seen);
            lastSeen = Math.max(lastSeen, seen);
        }

        public long count() {
            return count;
        }

        public long firstSeen() {
            return firstSeen;
        }

        public long lastSeen() {
            return lastSeen;
        }
    }

    /** A group's reports in this batch. */
    public static final class GroupDelta extends Tally {
        private final long groupId;
        private long newUsers;

        GroupDelta(long groupId) {
            this.groupId = groupId;
        }

        public long groupId() {
            return groupId;
        }

        /** Users of this batch never counted for the group before. */
        public long newUsers() {
            return newUsers;
        }

        @Override
        public String toString() {
            return "GroupDelta[group " + groupId + ", +" + count() + ", +" + newUsers + " users]";
        }
    }

    /** A version's reports of one group in this batch. */
    public static final class VersionDelta extends Tally {
        private final long groupId;
        private final String version;

        VersionDelta(VersionKey key) {
            this.groupId = key.groupId();
            this.version = key.version();
        }

        public long groupId() {
            return groupId;
        }

        public String version() {
            return version;
        }
    }

    /** @param hour the start of the hour, epoch milliseconds */
    public record HourCount(long groupId, long hour, long count) {}

    /** @param facet a {@link Facet#code()} */
    public record FacetCount(long groupId, String facet, String value, long count) {}

    public record UserKey(long groupId, String userKey) {
        static final Comparator<UserKey> ORDER =
                Comparator.comparingLong(UserKey::groupId).thenComparing(UserKey::userKey);
    }

    private record HourKey(long groupId, long hour) {
        static final Comparator<HourKey> ORDER =
                Comparator.comparingLong(HourKey::groupId).thenComparingLong(HourKey::hour);
    }

    private record FacetKey(long groupId, String facet, String value) {
        static final Comparator<FacetKey> ORDER = Comparator.comparingLong(FacetKey::groupId)
                .thenComparing(FacetKey::facet)
                .thenComparing(FacetKey::value);
    }

    private record VersionKey(long groupId, String version) {
        static final Comparator<VersionKey> ORDER =
                Comparator.comparingLong(VersionKey::groupId).thenComparing(VersionKey::version);
    }
}
