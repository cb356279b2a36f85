package dev.faultline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A dashboard session for the page shapes, made without a browser the way a new user gets one: the server's
 * {@code users create} prints a one-time set-password link; its form (GET) sets a {@code faultline_form} cookie and
 * carries the same token in a hidden {@code _csrf} field; posting a password with both (double submit) answers 302
 * and sets {@code faultline_session}. Road not taken: {@code POST /login} needs a user who has a password already,
 * and only this form gives one.
 */
final class DashboardSession {

    static final String SESSION_COOKIE = "faultline_session";
    static final String FORM_COOKIE = "faultline_form";
    static final String CSRF_FIELD = "_csrf";

    /** At least Faultline's minimum of 10 characters; the user lives only in the run's copy of the data. */
    private static final String PASSWORD = "bench-dashboard-password";

    private static final int TIMEOUT_MILLIS = 10_000;
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSRF_NAME = Pattern.compile("\\bname=\"" + CSRF_FIELD + "\"");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");

    private DashboardSession() {}

    /**
     * How the page shapes are signed in.
     *
     * @param cookie the {@code Cookie} header of a signed-in request ({@code faultline_session=…}), or null
     * @param problem why there is no session, or null
     */
    record SignIn(String cookie, String problem) {

        static SignIn failed(String problem) {
            return new SignIn(null, problem);
        }
    }

    /** Sets a password through {@code link}, the set-password link of a user without one, and keeps the session. */
    static SignIn signIn(String host, int port, String link) {
        String path = path(link);
        try (KeepAliveConnection connection = new KeepAliveConnection(host, port, TIMEOUT_MILLIS)) {
            HttpResponse form = connection.get(path, Map.of("Accept", "text/html"));
            if (form.status() != 200) {
                return SignIn.failed("GET " + path + " answered " + form.status());
            }
            String formToken = cookie(form.headers("Set-Cookie"), FORM_COOKIE);
            String csrf = csrfField(form.bodyText());
            if (formToken == null || csrf == null) {
                return SignIn.failed(
                        "GET " + path + " set no " + FORM_COOKIE + " cookie or has no " + CSRF_FIELD + " field");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("password", PASSWORD);
            fields.put("confirm", PASSWORD);
            fields.put(CSRF_FIELD, csrf);
            HttpResponse posted = connection.post(
                    path,
                    Map.of(
                            "Content-Type", "application/x-www-form-urlencoded",
                            "Cookie", FORM_COOKIE + "=" + formToken,
                            "Accept", "text/html"),
                    formBody(fields));
            String session = cookie(posted.headers("Set-Cookie"), SESSION_COOKIE);
            if (posted.status() / 100 != 3 || session == null) {
                return SignIn.failed("POST " + path + " answered " + posted.status()
                        + (session == null ? " without a " + SESSION_COOKIE + " cookie" : ""));
            }
            return new SignIn(SESSION_COOKIE + "=" + session, null);
        } catch (IOException e) {
            return SignIn.failed(path + ": " + e);
        }
    }

    /** The path and query of a link ({@code http://localhost:8080/setup/abc} → {@code /setup/abc}). */
    static String path(String link) {
        try {
            URI uri = URI.create(link);
            if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
                return link;
            }
            return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return link;
        }
    }

    /** The value of the first {@code <input name="_csrf">} of a form page, or null. */
    static String csrfField(String html) {
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            if (CSRF_NAME.matcher(input.group()).find()) {
                Matcher value = VALUE.matcher(input.group());
                return value.find() ? value.group(1) : null;
            }
        }
        return null;
    }

    /**
     * The value cookie {@code name} gets from these {@code Set-Cookie} headers (the last one naming it), or null if
     * none names it or the last one clears it (an empty value).
     */
    static String cookie(List<String> setCookies, String name) {
        String value = null;
        for (String setCookie : setCookies) {
            int end = setCookie.indexOf(';');
            String pair = end < 0 ? setCookie : setCookie.substring(0, end);
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equals(name)) {
                value = unquote(pair.substring(equals + 1).strip());
            }
        }
        return value == null || value.isEmpty() ? null : value;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    private static byte[] formBody(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"))
                .getBytes(StandardCharsets.US_ASCII);
    }
}
