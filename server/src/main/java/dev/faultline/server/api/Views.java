package dev.faultline.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
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
            long id, String name, String apiKey, String appSecret, Instant createdAt, Integer rateLimitPerMinute) {
        static AppView of(App app) {
            return new AppView(
                    app.id(), app.name(), app.apiKey(), app.appSecret(), app.createdAt(), app.rateLimitPerMinute());
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

    record GroupView(
            long id,
            long appId,
            String title,
            String className,
            String message,
            String status,
            long count,
            long userCount,
            Instant firstSeen,
            Instant lastSeen,
            List<String> versions,
            String groupingVersion,
            String fingerprint) {
        static GroupView of(Group group) {
            return new GroupView(
                    group.id(),
                    group.appId(),
                    group.title(),
                    group.className(),
                    group.message(),
                    group.status().code(),
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
            GroupView group, List<GroupDetail.VersionCount> versions, List<GroupDetail.HourCount> hourly) {
        static GroupDetailView of(GroupDetail detail) {
            return new GroupDetailView(GroupView.of(detail.group()), detail.versions(), detail.hourly());
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
