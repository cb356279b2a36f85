package dev.faultline.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.server.web.WebAuth;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard as a browser without JavaScript sees it: keeps the cookies it is given, follows no
 * redirects, and submits forms with the CSRF token of the page it loaded last.
 */
final class FormClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;
    private List<String> lastSetCookies = List.of();
    private HttpResponse<String> last;

    FormClient(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    FormClient(TestServer server) {
        this(HttpClient.newHttpClient(), server.uri("/"));
    }

    HttpResponse<String> get(String path) {
        return remember(TestServer.send(http, request(path).GET()));
    }

    /** POSTs the fields as they are (no CSRF token added). */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, UTF_8)));
        return remember(TestServer.send(
                http,
                request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
    }

    /** POSTs the fields with the CSRF token of the last page loaded, as its form would. */
    HttpResponse<String> submit(String path, Map<String, String> fields) {
        if (csrf == null) {
            throw new IllegalStateException("no page with a form was loaded before submitting to " + path
                    + "; the last answer was " + last.statusCode() + ": " + last.body());
        }
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf);
        return post(path, withToken);
    }

    /**
     * Signs in through the sign-in form, requiring success, and loads the account page so that
     * the next {@link #submit} carries the session's token.
     */
    void signIn(String email, String password) {
        HttpResponse<String> response = tryToSignIn(email, password);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(cookie(WebAuth.SESSION_COOKIE)).isNotNull();
        assertThat(get("/account").statusCode()).isEqualTo(200);
    }

    HttpResponse<String> tryToSignIn(String email, String password) {
        get("/login");
        return submit("/login", Map.of("email", email, "password", password));
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    void cookie(String name, String value) {
        cookies.put(name, value);
    }

    /** The {@code Set-Cookie} header of the last response that set {@code name}, or null. */
    String setCookie(String name) {
        return lastSetCookies.stream()
                .filter(header -> header.startsWith(name + "="))
                .findFirst()
                .orElse(null);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ")
                    .append(name)
                    .append('=')
                    .append(value));
            request.header("Cookie", header.toString());
        }
        return request;
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        last = response;
        List<String> setCookies = response.headers().allValues("Set-Cookie");
        if (!setCookies.isEmpty()) {
            lastSetCookies = setCookies;
        }
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            boolean expired = value.isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0");
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        Matcher token = CSRF.matcher(response.body() == null ? "" : response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    /** The text of the element with this id, as the page shows it (entities of quotes decoded). */
    static String elementText(String html, String id) {
        Matcher matcher = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<")
                .matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no element #" + id + " in " + html);
        }
        return matcher.group(1)
                .replace("&amp;", "&")
                .replace("&#39;", "'")
                .replace("&quot;", "\"")
                .strip();
    }

    /** The path and query of an absolute link. */
    static String path(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
