package dev.faultline.server.web.view;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An instant as pages show it: relative ("5 min ago") with the exact time for a {@code title}
 * attribute and the ISO form for {@code <time datetime>}.
 *
 * @param iso the instant in ISO-8601, for machines
 * @param exact the instant in UTC to the second, for people
 * @param relative how long ago, as of the page's rendering
 */
public record TimeView(String iso, String exact, String relative) {
    private static final DateTimeFormatter EXACT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** The view of {@code at} as seen at {@code now}; null when {@code at} is null. */
    public static TimeView of(Instant at, Instant now) {
        if (at == null) {
            return null;
        }
        return new TimeView(at.toString(), EXACT.format(at), relative(Duration.between(at, now)));
    }

    public static String exact(Instant at) {
        return at == null ? null : EXACT.format(at);
    }

    /** A short English age; times slightly ahead (client clocks) count as now. */
    static String relative(Duration age) {
        long seconds = age.toSeconds();
        if (seconds < 45) {
            return "just now";
        }
        long minutes = Math.max(1, Math.round(seconds / 60.0));
        if (minutes < 60) {
            return minutes + " min ago";
        }
        long hours = age.toHours();
        if (hours < 24) {
            return hours + " h ago";
        }
        long days = age.toDays();
        if (days < 31) {
            return days == 1 ? "yesterday" : days + " days ago";
        }
        if (days < 365) {
            long months = days / 30;
            return months == 1 ? "a month ago" : months + " months ago";
        }
        long years = days / 365;
        return years == 1 ? "a year ago" : years + " years ago";
    }
}
