package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class PageCheckTest {

    private static final String TABLE = """
            <table class="groups"><tbody>
              <tr data-group-id="42">
                <td class="check"><input type="checkbox" name="id" value="42" aria-label="Select"></td>
                <td class="num" data-testid="count">1200</td>
                <td class="num" data-testid="users">30</td>
              </tr>
              <tr data-group-id="7">
                <td class="num" data-testid="count">1200</td>
                <td class="num" data-testid="users">41</td>
              </tr>
              <tr data-group-id="9">
                <td class="num" data-testid="count">11</td>
                <td class="num" data-testid="users">2</td>
              </tr>
            </tbody></table>
            """;
    private static final String EMPTY = """
            <div class="card empty" data-testid="empty">
              <h2>No error groups match</h2>
            </div>
            """;
    private static final String PAGE =
            "<!doctype html>\n<html lang=\"en\">\n<body><div id=\"group-table\">" + TABLE + "</div></body></html>";

    @Test
    void readsTheRowsAndTheEmptyState() {
        assertThat(PageCheck.groupIds(PAGE)).containsExactly("42", "7", "9");
        assertThat(PageCheck.groupIds(EMPTY)).isEmpty();
        assertThat(PageCheck.showsEmptyState(EMPTY)).isTrue();
        assertThat(PageCheck.showsEmptyState(PAGE)).isFalse();
    }

    @Test
    void aPageIsAWholeDocumentAndTheHtmxAnswerOnlyTheTable() {
        assertThat(PageCheck.answerProblem(html(200, PAGE))).isNull();
        assertThat(PageCheck.documentProblem(PAGE, QueryShape.Kind.PAGE)).isNull();
        assertThat(PageCheck.documentProblem(TABLE, QueryShape.Kind.HTMX)).isNull();
        assertThat(PageCheck.documentProblem(TABLE, QueryShape.Kind.PAGE))
                .isEqualTo("answered a fragment, not a whole page");
        assertThat(PageCheck.documentProblem(PAGE, QueryShape.Kind.HTMX))
                .isEqualTo("answered the whole page: HX-Request is not applied");
    }

    @Test
    void readsGzippedPages() throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse response = new HttpResponse(
                200,
                List.of(Map.entry("Content-Type", "text/html;charset=utf-8"), Map.entry("Content-Encoding", "gzip")),
                gzipped.toByteArray(),
                true);

        assertThat(PageCheck.answerProblem(response)).isNull();
        assertThat(PageCheck.html(response)).isEqualTo(PAGE);
        assertThat(PageCheck.html(html(200, TABLE))).isEqualTo(TABLE);
        assertThat(PageCheck.answerProblem(response(
                        200, List.of(Map.entry("Content-Type", "text/html"), Map.entry("Content-Encoding", "br")), "")))
                .isEqualTo("answered 200 with Content-Encoding br, not gzip");
    }

    @Test
    void aRedirectToTheSignInPageIsASessionFailureNotAnAnswer() {
        HttpResponse signedOut = response(302, List.of(Map.entry("Location", "/login?next=%2Fapps%2F1%2Fgroups")), "");
        HttpResponse htmxSignedOut = response(401, List.of(Map.entry("HX-Redirect", "/login?next=%2Fgroups")), "");

        assertThat(PageCheck.answerProblem(signedOut))
                .isEqualTo("answered 302 to /login?next=%2Fapps%2F1%2Fgroups: the session does not work");
        assertThat(PageCheck.answerProblem(htmxSignedOut))
                .isEqualTo("answered 401 to /login?next=%2Fgroups: the session does not work");
        assertThat(PageCheck.errorName(signedOut)).isEqualTo("HTTP 302 to /login");
        assertThat(PageCheck.errorName(htmxSignedOut)).isEqualTo("HTTP 401 to /login");
        assertThat(PageCheck.errorName(response(500, List.of(), "boom"))).isEqualTo("HTTP 500");
    }

    @Test
    void otherStatusesAndContentTypesAreNamed() {
        assertThat(PageCheck.answerProblem(
                        response(302, List.of(Map.entry("Location", "http://127.0.0.1:8080/groups")), "")))
                .isEqualTo("answered 302 to /groups");
        assertThat(PageCheck.answerProblem(response(404, List.of(), ""))).isEqualTo("answered 404");
        assertThat(PageCheck.answerProblem(response(200, List.of(Map.entry("Content-Type", "application/json")), "{}")))
                .isEqualTo("answered 200 with Content-Type application/json, not text/html");
    }

    @Test
    void aPageMustListGroupsUnlessAFilterLeavesNone() {
        assertThat(PageCheck.rowsProblem(PAGE, false)).isNull();
        assertThat(PageCheck.rowsProblem(EMPTY, true)).isNull();
        assertThat(PageCheck.rowsProblem(EMPTY, false)).isEqualTo("lists no group: it shows the empty state");
        assertThat(PageCheck.rowsProblem("<p class=\"error\">This page link no longer works</p>", true))
                .isEqualTo("lists no group: no data-group-id row and no empty state");
    }

    @Test
    void aControlWithRowsShowsTheFilterIsIgnored() {
        assertThat(PageCheck.controlProblem(EMPTY)).isNull();
        assertThat(PageCheck.controlProblem(PAGE))
                .isEqualTo("the filter is not applied: a value that matches nothing still listed 3 groups");
        assertThat(PageCheck.controlProblem("<p class=\"error\" role=\"alert\">bad filter</p>"))
                .isEqualTo("a value that matches nothing shows neither groups nor the empty state");
    }

    @Test
    void anIncreasingCountColumnShowsTheSortIsIgnored() {
        assertThat(PageCheck.orderProblem(PAGE, "count")).isNull();
        assertThat(PageCheck.orderProblem(PAGE, "userCount"))
                .isEqualTo("the sort is not applied: userCount increases down the page");
        assertThat(PageCheck.orderProblem(PAGE, "lastSeen")).isNull(); // not a number on the page: not judged
    }

    private static HttpResponse html(int status, String body) {
        return response(status, List.of(Map.entry("Content-Type", "text/html;charset=utf-8")), body);
    }

    private static HttpResponse response(int status, List<Map.Entry<String, String>> headers, String body) {
        return new HttpResponse(status, headers, body.getBytes(StandardCharsets.UTF_8), true);
    }
}
