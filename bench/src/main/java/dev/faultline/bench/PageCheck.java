package dev.faultline.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The checks of a dashboard page before it is timed, read from its HTML as Faultline renders the group list: one
 * {@code <tr data-group-id="…">} per group, the Events and Users columns as {@code data-testid="count"} and
 * {@code data-testid="users"} cells, and {@code data-testid="empty"} when nothing is listed. A page that sends the
 * browser to {@code /login} (302, or 401 with {@code HX-Redirect} for htmx) was asked without a working session.
 */
final class PageCheck {

    private static final Pattern ROW = Pattern.compile("<tr\\b[^>]*\\bdata-group-id=\"([^\"]*)\"");
    private static final Pattern EMPTY_STATE = Pattern.compile("\\bdata-testid=\"empty\"");
    private static final Pattern COUNT = Pattern.compile("\\bdata-testid=\"count\"[^>]*>\\s*(\\d+)\\s*<");
    private static final Pattern USERS = Pattern.compile("\\bdata-testid=\"users\"[^>]*>\\s*(\\d+)\\s*<");
    private static final Pattern DOCUMENT = Pattern.compile("<html\\b", Pattern.CASE_INSENSITIVE);

    private PageCheck() {}

    /**
     * Why {@code response} is not a page a signed-in user sees, or null: it must be a 200 of {@code text/html}, as
     * is or gzipped.
     */
    static String answerProblem(HttpResponse response) {
        String redirect = redirect(response);
        if (redirect != null && redirect.startsWith("/login")) {
            return "answered " + response.status() + " to " + redirect + ": the session does not work";
        }
        if (response.status() != 200) {
            return "answered " + response.status() + (redirect == null ? "" : " to " + redirect);
        }
        String type = response.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            return "answered 200 with Content-Type " + type + ", not text/html";
        }
        String encoding = response.header("Content-Encoding");
        if (encoding != null && !encoding.equalsIgnoreCase("gzip") && !encoding.equalsIgnoreCase("identity")) {
            return "answered 200 with Content-Encoding " + encoding + ", not gzip";
        }
        return null;
    }

    /** The HTML of an answer {@link #answerProblem} passed, gunzipped if it came gzipped. */
    static String html(HttpResponse response) throws IOException {
        if (!"gzip".equalsIgnoreCase(response.header("Content-Encoding"))) {
            return response.bodyText();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Why {@code html} is not what {@code kind} asks for, or null: a whole document for {@link QueryShape.Kind#PAGE},
     * the table alone for {@link QueryShape.Kind#HTMX}.
     */
    static String documentProblem(String html, QueryShape.Kind kind) {
        boolean document = DOCUMENT.matcher(html).find();
        if (kind == QueryShape.Kind.PAGE && !document) {
            return "answered a fragment, not a whole page";
        }
        if (kind == QueryShape.Kind.HTMX && document) {
            return "answered the whole page: HX-Request is not applied";
        }
        return null;
    }

    /** Why the page lists no group, or null; a filtered list may show the empty state instead. */
    static String rowsProblem(String html, boolean filtered) {
        if (!groupIds(html).isEmpty() || (filtered && showsEmptyState(html))) {
            return null;
        }
        return showsEmptyState(html)
                ? "lists no group: it shows the empty state"
                : "lists no group: no data-group-id row and no empty state";
    }

    /** Why the control page (a filter value that matches nothing) shows the filter is not applied, or null. */
    static String controlProblem(String controlHtml) {
        int listed = groupIds(controlHtml).size();
        if (listed > 0) {
            return "the filter is not applied: a value that matches nothing still listed " + listed + " groups";
        }
        return showsEmptyState(controlHtml)
                ? null
                : "a value that matches nothing shows neither groups nor the empty state";
    }

    /**
     * Why the page shows its sort is not applied, or null: the column of {@code order} ({@code count} or
     * {@code userCount}) must not increase down the page. Other fields are not shown as numbers and not judged.
     */
    static String orderProblem(String html, String order) {
        Pattern column = switch (order) {
            case "count" -> COUNT;
            case "userCount" -> USERS;
            default -> null;
        };
        if (column == null) {
            return null;
        }
        long previous = Long.MAX_VALUE;
        Matcher matcher = column.matcher(html);
        while (matcher.find()) {
            long value = Long.parseLong(matcher.group(1));
            if (value > previous) {
                return "the sort is not applied: " + order + " increases down the page";
            }
            previous = value;
        }
        return null;
    }

    /** The ids of the listed groups, top to bottom. */
    static List<String> groupIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = ROW.matcher(html);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    static boolean showsEmptyState(String html) {
        return EMPTY_STATE.matcher(html).find();
    }

    /**
     * How a failed answer is counted under load: {@code HTTP 302 to /login} when it redirects (the query left off,
     * so that every signed-out answer counts under one name), else {@code HTTP 500}.
     */
    static String errorName(HttpResponse response) {
        String redirect = redirect(response);
        return "HTTP " + response.status() + (redirect == null ? "" : " to " + withoutQuery(redirect));
    }

    /** Where the answer sends the browser: {@code Location}, or {@code HX-Redirect} for htmx; as a path if local. */
    static String redirect(HttpResponse response) {
        String location = response.header("Location");
        if (location == null) {
            location = response.header("HX-Redirect");
        }
        return location == null ? null : DashboardSession.path(location);
    }

    private static String withoutQuery(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
