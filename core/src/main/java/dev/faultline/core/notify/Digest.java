package dev.faultline.core.notify;

import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.store.GroupDetail.HourCount;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.core.store.GroupQuery.Sort;
import dev.faultline.core.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One app's part of a daily digest over a period: the groups first seen in it, and the active groups
 * with the most reports in it.
 *
 * @param newGroups the groups first seen in the period, newest first, at most the digest's maximum
 * @param moreNew whether more groups than those were first seen in the period
 * @param frequent the active groups with the most reports in the period, most first
 */
public record Digest(
        App app, Instant since, Instant until, List<Group> newGroups, boolean moreNew, List<Line> frequent) {

    /**
     * How many of an app's most frequent active groups seen in the period are looked at for the most
     * reports in it: the store counts reports per group over all time, the period's counts come from
     * their hourly counts.
     */
    static final int CANDIDATES = 50;

    public Digest {
        newGroups = List.copyOf(newGroups);
        frequent = List.copyOf(frequent);
    }

    /** A group and its reports in the period. */
    public record Line(Group group, long occurrences) {}

    /** Whether nothing happened in the app over the period. */
    public boolean isEmpty() {
        return newGroups.isEmpty() && frequent.isEmpty();
    }

    /**
     * The app's digest for {@code [since, until)}, with at most {@code max} groups in each list.
     * Reports are counted by the hour, so the period's first hour counts whole.
     */
    public static Digest of(Store store, App app, Instant since, Instant until, int max) {
        List<Group> seen = store.groups(
                        GroupQuery.seenSince(app.id(), null, since, Sort.FIRST_SEEN, max + 1 + CANDIDATES))
                .items();
        List<Group> fresh = seen.stream()
                .filter(group ->
                        !group.firstSeen().isBefore(since) && group.firstSeen().isBefore(until))
                .toList();

        List<Group> candidates = store.groups(
                        GroupQuery.seenSince(app.id(), GroupStatus.ACTIVE, since, Sort.COUNT, CANDIDATES))
                .items();
        Map<Long, List<HourCount>> hourly =
                store.hourly(candidates.stream().map(Group::id).toList(), since);
        List<Line> frequent = new ArrayList<>();
        for (Group group : candidates) {
            long occurrences = hourly.getOrDefault(group.id(), List.of()).stream()
                    .filter(hour -> hour.hour().isBefore(until))
                    .mapToLong(HourCount::count)
                    .sum();
            if (occurrences > 0) {
                frequent.add(new Line(group, occurrences));
            }
        }
        frequent.sort(Comparator.comparingLong(Line::occurrences).reversed());
        return new Digest(
                app,
                since,
                until,
                fresh.subList(0, Math.min(max, fresh.size())),
                fresh.size() > max,
                frequent.subList(0, Math.min(max, frequent.size())));
    }
}
