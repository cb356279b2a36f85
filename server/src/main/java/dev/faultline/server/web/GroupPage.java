package dev.faultline.server.web;

import dev.faultline.server.web.view.Option;
import dev.faultline.server.web.view.ReportView;
import dev.faultline.server.web.view.StatusView;
import dev.faultline.server.web.view.TimeView;
import java.util.List;

/**
 * The group page's model: the header, the chart, one event in full, breakdowns, affected users,
 * the triage panel and the history.
 *
 * @param ranges the chart's ranges as links (value: the page's URL with that range)
 * @param chartUrl where the chart's JSON comes from
 * @param event the event shown, or null when the group has none left (retention deleted them)
 * @param moreUsersHref the page listing every affected user, or null when all are shown
 * @param error what was wrong with the last form sent, or null
 */
public record GroupPage(
        Chrome chrome,
        Header header,
        List<Option> ranges,
        String chartUrl,
        EventSection event,
        List<Breakdown> breakdowns,
        List<String> users,
        String moreUsersHref,
        TriagePanel triage,
        List<ActivityView> activity,
        String error) {

    /**
     * What the group is.
     *
     * @param type the error type, or the title when the type is empty
     * @param versions the versions seen, most recent first (at most a few dozen)
     * @param assignee the assignee's email, or null
     */
    public record Header(
            long id,
            String type,
            String message,
            String appName,
            String appHref,
            StatusView status,
            long count,
            long users,
            TimeView firstSeen,
            TimeView lastSeen,
            List<String> versions,
            String assignee) {}

    /**
     * One stored event.
     *
     * @param olderHref the previous (older) event of the group, or null
     * @param newerHref the next (newer) event, or null
     * @param latestHref the newest event, or null when this is it
     * @param report null when the payload can no longer be read (download it instead)
     */
    public record EventSection(
            long id,
            TimeView occurredAt,
            TimeView receivedAt,
            String protocol,
            String version,
            String olderHref,
            String newerHref,
            String latestHref,
            String payloadHref,
            ReportView report,
            List<AttachmentView> attachments) {}

    /**
     * An attachment of the event.
     *
     * @param preview the start of its text for text and small JSON files, or null
     * @param minidump whether it is a native crash's minidump
     */
    public record AttachmentView(
            String name, String contentType, String size, String href, String preview, boolean minidump) {}

    /** Occurrences by one dimension (version, OS, device, tag). */
    public record Breakdown(String id, String title, List<BreakdownRow> rows) {}

    /** One value's share of the group's occurrences. */
    public record BreakdownRow(String value, long count, long total, String percent) {}

    /**
     * The triage forms' state.
     *
     * @param statuses the status choices, the current one selected
     * @param resolvedIn the version of "resolved in version", or null
     * @param discardNew whether new reports are discarded
     */
    public record TriagePanel(List<Option> statuses, String resolvedIn, boolean discardNew, List<Option> assignees) {}

    /**
     * One entry of the history.
     *
     * @param kind {@code status_changed}, {@code assigned}, {@code commented} or {@code regressed}
     * @param actor who did it ("Faultline" for a regression)
     * @param text what happened, in words
     * @param comment a comment's text, or null
     */
    public record ActivityView(String kind, TimeView at, String actor, String text, String comment) {

        public boolean regression() {
            return "regressed".equals(kind);
        }
    }

    /** The page listing every user a group affected. */
    public record UsersPage(Chrome chrome, long groupId, String title, List<String> users, String next, String error) {}
}
