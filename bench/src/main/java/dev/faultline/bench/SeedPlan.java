package dev.faultline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The data set of the dashboard scenario as a pure function of its size: which app each group belongs to, how many
 * events each group gets, and what each event carries. Group 0 is the largest; counts follow Zipf's law (the group
 * of rank r gets a share proportional to 1/r), so a few groups hold most events and most groups hold few. Every
 * value comes from a fixed seed, so two seeds of one size store the same data. Immutable and thread-safe.
 */
final class SeedPlan {

    /** Bump when the plan changes what is seeded, so that cached data sets are seeded again. */
    static final int VERSION = 1;

    static final int APPS = 2;
    static final List<String> APP_NAMES = List.of("bench-web", "bench-mobile");
    static final List<String> API_KEYS = List.of("BENCH_WEB_KEY", "BENCH_MOBILE_KEY");

    /** One release a day over the spread of occurrence times, oldest first: 1.0.0 .. 3.9.0. */
    static final List<String> VERSIONS = IntStream.range(0, 30)
            .mapToObj(index -> (1 + index / 10) + "." + index % 10 + ".0")
            .toList();

    static final Duration SPREAD = Duration.ofDays(VERSIONS.size());
    static final int USERS = 2000;
    static final List<String> TAGS = List.of("production", "staging", "beta", "checkout");

    /** Raygun's {@code platform} per app: .NET's {@code Environment.OSVersion.Platform} names, then mobile. */
    static final List<List<String>> OS_NAMES = List.of(List.of("Win32NT", "Unix", "MacOSX"), List.of("Android", "iOS"));

    private static final List<List<String>> OS_VERSIONS = List.of(
            List.of("Microsoft Windows NT 10.0.19045.0", "Unix 6.8.0.45", "Unix 14.5.0"),
            List.of("Android 14", "iOS 17.5.1"));
    private static final long SEED = 0x5EEDFA17L;

    /** Live reports during the measurement: this share starts groups that were not seeded. */
    private static final double NEW_GROUP_SHARE = 0.02;

    private final int events;
    private final int groups;
    private final int[] counts;
    private final long[] cumulativeCounts;

    private SeedPlan(int events, int groups) {
        this.events = events;
        this.groups = groups;
        this.counts = zipfCounts(events, groups);
        this.cumulativeCounts = new long[groups];
        long sum = 0;
        for (int group = 0; group < groups; group++) {
            sum += counts[group];
            cumulativeCounts[group] = sum;
        }
    }

    /** {@code events} events in {@code groups} groups; every group gets at least one event. */
    static SeedPlan create(int events, int groups) {
        if (groups < 10) {
            throw new IllegalArgumentException("the plan needs at least 10 groups, so that both apps have some");
        }
        if (events < groups) {
            throw new IllegalArgumentException(
                    "every group needs an event: " + events + " events < " + groups + " groups");
        }
        return new SeedPlan(events, groups);
    }

    int events() {
        return events;
    }

    int groups() {
        return groups;
    }

    /** Events of {@code group} in the seed. */
    int count(int group) {
        return counts[group];
    }

    /** One group in ten (every tenth rank, so big and small ones) belongs to the second app. */
    static int appOf(int group) {
        return group % 10 == 9 ? 1 : 0;
    }

    /** The error type, which is what makes each group's fingerprint distinct; at least four digits. */
    String className(int group) {
        if (group >= groups) {
            return "com.example.bench.Emerging" + group;
        }
        int width = Math.max(4, Integer.toString(groups - 1).length());
        return "com.example.bench.Failure" + zeroPadded(group, width);
    }

    /**
     * Every event's group, in the order they are sent: each group {@link #count} times, shuffled, so that the groups
     * grow side by side as they would in production.
     */
    int[] sendOrder() {
        int[] order = new int[events];
        int at = 0;
        for (int group = 0; group < groups; group++) {
            Arrays.fill(order, at, at + counts[group], group);
            at += counts[group];
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int index = order.length - 1; index > 0; index--) {
            int other = random.nextInt(index + 1);
            int swap = order[index];
            order[index] = order[other];
            order[other] = swap;
        }
        return order;
    }

