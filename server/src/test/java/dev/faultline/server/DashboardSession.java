package dev.faultline.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.faultline.server.web.WebAuth;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser signed in to the dashboard through the real sign-in form, for the page tests: GETs
 * pages (also as htmx does), and POSTs forms with repeated fields (the group list's checkboxes)
 * and the session's CSRF token, as the pages' forms do.
 */
final class DashboardSession {
    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");
    private static final Pattern GROUP_ROW = Pattern.compile("<tr data-group-id=\"(\\d+)\"");

    private final TestServer server;
    private final FormClient form;
    private String csrf;

    private DashboardSession(TestServer server, FormClient form) {
        this.server = server;
        this.form = form;
    }

    /** Signs in as a user made with {@link TestAccounts} (password {@link TestAccounts#PASSWORD}). */
    static DashboardSession signIn(TestServer server, String email) {
        FormClient form = new FormClient(server);
        form.signIn(email, TestAccounts.PASSWORD);
        DashboardSession session = new DashboardSession(server, form);
        session.get("/apps");
        return session;
    }

    HttpResponse<String> get(String path) {
        return remember(form.get(path));
    }

    /** A GET as htmx sends it (the {@code HX-Request} header). */
    HttpResponse<String> htmx(String path) {
        return TestServer.send(
                server.http, request(path).header("HX-Request", "true").GET());
    }

    /** POSTs a form: names and values in turn (a name may repeat), with the CSRF token. */
    HttpResponse<String> post(String path, String... namesAndValues) {
        List<String> fields = new ArrayList<>(List.of(namesAndValues));
        fields.add("_csrf");
        fields.add(csrf);
        StringBuilder body = new StringBuilder();
        for (int index = 0; index + 1 < fields.size(); index += 2) {
            body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(fields.get(index), UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(fields.get(index + 1), UTF_8));
        }
        return remember(TestServer.send(
                server.http,
                request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
    }

    /** A GET that must answer 200; returns the page. */
    String page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The group ids of a group list's rows, in order. */
    static List<Long> groupRows(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = GROUP_ROW.matcher(html);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    /** The value of the first {@code attribute="…"} after {@code marker} in the page. */
    static String attributeAfter(String html, String marker, String attribute) {
        int at = html.indexOf(marker);
        if (at < 0) {
            throw new AssertionError("no " + marker + " in the page");
        }
        Matcher matcher =
                Pattern.compile(Pattern.quote(attribute) + "=\"([^\"]*)\"").matcher(html);
        if (!matcher.find(at)) {
            throw new AssertionError("no " + attribute + " after " + marker);
        }
        return matcher.group(1).replace("&amp;", "&");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.uri(path))
                .header("Cookie", WebAuth.SESSION_COOKIE + "=" + form.cookie(WebAuth.SESSION_COOKIE));
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        Matcher token = CSRF.matcher(response.body() == null ? "" : response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }
}
