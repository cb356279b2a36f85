package dev.faultline.server.notify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.notify.EventType;
import dev.faultline.core.notify.InstanceJson;
import dev.faultline.core.notify.Notification;
import dev.faultline.core.notify.Webhook;
import dev.faultline.core.store.Store;
import dev.faultline.server.api.StoredReports;
import dev.faultline.server.http.JsonResponses;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of a delivery, built when it is sent from the notification and the group as it is then
 * (so counts are current, as Raygun's are). The Raygun style follows Raygun's webhook payloads field
 * for field; Slack and Teams get a readable message with a link. Thread-safe.
 */
final class WebhookPayloads {
    private static final ObjectMapper MAPPER = JsonResponses.mapper();

    private final Store store;
    private final String baseUrl;

    /** @param baseUrl the dashboard's address, without a trailing slash */
    WebhookPayloads(Store store, String baseUrl) {
        this.store = requireNonNull(store, "store");
        this.baseUrl = requireNonNull(baseUrl, "baseUrl");
    }

    /** Bodies for one batch of deliveries; see {@link Batch}. */
    Batch batch() {
        return new Batch();
    }

    /**
     * The bodies of one batch of deliveries: a notification's group, app and report are read once
     * and its body built once per style, however many webhooks it goes to (a notification fans out
     * to every webhook of its app, and their deliveries come due together). Not thread-safe.
     */
    final class Batch {
        private final Map<Long, Optional<Subject>> subjects = new HashMap<>();
        private final Map<BodyKey, Optional<byte[]>> bodies = new HashMap<>();

        private Batch() {}

        /** The body, or empty when the group or its app no longer exists. */
        Optional<byte[]> body(Webhook.Style style, Notification notification) {
            return bodies.computeIfAbsent(
                    new BodyKey(notification.id(), style),
                    key -> subject(notification)
                            .map(subject -> json(
                                    switch (style) {
                                        case RAYGUN -> raygun(notification, subject);
                                        case SLACK -> slack(notification, subject.group(), subject.app());
                                        case TEAMS -> teams(notification, subject.group(), subject.app());
                                    })));
        }

        private Optional<Subject> subject(Notification notification) {
            return subjects.computeIfAbsent(notification.id(), id -> {
                Optional<Group> group = store.group(notification.groupId()).map(detail -> detail.group());
                Optional<App> app = store.app(notification.appId());
                if (group.isEmpty() || app.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Subject(group.get(), app.get(), instance(notification)));
            });
        }
    }

    /** What a notification's bodies are made of; instance only for the types that carry it. */
    private record Subject(Group group, App app, Optional<Map<String, Object>> instance) {}

    private record BodyKey(long notificationId, Webhook.Style style) {}

    private static byte[] json(Map<String, Object> body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> raygun(Notification notification, Subject subject) {
        Group group = subject.group();
        App app = subject.app();
        EventType type = notification.type();
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("url", groupUrl(group));
        error.put("message", group.title());
        error.put("firstOccurredOn", timestamp(group.firstSeen()));
        error.put("lastOccurredOn", timestamp(group.lastSeen()));
        error.put("usersAffected", group.userCount());
        error.put("totalOccurrences", group.count());
        subject.instance().ifPresent(instance -> error.put("instance", instance));
        Map<String, String> details = new LinkedHashMap<>(notification.details());
        details.putIfAbsent("user", "Faultline"); // a change Faultline made itself names no one
        switch (type) {
            case STATUS_CHANGED -> {
                error.put(
                        "description",
                        details.get("user") + " marked error " + group.title() + " as " + statusName(details));
                error.put("user", details.get("user"));
            }
            case ASSIGNED_TO_USER -> {
                error.put(
                        "description",
                        "Error " + group.title() + " was assigned to " + details.get("assignedTo") + " by "
                                + details.get("user"));
                error.put("assignedTo", details.get("assignedTo"));
                error.put("user", details.get("user"));
            }
            case COMMENT_ADDED -> {
                error.put(
                        "description",
                        details.get("user") + " left a comment on error " + group.title() + ", '"
                                + details.get("comment") + "'");
                error.put("comment", details.get("comment"));
                error.put("user", details.get("user"));
            }
            default -> {}
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", type.event());
        body.put("eventType", type.wireName());
        body.put("error", error);
        body.put("application", Map.of("name", app.name(), "url", appUrl(app)));
        return body;
    }

    /**
     * The report that caused a new-error or reoccurred notification: tags, affected user and custom
     * data, in Raygun's casing. Other types carry no instance, as in Raygun's payloads.
     */
    private Optional<Map<String, Object>> instance(Notification notification) {
        EventType type = notification.type();
        if (notification.eventId() == null
                || type != EventType.NEW_ERROR_OCCURRED && type != EventType.ERROR_REOCCURRED) {
            return Optional.empty();
        }
        String written = notification.details().get(InstanceJson.DETAIL);
        // a test message, or one written before notifications carried their instance: decode the report
        Optional<String> json = written != null
                ? Optional.of(written)
                : store.event(notification.eventId())
                        .flatMap(StoredReports::report)
                        .map(InstanceJson::of);
        return json.map(WebhookPayloads::raygunInstance);
    }

    /** {@link InstanceJson} in Raygun's casing: {@code tags}, {@code affectedUser}, {@code customData}. */
    private static Map<String, Object> raygunInstance(String json) {
        JsonNode written;
        try {
            written = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("tags", written.path("tags"));
        JsonNode user = written.path("user");
        if (user.isObject()) {
            Map<String, Object> affected = new LinkedHashMap<>();
            putPresent(affected, "Identifier", user.path("identifier").textValue());
            affected.put(
                    "IsAnonymous", user.has("anonymous") ? user.get("anonymous").asBoolean() : !user.has("identifier"));
            putPresent(affected, "UUID", user.path("uuid").textValue());
            putPresent(affected, "Email", user.path("email").textValue());
            putPresent(affected, "FullName", user.path("fullName").textValue());
            putPresent(affected, "FirstName", user.path("firstName").textValue());
            instance.put("affectedUser", affected);
        }
        instance.put("customData", written.path("customData"));
        return instance;
    }

    private static void putPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    /** ISO 8601 in UTC to the second, as Raygun's examples: {@code 2026-11-23T08:15:02Z}. */
    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** "Resolved", "Ignored", "Permanently ignored", "Active", as Raygun words it. */
    private static String statusName(Map<String, String> details) {
        String code = details.getOrDefault("status", "");
        try {
            String name = GroupStatus.fromCode(code).code().replace('_', ' ');
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private Map<String, Object> slack(Notification notification, Group group, App app) {
        return Map.of(
                "text",
                slackEscape(headline(notification, group, app)) + " <" + groupUrl(group) + "|"
                        + slackEscape(group.title()) + ">\n" + slackEscape(counts(group)));
    }

    /** A legacy Office 365 connector card, which Teams' incoming webhooks take. */
    private Map<String, Object> teams(Notification notification, Group group, App app) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("@type", "MessageCard");
        card.put("@context", "https://schema.org/extensions");
        card.put("summary", headline(notification, group, app));
        card.put("title", headline(notification, group, app));
        card.put("text", group.title() + "\n\n" + counts(group));
        card.put(
                "potentialAction",
                List.of(Map.of(
                        "@type",
                        "OpenUri",
                        "name",
                        "Open in Faultline",
                        "targets",
                        List.of(Map.of("os", "default", "uri", groupUrl(group))))));
        return card;
    }

    private static String headline(Notification notification, Group group, App app) {
        return notification.type().wireName() + " in " + app.name() + ":";
    }

    private static String counts(Group group) {
        String versions = group.versions().isEmpty() ? "" : ", versions " + String.join(", ", group.versions());
        return group.count() + " occurrences, " + group.userCount() + " users affected" + versions + ", last seen "
                + group.lastSeen();
    }

    /** Slack's three control characters in message text. */
    private static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private String groupUrl(Group group) {
        return baseUrl + "/groups/" + group.id();
    }

    private String appUrl(App app) {
        return baseUrl + "/apps/" + app.id() + "/groups";
    }
}
