package dev.faultline.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.App;
import dev.faultline.core.model.Breadcrumb;
import dev.faultline.core.model.Device;
import dev.faultline.core.model.ErrorInfo;
import dev.faultline.core.model.Frame;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.model.Report;
import dev.faultline.core.model.RequestInfo;
import dev.faultline.core.model.ResponseInfo;
import dev.faultline.core.model.Sdk;
import dev.faultline.core.model.UserInfo;
import dev.faultline.core.store.GroupDetail.HourCount;
import dev.faultline.server.web.AppPages.AppRow;
import dev.faultline.server.web.AppPages.AppsPage;
import dev.faultline.server.web.AppSettingsPages.AppSettingsPage;
import dev.faultline.server.web.AppSettingsPages.CrashFreeRow;
import dev.faultline.server.web.AppSettingsPages.DropRow;
import dev.faultline.server.web.AppSettingsPages.RetiredKeyView;
import dev.faultline.server.web.GroupListPages.Empty;
import dev.faultline.server.web.GroupListPages.GroupListPage;
import dev.faultline.server.web.GroupListPages.GroupRow;
import dev.faultline.server.web.GroupListPages.Listing;
import dev.faultline.server.web.GroupPage.ActivityView;
import dev.faultline.server.web.GroupPage.AttachmentView;
import dev.faultline.server.web.GroupPage.Breakdown;
import dev.faultline.server.web.GroupPage.BreakdownRow;
import dev.faultline.server.web.GroupPage.EventSection;
import dev.faultline.server.web.GroupPage.Header;
import dev.faultline.server.web.GroupPage.TriagePanel;
import dev.faultline.server.web.GroupPage.UsersPage;
import dev.faultline.server.web.view.Buckets;
import dev.faultline.server.web.view.Option;
import dev.faultline.server.web.view.ReportView;
import dev.faultline.server.web.view.SetupLine;
import dev.faultline.server.web.view.Sparkline;
import dev.faultline.server.web.view.StatusView;
import dev.faultline.server.web.view.TimeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every dashboard template renders every string it shows as text: each page model is filled with
 * script and markup injections, a different marker in each field, and the output must hold every
 * marker (the field was shown) but no markup that came from a field.
 */
class TemplateEscapingTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    /** A tag that a template could only have got from a field: every one the templates write is plain. */
    private static final Pattern INJECTED =
            Pattern.compile("<(script|img)[^>]*(alert|onerror)|<[a-z]+[^>]*\\sonerror=");

    private final Templates templates = new Templates();
    private final List<String> markers = new ArrayList<>();

    /** Script and attribute breakouts around a marker naming the field, which the page must show. */
    private String hostile(String field) {
        markers.add(field);
        return quiet(field);
    }

    /** The same, for a field the page uses without showing it (a selected value, say). */
    private static String quiet(String field) {
        return "<script>alert('" + field + "')</script>\"><img src=x onerror=alert('" + field + "')>";
    }

    private Chrome chrome() {
        return new Chrome(hostile("chrome-email"), true, hostile("chrome-csrf"), "groups", Assets.fromWebjars());
    }

    private String render(String template, Object model) {
        return render(template, model, true);
    }

    /**
     * Renders, finds no injected markup, and (with {@code requireAll}) finds every field's
     * marker: a field left out of the page would make the escaping check vacuous.
     */
    private String render(String template, Object model, boolean requireAll) {
        String html = templates.render(template, model);
        assertThat(html).as(template).doesNotContainPattern(INJECTED).doesNotContain("<script>alert", "<img");
        if (requireAll) {
            for (String marker : markers) {
                assertThat(html).as(template + " shows the field " + marker).contains(marker);
            }
        }
        markers.clear();
        return html;
    }

    @Test
    void groupLists() {
        render("groups.jte", groupListPage(Empty.NONE, false));
        for (Empty empty : Empty.values()) {
            for (boolean oneApp : new boolean[] {true, false}) {
                render("groups.jte", groupListPage(empty, oneApp), false);
                render("groupsTable.jte", groupListPage(empty, oneApp), false);
            }
        }
    }

    private GroupListPage groupListPage(Empty empty, boolean oneApp) {
        FilterValues filters = new FilterValues(
                quiet("filter-status"),
                quiet("filter-range"),
                hostile("filter-version"),
                hostile("filter-tag"),
                hostile("filter-user"),
                hostile("filter-os"),
                hostile("filter-device"),
                hostile("filter-q"),
                quiet("filter-sort"));
        App app = new App(7, quiet("app-name"), quiet("app-key"), quiet("app-secret"), NOW, 60, 1, 30);
        Listing listing = new Listing(
                hostile("list-title"),
                oneApp ? "/apps/7/groups" : "/groups",
                oneApp ? app : null,
                filters,
                hostile("list-self"),
                hostile("list-first"),
                true);
        List<GroupRow> rows = empty != Empty.NONE
                ? List.of()
                : List.of(new GroupRow(
                        1,
                        "/groups/1",
                        hostile("row-type"),
                        hostile("row-message"),
                        hostile("row-app"),
                        "/apps/7/groups",
                        3,
                        2,
                        TimeView.of(NOW.minusSeconds(3600), NOW),
                        TimeView.of(NOW, NOW),
                        Sparkline.of(Buckets.hours(NOW, 24), List.of(new HourCount(NOW, 3)), hostile("spark-period")),
                        new StatusView("resolved", hostile("row-status")),
                        hostile("row-assignee"),
                        List.of(hostile("row-version")),
                        2));
        return new GroupListPage(
                chrome(),
                listing,
                rows,
                hostile("next-link"),
                hostile("list-error"),
                empty,
                List.of(new Option(hostile("assignee-value"), hostile("assignee-label"), false)),
                hostile("spark-header"));
    }

    @Test
    void groupPage() {
        Header header = new Header(
                1,
                hostile("header-type"),
                hostile("header-message"),
                hostile("header-app"),
                "/apps/7/groups",
                StatusView.of(GroupStatus.RESOLVED, hostile("resolved-in"), false),
                5,
                4,
                TimeView.of(NOW, NOW),
                TimeView.of(NOW, NOW),
                List.of(hostile("header-version")),
                hostile("header-assignee"));
        EventSection event = new EventSection(
                9,
                TimeView.of(NOW, NOW),
                TimeView.of(NOW, NOW),
                "Raygun",
                hostile("event-version"),
                "/groups/1?event=8",
                "/groups/1?event=10",
                "/groups/1",
                "/events/9/payload",
                ReportView.of(report()),
                List.of(new AttachmentView(
                        hostile("attachment-name"),
                        hostile("attachment-type"),
                        "1 KB",
                        "/events/9/attachments/a",
                        hostile("attachment-preview"),
                        true)));
        GroupPage page = new GroupPage(
                chrome(),
                header,
                List.of(new Option("/groups/1?range=24h", hostile("range-label"), true)),
                "/groups/1/chart.json?range=24h",
                event,
                List.of(new Breakdown(
                        "os",
                        hostile("breakdown-title"),
                        List.of(new BreakdownRow(hostile("breakdown-value"), 3, 5, "60 %")))),
                List.of(hostile("affected-user")),
                "/groups/1/users",
                new TriagePanel(
                        List.of(new Option("resolved", hostile("status-label"), true)),
                        hostile("triage-version"),
                        true,
                        List.of(new Option("3", hostile("member-email"), true))),
                List.of(
                        new ActivityView(
                                "commented",
                                TimeView.of(NOW, NOW),
                                hostile("actor"),
                                hostile("activity-text"),
                                hostile("comment")),
                        new ActivityView("regressed", TimeView.of(NOW, NOW), "Faultline", hostile("regression"), null)),
                hostile("page-error"));

        render("group.jte", page);
        render(
                "groupUsers.jte",
                new UsersPage(
                        chrome(),
                        1,
                        hostile("users-title"),
                        List.of(hostile("user-key")),
                        "/groups/1/users?cursor=x",
                        hostile("users-error")));
    }

    /** A report with an injection in every field the page shows. */
    private Report report() {
        ErrorInfo cause = new ErrorInfo(
                hostile("inner-type"),
                hostile("inner-message"),
                List.of(new Frame(
                        "java.util.Map", hostile("library-method"), hostile("library-file"), 3, null, null, null)),
                null,
                Map.of(hostile("inner-data-key"), hostile("inner-data-value")),
                hostile("inner-raw-stack"));
        ErrorInfo error = new ErrorInfo(
                hostile("error-type"),
                hostile("error-message"),
                List.of(
                        new Frame(
                                hostile("frame-class"),
                                hostile("frame-method"),
                                hostile("frame-file"),
                                42,
                                7,
                                quiet("frame-address"),
                                quiet("frame-raw"),
                                hostile("frame-image"),
                                16L),
                        new Frame(null, null, null, null, null, null, hostile("raw-only-frame"))),
                List.of(cause),
                null,
                null);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put(hostile("custom-key"), hostile("custom-value"));
        nested.put(hostile("custom-list-key"), List.of(hostile("custom-list-item"), 3, true));
        Map<String, Object> custom = Map.of(hostile("custom-branch"), nested);
        Map<String, Object> thread = new LinkedHashMap<>();
        thread.put("id", 0);
        thread.put("name", hostile("thread-name"));
        thread.put("frames", List.of(Map.of("address", hostile("thread-address"), "code", hostile("thread-code"))));
        Map<String, Object> binary = new LinkedHashMap<>();
        binary.put("id", hostile("binary-id"));
        binary.put("name", hostile("binary-name"));
        binary.put("path", hostile("binary-path"));
        binary.put("startAddress", hostile("binary-start"));
        binary.put("endAddress", hostile("binary-end"));
        binary.put("primaryArchitectureId", hostile("binary-arch"));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", List.of(thread));
        extra.put("binaries", List.of(binary));
        extra.put(hostile("extra-key"), hostile("extra-value"));
        return new Report(
                "raygun",
                NOW,
                NOW,
                error,
                hostile("grouping-key"),
                hostile("report-version"),
                hostile("machine"),
                new Sdk(hostile("sdk-name"), hostile("sdk-version"), null),
                new UserInfo(
                        hostile("user-id"),
                        hostile("user-uuid"),
                        true,
                        hostile("user-email"),
                        hostile("user-name"),
                        hostile("user-first-name")),
                new Device(
                        hostile("os-name"),
                        hostile("os-version"),
                        hostile("model"),
                        hostile("manufacturer"),
                        hostile("locale"),
                        hostile("arch"),
                        hostile("device-name"),
                        hostile("install-id"),
                        Map.of(hostile("environment-key"), hostile("environment-value"))),
                List.of(hostile("tag")),
                custom,
                new RequestInfo(
                        hostile("request-host"),
                        hostile("request-url"),
                        hostile("request-method"),
                        hostile("request-ip"),
                        Map.of(hostile("query-key"), hostile("query-value")),
                        Map.of(hostile("header-name"), hostile("header-value")),
                        hostile("raw-form"),
                        hostile("raw-body")),
                new ResponseInfo(500),
                List.of(new Breadcrumb(
                        NOW,
                        quiet("crumb-level"),
                        hostile("crumb-type"),
                        hostile("crumb-category"),
                        hostile("crumb-message"),
                        hostile("crumb-class"),
                        hostile("crumb-method"),
                        5,
                        Map.of(hostile("crumb-data-key"), hostile("crumb-data-value")))),
                extra,
                hostile("log-id"));
    }

    @Test
    void appPages() {
        render(
                "apps.jte",
                new AppsPage(
                        chrome(),
                        List.of(new AppRow(
                                7,
                                hostile("app-name"),
                                hostile("team-name"),
                                "/apps/7/groups",
                                "/apps/7/settings",
                                TimeView.of(NOW, NOW),
                                true)),
                        true,
                        List.of(new Option("1", hostile("team-option"), false)),
                        hostile("new-app-name"),
                        hostile("apps-error")));

        App app = new App(7, hostile("settings-app-name"), hostile("api-key"), hostile("app-secret"), NOW, 60, 1, 30);
        for (boolean canManage : new boolean[] {true, false}) {
            render(
                    "appSettings.jte",
                    new AppSettingsPage(
                            chrome(),
                            app,
                            hostile("settings-team"),
                            canManage,
                            "http://" + hostile("host"),
                            SetupLine.all("http://" + hostile("host") + ":8080", app.apiKey(), app.appSecret()),
                            List.of(new RetiredKeyView(
                                    "API key",
                                    hostile("retired-key"),
                                    hostile("retired-expires"),
                                    hostile("retired-iso"))),
                            "24 hours",
                            List.of(new DropRow(hostile("drop-code"), hostile("drop-label"), 3)),
                            List.of(new CrashFreeRow(hostile("crash-free-version"), 10, 1, "90.00 %", 5, 1, "80.00 %")),
                            "/apps/7/groups",
                            hostile("notice"),
                            hostile("settings-error"),
                            TimeView.of(NOW, NOW)));
        }
    }
}
