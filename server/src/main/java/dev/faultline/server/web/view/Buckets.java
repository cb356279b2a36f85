package dev.faultline.server.web.view;

import dev.faultline.core.store.GroupDetail.HourCount;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Equal time buckets ending with the one that holds {@code now}: 24 hours, 7 days of hours, 14 or
 * 90 days. Hourly counts from the store are summed into them; buckets without reports stay zero.
 *
 * @param start the first bucket's start (inclusive)
 * @param size each bucket's length: an hour or a (UTC) day
 * @param count how many buckets
 */
public record Buckets(Instant start, Duration size, int count) {

    public Buckets {
        if (!size.equals(Duration.ofHours(1)) && !size.equals(Duration.ofDays(1))) {
            throw new IllegalArgumentException("buckets are an hour or a day long");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
    }

    /** The last {@code count} hours, the current one included. */
    public static Buckets hours(Instant now, int count) {
        Instant current = now.truncatedTo(ChronoUnit.HOURS);
        return new Buckets(current.minus(Duration.ofHours(count - 1L)), Duration.ofHours(1), count);
    }

    /** The last {@code count} UTC days, today included. */
    public static Buckets days(Instant now, int count) {
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        return new Buckets(today.minus(Duration.ofDays(count - 1L)), Duration.ofDays(1), count);
    }

    /** Where the last bucket ends (exclusive). */
    public Instant end() {
        return start.plus(size.multipliedBy(count));
    }

    public boolean hourly() {
        return size.equals(Duration.ofHours(1));
    }

    /** Each bucket's start, in epoch seconds. */
    public long[] times() {
        long[] times = new long[count];
        for (int index = 0; index < count; index++) {
            times[index] = start.getEpochSecond() + index * size.toSeconds();
        }
        return times;
    }

    /** The counts summed into the buckets; hours outside them are left out. */
    public long[] fill(List<HourCount> hours) {
        long[] counts = new long[count];
        long first = start.getEpochSecond();
        long width = size.toSeconds();
        for (HourCount hour : hours) {
            long offset = hour.hour().getEpochSecond() - first;
            if (offset >= 0 && offset / width < count) {
                counts[(int) (offset / width)] += hour.count();
            }
        }
        return counts;
    }
}
