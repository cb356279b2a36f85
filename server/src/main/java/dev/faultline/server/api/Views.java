package dev.faultline.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.store.EventSummary;
import dev.faultline.core.store.GroupDetail;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the REST API, kept apart from the model so that either can change. */
final class Views {
    private Views() {}

    record AppView(long id, String name, String apiKey, Instant createdAt, Integer rateLimitPerMinute) {
        static AppView of(App app) {
            return new AppView(app.id(), app.name(), app.apiKey(), app.createdAt(), app.rateLimitPerMinute());
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
