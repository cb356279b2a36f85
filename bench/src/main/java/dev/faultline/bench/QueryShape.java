package dev.faultline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One kind of group-list request the dashboard makes, measured on its own: a REST API call, or a page of the
 * dashboard as a signed-in browser opens it. A server that does not know a query parameter may ignore it and answer
 * 200 with the unfiltered list, which would be timed as if it were the filtered one; so before the load each shape is
 * checked once ({@link #controlProblem}, {@link #orderProblem}, {@link #secondPageProblem}; {@link PageCheck} for
 * pages).
 *
 * @param name as printed, such as {@code app sort=count}
 * @param target the request target, path and query
 * @param control a target that lists no group when the server applies the shape's filter (the same filter with a
 *     value that matches nothing), or null
 * @param order the group field that must not increase down a page when the server applies the shape's sort, or null
 *     (pages: only {@code count} and {@code userCount}, the columns shown as plain numbers)
 * @param secondPage whether the measured request is the page after {@code target}'s first, found by its {@code next}
 *     cursor; the first page is then measured under the shape of the same kind named like {@code target}
 * @param kind what is asked for, which decides the headers and the check
 */
record QueryShape(String name, String target, String control, String order, boolean secondPage, Kind kind) {

    static final int PAGE = 25;

    /** The values the filter shapes ask for; each matches some seeded groups but not all. */
    static final String VERSION = SeedPlan.VERSIONS.get(13); // 2.3.0

    static final String TAG = SeedPlan.TAGS.get(2); // beta
    static final String TEXT = "Failure004"; // Failure0040 .. Failure0049
    static final String USER = "user-0042";
    static final String OS = SeedPlan.OS_NAMES.get(0).get(2); // MacOSX

    /** What a shape asks for. */
    enum Kind {
        /** JSON from the REST API, with the bearer token. */
        API,
        /** A whole HTML page, with the session cookie, as a browser navigates to it. */
        PAGE,
        /** The list's table alone, as htmx fetches it when a filter changes ({@code HX-Request: true}). */
        HTMX
    }

    /**
     * The shapes, for one app's list and for the list across all apps: the API's, then the pages'. Names are
     * unique. The pages take no {@code limit}: they list the server's page size (50 in Faultline).
     */
    static List<QueryShape> all(long appId) {
        String app = "/api/v1/apps/" + appId + "/groups?limit=" + PAGE;
        String all = "/api/v1/groups?limit=" + PAGE;
        List<QueryShape> shapes = new ArrayList<>();
        shapes.add(api("app", app, null, "lastSeen"));
        shapes.add(api("app sort=count", app + "&sort=count", null, "count"));
        shapes.add(api("app sort=users", app + "&sort=users", null, "userCount"));
        shapes.add(api("app sort=first_seen", app + "&sort=first_seen", null, "firstSeen"));
        shapes.add(filter(app, "status", "active", "resolved"));
        shapes.add(filter(app, "version", VERSION, "0.0.0-none"));
        shapes.add(filter(app, "tag", TAG, "no-such-tag"));
        shapes.add(filter(app, "q", TEXT, "NoSuchText"));
        shapes.add(filter(app, "user", USER, "no-such-user"));
        shapes.add(filter(app, "os", OS, "NoSuchOs"));
        shapes.add(new QueryShape("app page 2", app, null, "lastSeen", true, Kind.API));
        shapes.add(api("all apps", all, null, "lastSeen"));
        shapes.add(api("all apps sort=count", all + "&sort=count", null, "count"));
        String page = "/apps/" + appId + "/groups";
        shapes.add(new QueryShape("page app", page, null, null, false, Kind.PAGE));
        shapes.add(new QueryShape("page all apps", "/groups", null, null, false, Kind.PAGE));
        shapes.add(new QueryShape(
                "page app q=" + TEXT, page + "?q=" + encode(TEXT), page + "?q=NoSuchText", null, false, Kind.PAGE));
        shapes.add(new QueryShape(
                "page app version=" + VERSION + "&sort=count",
                page + "?version=" + encode(VERSION) + "&sort=count",
                page + "?version=0.0.0-none&sort=count",
                "count",
                false,
                Kind.PAGE));
        shapes.add(new QueryShape("page htmx app", page, null, null, false, Kind.HTMX));
        return List.copyOf(shapes);
    }

    private static QueryShape api(String name, String target, String control, String order) {
        return new QueryShape(name, target, control, order, false, Kind.API);
    }

    private static QueryShape filter(String base, String parameter, String value, String matchesNothing) {
        return api(
                "app " + parameter + "=" + value,
                base + "&" + parameter + "=" + encode(value),
                base + "&" + parameter + "=" + encode(matchesNothing),
                "lastSeen");
    }

    /** {@code target} for the page after the one whose {@code next} was {@code cursor}. */
    static String withCursor(String target, String cursor) {
        return target + "&cursor=" + encode(cursor);
    }

    /** A query value, percent-encoded ({@code %20} for a space, which every server reads the same way). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Why the control page shows the filter is not applied, or null: it must list no group. */
    static String controlProblem(JsonNode controlPage) {
        int listed = controlPage.path("items").size();
        return listed == 0
                ? null
                : "the filter is not applied: a value that matches nothing still listed " + listed + " groups";
    }

    /**
     * Why {@code page} shows the sort is not applied, or null: {@link #order} must not increase down the page.
     * Items without the field (or with one that is neither a number nor an instant) are not judged.
     */
    String orderProblem(JsonNode page) {
        if (order == null) {
            return null;
        }
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode item : page.path("items")) {
            double value = sortValue(item.get(order));
            if (Double.isNaN(value)) {
                return null;
            }
            if (value > previous) {
                return "the sort is not applied: " + order + " increases down the page";
            }
            previous = value;
        }
        return null;
    }

    /** Why the second page shows the cursor is not applied, or null: it must not repeat a group of the first. */
    static String secondPageProblem(JsonNode first, JsonNode second) {
        Set<String> ids = new HashSet<>();
        first.path("items").forEach(item -> ids.add(item.path("id").asText()));
        for (JsonNode item : second.path("items")) {
            if (ids.contains(item.path("id").asText())) {
                return "the cursor is not applied: page 2 repeats group "
                        + item.path("id").asText();
            }
        }
        return null;
    }

    /** The {@code next} cursor of a page, or null when it is the last. */
    static String next(JsonNode page) {
        JsonNode next = page.get("next");
        return next == null || next.isNull() ? null : next.asText();
    }

    private static double sortValue(JsonNode value) {
        if (value == null) {
            return Double.NaN;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        try {
            Instant instant = Instant.parse(value.asText());
            return instant.getEpochSecond() * 1e3 + instant.getNano() / 1e6;
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }
}
