package dev.faultline.server.triage;

import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.store.GroupQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The filters and sort of a group listing, read from query parameters the same way by the pages
 * and the REST API: {@code status}, {@code since} and {@code until} (ISO-8601 instants), {@code
 * range} (a shorthand for {@code since}: {@code 1h}, {@code 24h}, {@code 7d}, {@code 30d}, {@code
 * 90d}), {@code version}, {@code tag}, {@code user}, {@code os}, {@code device}, {@code q} (text in
 * the type or message) and {@code sort} ({@code last_seen}, {@code first_seen}, {@code count},
 * {@code users}). Blank parameters are ignored.
 */
public record GroupFilters(
        GroupStatus status,
        String range,
        Instant since,
        Instant until,
        String version,
        String tag,
        String user,
        String os,
        String device,
        String text,
        GroupQuery.Sort sort) {

    public static final int MAX_FILTER_LENGTH = 500;

    /** The ranges offered, by name. */
    public static final Map<String, Duration> RANGES = Map.of(
            "1h", Duration.ofHours(1),
            "24h", Duration.ofHours(24),
            "7d", Duration.ofDays(7),
            "30d", Duration.ofDays(30),
            "90d", Duration.ofDays(90));

    /**
     * Reads the filters; fails with {@link IllegalArgumentException} and a message naming the
     * parameter when one is malformed.
     */
    public static GroupFilters parse(Function<String, String> param, Clock clock) {
        String range = text(param, "range");
        Instant since = instant(param, "since");
        if (range != null) {
            Duration duration = RANGES.get(range);
            if (duration == null) {
                throw new IllegalArgumentException("range must be one of 1h, 24h, 7d, 30d, 90d, got '" + range + "'");
            }
            since = clock.instant().minus(duration);
        }
        return new GroupFilters(
                status(text(param, "status")),
                range,
                since,
                instant(param, "until"),
                text(param, "version"),
                text(param, "tag"),
                text(param, "user"),
                text(param, "os"),
                text(param, "device"),
                text(param, "q"),
                sort(text(param, "sort")));
    }

    public GroupQuery query(Set<Long> appIds, String cursor, int limit) {
        return new GroupQuery(appIds, status, since, until, version, tag, user, os, device, text, sort, cursor, limit);
    }

    /** The sort's name in query parameters. */
    public String sortCode() {
        return sort == null ? "last_seen" : sort.name().toLowerCase(Locale.ROOT);
    }

    private static GroupStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return GroupStatus.fromCode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "status must be one of active, resolved, ignored, permanently_ignored, got '" + value + "'");
        }
    }

    private static GroupQuery.Sort sort(String value) {
        if (value == null) {
            return GroupQuery.Sort.LAST_SEEN;
        }
        try {
            return GroupQuery.Sort.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "sort must be one of last_seen, first_seen, count, users, got '" + value + "'");
        }
    }

    private static Instant instant(Function<String, String> param, String name) {
        String value = text(param, name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    private static String text(Function<String, String> param, String name) {
        String value = param.apply(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FILTER_LENGTH) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_FILTER_LENGTH + " characters");
        }
        return value.strip();
    }
}
