package dev.faultline.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.store.Activity;
import dev.faultline.core.store.Attachment;
import dev.faultline.core.store.EventSummary;
import dev.faultline.core.store.GroupDetail;
import dev.faultline.core.store.SessionDay;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the REST API, kept apart from the model so that either can change. */
final class Views {
    private Views() {}

    record AppView(
            long id,
            String name,
            long teamId,
            String apiKey,
            String appSecret,
            Instant createdAt,
            Integer rateLimitPerMinute,
            Integer retentionDays) {
        static AppView of(App app) {
            return new AppView(
                    app.id(),
                    app.name(),
                    app.teamId(),
                    app.apiKey(),
                    app.appSecret(),
                    app.createdAt(),
                    app.rateLimitPerMinute(),
                    app.retentionDays());
        }
    }

    /** @param url where the content downloads, relative to the server */
    record AttachmentView(
            String id,
            String fileName,
            String contentType,
            long size,
            Instant receivedAt,
            boolean minidump,
            String url) {
        static AttachmentView of(long eventId, Attachment attachment) {
            return new AttachmentView(
                    attachment.id(),
                    attachment.fileName(),
                    attachment.contentType(),
                    attachment.size(),
                    attachment.receivedAt(),
                    attachment.minidump(),
                    "/api/v1/events/" + eventId + "/attachments/"
                            + URLEncoder.encode(attachment.id(), StandardCharsets.UTF_8)
                                    .replace("+", "%20"));
        }
    }

    /** The crash-free rates are fractions from 0 to 1, null when there were no sessions or users. */
    record SessionDayView(
            String version,
            LocalDate day,
            long sessions,
            long crashedSessions,
            long users,
            long crashedUsers,
            Double crashFreeSessions,
            Double crashFreeUsers) {
        static SessionDayView of(SessionDay day) {
            return new SessionDayView(
                    day.version(),
                    day.day(),
                    day.sessions(),
                    day.crashedSessions(),
                    day.users(),
                    day.crashedUsers(),
                    rate(day.crashedSessions(), day.sessions()),
                    rate(day.crashedUsers(), day.users()));
        }

        private static Double rate(long crashed, long all) {
            return all == 0 ? null : 1.0 - (double) crashed / all;
        }
    }

    /**
     * A group. The triage fields are always present, null when unset: {@code resolvedInVersion}
     * (with status resolved), {@code assigneeId} and {@code assignee} (the assignee's email).
     */
    record GroupView(
            long id,
            long appId,
            String title,
            String className,
            String message,
            String status,
            @JsonInclude(JsonInclude.Include.ALWAYS) String resolvedInVersion,
            @JsonInclude(JsonInclude.Include.ALWAYS) Long assigneeId,
            @JsonInclude(JsonInclude.Include.ALWAYS) String assignee,
            boolean discardNew,
            long count,
            long userCount,
            Instant firstSeen,
            Instant lastSeen,
            List<String> versions,
            String groupingVersion,
            String fingerprint) {
        static GroupView of(Group group, Emails emails) {
            return new GroupView(
                    group.id(),
                    group.appId(),
                    group.title(),
                    group.className(),
                    group.message(),
                    group.status().code(),
                    group.resolvedInVersion(),
                    group.assigneeId(),
                    emails.of(group.assigneeId()),
                    group.discardNew(),
                    group.count(),
                    group.userCount(),
                    group.firstSeen(),
                    group.lastSeen(),
                    group.versions(),
                    group.groupingVersion(),
                    group.fingerprint());
        }
    }

    record GroupDetailView(
            GroupView group,
            List<GroupDetail.VersionCount> versions,
            List<GroupDetail.HourCount> hourly,
            List<GroupDetail.Count> operatingSystems,
            List<GroupDetail.Count> devices,
            List<GroupDetail.Count> tags) {
        static GroupDetailView of(GroupDetail detail, Emails emails) {
            return new GroupDetailView(
                    GroupView.of(detail.group(), emails),
                    detail.versions(),
                    detail.hourly(),
                    detail.operatingSystems(),
                    detail.devices(),
                    detail.tags());
        }
    }

    /**
     * One entry of a group's history. Which fields are present depends on the kind: {@code
     * status_changed} has {@code status} (and {@code resolvedInVersion}), {@code assigned} has
     * {@code assigneeId} and {@code assignee} (both absent when unassigned), {@code commented} has
     * {@code text}, {@code regressed} has {@code status} and, as {@code text}, the version that
     * reopened the group. {@code actor} is the user's email or the token's name; absent for
     * Faultline itself.
     */
    record ActivityView(
            long id,
            long groupId,
            String kind,
            Instant at,
            Long actorId,
            String actor,
            String status,
            String resolvedInVersion,
            Long assigneeId,
            String assignee,
            String text) {
        static ActivityView of(Activity activity, Emails emails) {
            return new ActivityView(
                    activity.id(),
                    activity.groupId(),
                    activity.kind().code(),
                    activity.at(),
                    activity.actorId(),
                    activity.actorName(),
                    activity.status() == null ? null : activity.status().code(),
                    activity.resolvedInVersion(),
                    activity.assigneeId(),
                    emails.of(activity.assigneeId()),
                    activity.text());
        }
    }

    record EventView(
            long id,
            long groupId,
            Instant occurredAt,
            Instant receivedAt,
            String className,
            String message,
            String version,
            String user) {
        static EventView of(EventSummary event) {
            return new EventView(
                    event.id(),
                    event.groupId(),
                    event.occurredAt(),
                    event.receivedAt(),
                    event.className(),
                    event.message(),
                    event.version(),
                    event.userKey());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PageView<T>(List<T> items, String next) {}
}
