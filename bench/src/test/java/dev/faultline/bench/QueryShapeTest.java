package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listsEveryShapeOfTheIssueOnce() {
        List<QueryShape> shapes = QueryShape.all(7);

        assertThat(shapes)
                .extracting(QueryShape::name, QueryShape::target)
                .containsExactly(
                        tuple("app", "/api/v1/apps/7/groups?limit=25"),
                        tuple("app sort=count", "/api/v1/apps/7/groups?limit=25&sort=count"),
                        tuple("app sort=users", "/api/v1/apps/7/groups?limit=25&sort=users"),
                        tuple("app sort=first_seen", "/api/v1/apps/7/groups?limit=25&sort=first_seen"),
                        tuple("app status=active", "/api/v1/apps/7/groups?limit=25&status=active"),
                        tuple("app version=2.3.0", "/api/v1/apps/7/groups?limit=25&version=2.3.0"),
                        tuple("app tag=beta", "/api/v1/apps/7/groups?limit=25&tag=beta"),
                        tuple("app q=Failure004", "/api/v1/apps/7/groups?limit=25&q=Failure004"),
                        tuple("app user=user-0042", "/api/v1/apps/7/groups?limit=25&user=user-0042"),
                        tuple("app os=MacOSX", "/api/v1/apps/7/groups?limit=25&os=MacOSX"),
                        tuple("app page 2", "/api/v1/apps/7/groups?limit=25"),
                        tuple("all apps", "/api/v1/groups?limit=25"),
                        tuple("all apps sort=count", "/api/v1/groups?limit=25&sort=count"),
                        tuple("page app", "/apps/7/groups"),
                        tuple("page all apps", "/groups"),
                        tuple("page app q=Failure004", "/apps/7/groups?q=Failure004"),
                        tuple("page app version=2.3.0&sort=count", "/apps/7/groups?version=2.3.0&sort=count"),
                        tuple("page htmx app", "/apps/7/groups"));
        assertThat(shapes)
                .filteredOn(QueryShape::secondPage)
                .extracting(QueryShape::name)
                .containsExactly("app page 2");
        assertThat(shapes.get(5).control()).isEqualTo("/api/v1/apps/7/groups?limit=25&version=0.0.0-none");
        assertThat(shapes.get(4).control()).isEqualTo("/api/v1/apps/7/groups?limit=25&status=resolved");
        assertThat(shapes)
                .filteredOn(shape -> shape.kind() == QueryShape.Kind.API)
                .hasSize(13)
                .extracting(QueryShape::order)
                .doesNotContainNull();
    }

    @Test
    void pageShapesAskTheDashboardWithTheirOwnControls() {
        List<QueryShape> pages = QueryShape.all(7).stream()
                .filter(shape -> shape.kind() != QueryShape.Kind.API)
                .toList();

        assertThat(pages)
                .extracting(QueryShape::name, QueryShape::kind, QueryShape::control, QueryShape::order)
                .containsExactly(
                        tuple("page app", QueryShape.Kind.PAGE, null, null),
                        tuple("page all apps", QueryShape.Kind.PAGE, null, null),
                        tuple("page app q=Failure004", QueryShape.Kind.PAGE, "/apps/7/groups?q=NoSuchText", null),
                        tuple(
                                "page app version=2.3.0&sort=count",
                                QueryShape.Kind.PAGE,
                                "/apps/7/groups?version=0.0.0-none&sort=count",
                                "count"),
                        tuple("page htmx app", QueryShape.Kind.HTMX, null, null));
        assertThat(pages).noneMatch(QueryShape::secondPage);
    }

    @Test
    void theFilterValuesOccurInTheSeed() {
        assertThat(SeedPlan.VERSIONS).contains(QueryShape.VERSION);
        assertThat(SeedPlan.TAGS).contains(QueryShape.TAG);
        assertThat(SeedPlan.OS_NAMES.getFirst()).contains(QueryShape.OS);
        assertThat(SeedPlan.create(20_000, 10_000).className(45)).contains(QueryShape.TEXT);
    }

    @Test
    void encodesValuesAndCursors() {
        assertThat(QueryShape.encode("Linux x86_64")).isEqualTo("Linux%20x86_64");
        assertThat(QueryShape.withCursor("/api/v1/groups?limit=25", "gl:17+3/="))
                .isEqualTo("/api/v1/groups?limit=25&cursor=gl%3A17%2B3%2F%3D");
    }

    @Test
    void aControlPageWithGroupsShowsTheFilterIsIgnored() throws IOException {
        assertThat(QueryShape.controlProblem(page("{\"items\":[],\"next\":null}")))
                .isNull();
        assertThat(QueryShape.controlProblem(page("{\"items\":[{\"id\":1},{\"id\":2}],\"next\":null}")))
                .isEqualTo("the filter is not applied: a value that matches nothing still listed 2 groups");
    }

    @Test
    void anIncreasingSortFieldShowsTheSortIsIgnored() throws IOException {
        QueryShape byCount = new QueryShape("c", "/c", null, "count", false, QueryShape.Kind.API);
        QueryShape byFirstSeen = new QueryShape("f", "/f", null, "firstSeen", false, QueryShape.Kind.API);

        assertThat(byCount.orderProblem(page("{\"items\":[{\"count\":9},{\"count\":9},{\"count\":2}]}")))
                .isNull();
        assertThat(byCount.orderProblem(page("{\"items\":[{\"count\":2},{\"count\":9}]}")))
                .isEqualTo("the sort is not applied: count increases down the page");
        assertThat(
                        byFirstSeen.orderProblem(
                                page(
                                        "{\"items\":[{\"firstSeen\":\"2026-11-22T10:00:00.5Z\"},{\"firstSeen\":\"2026-11-22T10:00:00Z\"}]}")))
                .isNull();
        assertThat(
                        byFirstSeen.orderProblem(
                                page(
                                        "{\"items\":[{\"firstSeen\":\"2026-11-22T10:00:00Z\"},{\"firstSeen\":\"2026-11-22T10:00:00.5Z\"}]}")))
                .contains("not applied");
        assertThat(byCount.orderProblem(page("{\"items\":[{\"id\":1},{\"id\":2}]}")))
                .isNull(); // nothing to judge
    }

    @Test
    void aSecondPageRepeatingAGroupShowsTheCursorIsIgnored() throws IOException {
        JsonNode first = page("{\"items\":[{\"id\":1},{\"id\":2}],\"next\":\"gl:5:2\"}");

        assertThat(QueryShape.next(first)).isEqualTo("gl:5:2");
        assertThat(QueryShape.next(page("{\"items\":[],\"next\":null}"))).isNull();
        assertThat(QueryShape.secondPageProblem(first, page("{\"items\":[{\"id\":3}]}")))
                .isNull();
        assertThat(QueryShape.secondPageProblem(first, page("{\"items\":[{\"id\":1}]}")))
                .isEqualTo("the cursor is not applied: page 2 repeats group 1");
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static JsonNode page(String json) throws IOException {
        return JSON.readTree(json);
    }
}