    /**
     * Seeded event {@code index} of {@code group}: occurred at a time in the {@link #SPREAD} before {@code seedTime}
     * (uniform), in the release of that day or one shortly before it.
     */
    SeedEvent seedEvent(long index, int group, Instant seedTime) {
        SplittableRandom random = new SplittableRandom(SEED ^ (index * 0x9E3779B97F4A7C15L));
        long ageSeconds = random.nextLong(SPREAD.toSeconds());
        int day = VERSIONS.size() - 1 - (int) (ageSeconds / 86_400);
        return event(random, group, day, seedTime.minusSeconds(ageSeconds));
    }

    /**
     * Live report number {@code sequence} during the measurement, occurred {@code now}: in a seeded group picked by
     * the seed's weights (hot groups stay hot), or in one of a stream of new groups.
     */
    SeedEvent liveEvent(long sequence, Instant now) {
        SplittableRandom random = new SplittableRandom(~SEED ^ (sequence * 0x9E3779B97F4A7C15L));
        int group;
        if (random.nextDouble() < NEW_GROUP_SHARE) {
            group = groups + (int) (sequence % 1_000_000);
        } else {
            int found = Arrays.binarySearch(cumulativeCounts, random.nextLong(events) + 1);
            group = found >= 0 ? found : -found - 1;
        }
        return event(random, group, VERSIONS.size() - 1, now);
    }

    private SeedEvent event(SplittableRandom random, int group, int day, Instant occurredOn) {
        int app = appOf(group);
        // Most reports come from the release of their day, fewer from each older one (geometric, p = 1/2).
        int lag = Long.numberOfTrailingZeros(random.nextLong() | (1L << 20));
        String version = VERSIONS.get(Math.max(0, day - lag));
        String user = null;
        if (random.nextDouble() < 0.9) {
            double draw = random.nextDouble();
            user = "user-" + zeroPadded((int) (USERS * draw * draw), 4); // low numbers crash more often
        }
        double environment = random.nextDouble();
        String stage = environment < 0.80 ? TAGS.get(0) : environment < 0.95 ? TAGS.get(1) : TAGS.get(2);
        List<String> tags = random.nextDouble() < 0.2 ? List.of(stage, TAGS.get(3)) : List.of(stage);
        double osDraw = random.nextDouble();
        int os = app == 0 ? (osDraw < 0.5 ? 0 : osDraw < 0.85 ? 1 : 2) : (osDraw < 0.6 ? 0 : 1);
        return new SeedEvent(
                group,
                app,
                className(group),
                version,
                user,
                tags,
                OS_NAMES.get(app).get(os),
                OS_VERSIONS.get(app).get(os),
                "host-" + zeroPadded(random.nextInt(20), 2),
                random.nextInt(1_000_000),
                occurredOn);
    }

    /**
     * One event more than each group's floor, then the events left over shared in proportion to 1/rank, the
     * largest remainders first, so that the counts add up to {@code events} exactly and never increase with rank.
     */
    static int[] zipfCounts(int events, int groups) {
        double harmonic = 0;
        for (int rank = 1; rank <= groups; rank++) {
            harmonic += 1.0 / rank;
        }
        long rest = (long) events - groups;
        int[] counts = new int[groups];
        double[] remainders = new double[groups];
        long assigned = 0;
        for (int group = 0; group < groups; group++) {
            double exact = rest / (harmonic * (group + 1));
            int whole = (int) Math.floor(exact);
            counts[group] = 1 + whole;
            remainders[group] = exact - whole;
            assigned += whole;
        }
        List<Integer> byRemainder =
                new ArrayList<>(IntStream.range(0, groups).boxed().toList());
        byRemainder.sort(Comparator.comparingDouble((Integer group) -> remainders[group])
                .reversed()
                .thenComparing(group -> group));
        for (int index = 0; index < rest - assigned; index++) {
            counts[byRemainder.get(index)]++;
        }
        return counts;
    }

    static String zeroPadded(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** One report to send. {@code user} is null for the one in ten that carries none. */
    record SeedEvent(
            int group,
            int app,
            String className,
            String version,
            String user,
            List<String> tags,
            String osName,
            String osVersion,
            String machineName,
            int orderNumber,
            Instant occurredOn) {}
}
