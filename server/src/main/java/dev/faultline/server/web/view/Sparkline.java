package dev.faultline.server.web.view;

import dev.faultline.core.store.GroupDetail.HourCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny bar chart drawn as inline SVG by the page (attributes only: the CSP forbids inline
 * styles). Heights are scaled to the busiest bucket; a bucket with any report is at least one
 * pixel high, so that a single report among thousands still shows.
 *
 * @param label what the chart shows, for screen readers ("12 in the last 24 hours")
 */
public record Sparkline(int width, int height, List<Bar> bars, long total, String label) {
    static final int HEIGHT = 24;
    static final int BAR = 4;
    static final int GAP = 1;

    /** One bucket; {@code title} becomes the bar's tooltip. */
    public record Bar(int x, int y, int width, int height, String title) {}

    /**
     * The chart of {@code hours} over {@code buckets}.
     *
     * @param period how the buckets read in the label ("24 hours", "14 days")
     */
    public static Sparkline of(Buckets buckets, List<HourCount> hours, String period) {
        long[] counts = buckets.fill(hours);
        long[] times = buckets.times();
        long max = 0;
        long total = 0;
        for (long count : counts) {
            max = Math.max(max, count);
            total += count;
        }
        List<Bar> bars = new ArrayList<>();
        for (int index = 0; index < counts.length; index++) {
            if (counts[index] == 0) {
                continue;
            }
            int height = (int) Math.max(1, Math.round((double) counts[index] * (HEIGHT - 1) / max));
            String when = TimeView.exact(Instant.ofEpochSecond(times[index]));
            bars.add(new Bar(
                    index * (BAR + GAP),
                    HEIGHT - height,
                    BAR,
                    height,
                    counts[index] + (buckets.hourly() ? " in the hour from " : " on the day from ") + when));
        }
        int width = counts.length * (BAR + GAP) - GAP;
        return new Sparkline(width, HEIGHT, bars, total, total + " in the last " + period);
    }
}
