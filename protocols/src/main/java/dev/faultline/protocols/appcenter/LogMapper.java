package dev.faultline.protocols.appcenter;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.model.Device;
import dev.faultline.core.model.ErrorInfo;
import dev.faultline.core.model.Report;
import dev.faultline.core.model.Sdk;
import dev.faultline.core.model.UserInfo;
import dev.faultline.protocols.json.LenientJson;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Validates one App Center log and maps it to its outcome. One instance per request (it carries the
 * request's install id and time); not shared between threads. The rules are in {@code
 * package-info.java}.
 */
final class LogMapper {
    static final String PROTOCOL = "appcenter";
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_PROPERTIES = 20;
    static final int MAX_PROPERTY_LENGTH = 125;
    static final int MAX_TIME_ZONE_OFFSET = 840;

    /** Valid traffic from the same SDKs that Faultline has no use for yet. */
    private static final Set<String> ACCEPTED_TYPES =
            Set.of("startService", "distributionStartSession", "event", "page", "pushInstallation");

    private static final List<String> REQUIRED_DEVICE_FIELDS =
            List.of("appVersion", "appBuild", "sdkName", "sdkVersion", "osName", "osVersion", "locale");

    /** Fields of a log that the report holds elsewhere than in {@code extra}. */
    private static final Set<String> MAPPED_LOG_FIELDS =
            Set.of("id", "timestamp", "device", "userId", "exception", "properties", "architecture");

    private static final Set<String> MAPPED_DEVICE_FIELDS = Set.of("osName", "osVersion", "model", "oemName", "locale");

    private final AppCenterLimits limits;
    private final String installId;
    private final Instant receivedAt;
    private final boolean arriving;

    /**
     * @param arriving whether the log is arriving now (its timestamp must lie in the window) or is
     *     being read back from storage
     */
    LogMapper(AppCenterLimits limits, String installId, Instant receivedAt, boolean arriving) {
        this.limits = limits;
        this.installId = installId;
        this.receivedAt = receivedAt;
        this.arriving = arriving;
    }

    AppCenterLog map(JsonNode log, byte[] original) {
        String type = text(log.get("type"));
        try {
            if (type == null) {
                throw invalid("type is missing");
            }
            JsonNode device = device(log);
            Instant timestamp = timestamp(log);
            return switch (type) {
                case "managedError", "handledError", "appleError" -> error(type, log, device, timestamp, original);
                case "errorAttachment" -> attachment(type, log);
                case "startSession" ->
                    new AppCenterLog.SessionStart(
                            type,
                            required(log, "sid", "sid"),
                            version(device),
                            timestamp == null ? receivedAt : timestamp);
                default -> {
                    if (!ACCEPTED_TYPES.contains(type)) {
                        throw invalid("type \"" + cut(type, 64) + "\" is not an App Center log type");
                    }
                    yield new AppCenterLog.Accepted(type);
                }
            };
        } catch (InvalidLogException e) {
            return new AppCenterLog.Rejected(type, e.reason, e.getMessage());
        }
    }

    private AppCenterLog error(String type, JsonNode log, JsonNode device, Instant timestamp, byte[] original) {
        String id = required(log, "id", "id");
        if (id.length() > MAX_ID_LENGTH) {
            throw invalid("id is longer than " + MAX_ID_LENGTH + " characters");
        }
        boolean handled = type.equals("handledError");
        boolean fatal = false;
        if (!handled) {
            Boolean sent = bool(log.get("fatal"));
            if (sent == null) {
                throw invalid(log.hasNonNull("fatal") ? "fatal must be true or false" : "fatal is missing");
            }
            fatal = sent;
            required(log, "processName", "processName");
            JsonNode processId = log.get("processId");
            if (processId != null && !processId.isNull() && integer(processId) == null) {
                throw invalid("processId must be an integer");
            }
        }
        ErrorInfo error;
        if (type.equals("appleError")) {
            for (String field :
                    List.of("applicationPath", "osExceptionType", "osExceptionCode", "osExceptionAddress")) {
                required(log, field, field);
            }
            error = AppleErrors.error(log);
        } else {
            JsonNode exception = log.get("exception");
            if (exception == null || exception.isNull()) {
                throw invalid("exception is missing");
            }
            if (!exception.isObject()) {
                throw invalid("exception must be a JSON object");
            }
            required(exception, "type", "exception.type");
            error = Exceptions.error(exception);
        }
        Report report = new Report(
                PROTOCOL,
                timestamp == null ? receivedAt : timestamp,
                receivedAt,
                error,
                null,
                version(device),
                null,
                new Sdk(text(device.get("sdkName")), text(device.get("sdkVersion")), null),
                user(log),
                device(device, log),
                List.of(),
                properties(log.get("properties")),
                null,
                null,
                List.of(),
                extra(log, MAPPED_LOG_FIELDS),
                id);
        return new AppCenterLog.ErrorReport(type, report, original, text(log.get("sid")), fatal);
    }

    private AppCenterLog attachment(String type, JsonNode log) {
        String errorId = required(log, "errorId", "errorId");
        String contentType = required(log, "contentType", "contentType");
        String encoded = required(log, "data", "data");
        // 4 characters of base64 carry 3 bytes: refuse before decoding what is clearly too large
        if ((long) encoded.length() / 4 * 3 > limits.maxAttachmentBytes() + 3L) {
            throw tooLarge(encoded.length() / 4L * 3);
        }
        byte[] data;
        try {
            data = Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw invalid("data is not base64: " + e.getMessage());
        }
        if (data.length > limits.maxAttachmentBytes()) {
            throw tooLarge(data.length);
        }
        String fileName = text(log.get("fileName"));
        String id = text(log.get("id"));
        if (id == null) {
            id = derivedId(errorId, contentType, fileName, data);
        } else if (id.length() > MAX_ID_LENGTH) {
            throw invalid("id is longer than " + MAX_ID_LENGTH + " characters");
        }
        return new AppCenterLog.Attachment(type, id, errorId, contentType, fileName, data);
    }

    private InvalidLogException tooLarge(long size) {
        return new InvalidLogException(
                DropReason.TOO_LARGE,
                "attachment is " + size + " bytes, more than the limit of " + limits.maxAttachmentBytes());
    }

    /** The same attachment sent twice without an id (a retry) gets the same id. */
    private static String derivedId(String errorId, String contentType, String fileName, byte[] data) {
        byte[] head = (errorId + '\n' + contentType + '\n' + (fileName == null ? "" : fileName) + '\n').getBytes(UTF_8);
        byte[] all = new byte[head.length + data.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(data, 0, all, head.length, data.length);
        return UUID.nameUUIDFromBytes(all).toString();
    }

    private static JsonNode device(JsonNode log) {
        JsonNode device = log.get("device");
        if (device == null || device.isNull()) {
            throw invalid("device is missing");
        }
        if (!device.isObject()) {
            throw invalid("device must be a JSON object");
        }
        for (String field : REQUIRED_DEVICE_FIELDS) {
            required(device, field, "device." + field);
        }
        JsonNode offset = device.get("timeZoneOffset");
        if (offset != null && !offset.isNull()) {
            Integer minutes = integer(offset);
            if (minutes == null || Math.abs(minutes) > MAX_TIME_ZONE_OFFSET) {
                throw invalid("device.timeZoneOffset must be minutes between -840 and 840");
            }
        }
        return device;
    }

    private Instant timestamp(JsonNode log) {
        JsonNode node = log.get("timestamp");
        if (node == null || node.isNull()) {
            return null;
        }
        Instant timestamp = instant(text(node));
        if (timestamp == null) {
            throw invalid("timestamp is not an ISO 8601 date-time: \"" + cut(text(node), 64) + "\"");
        }
        if (arriving) {
            if (timestamp.isBefore(receivedAt.minus(limits.maxAge()))) {
                throw new InvalidLogException(
                        DropReason.TIMESTAMP_OUT_OF_RANGE,
                        "timestamp " + timestamp + " is more than " + days(limits.maxAge()) + " in the past");
            }
            if (timestamp.isAfter(receivedAt.plus(limits.maxFuture()))) {
                throw new InvalidLogException(
                        DropReason.TIMESTAMP_OUT_OF_RANGE,
                        "timestamp " + timestamp + " is more than " + days(limits.maxFuture()) + " in the future");
            }
        }
        return timestamp;
    }

    private static String days(Duration duration) {
        long days = duration.toDays();
        return duration.equals(Duration.ofDays(days)) ? days + " days" : duration.toString();
    }

    /** {@code 2017-03-13T18:05:42Z} with 0 to 9 fraction digits, or with an offset instead of Z. */
    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    /** The version as App Center shows it: {@code 1.2.3 (42)}, or just the version when the build adds nothing. */
    static String version(JsonNode device) {
        String version = text(device.get("appVersion"));
        String build = text(device.get("appBuild"));
        return build == null || build.equals(version) ? version : version + " (" + build + ")";
    }

    private static UserInfo user(JsonNode log) {
        String userId = text(log.get("userId"));
        return userId == null ? null : new UserInfo(userId, null, null, null, null, null);
    }

    private Device device(JsonNode device, JsonNode log) {
        return new Device(
                text(device.get("osName")),
                text(device.get("osVersion")),
                text(device.get("model")),
                text(device.get("oemName")),
                text(device.get("locale")),
                text(log.get("architecture")),
                null,
                installId,
                extra(device, MAPPED_DEVICE_FIELDS));
    }

    /**
     * {@code properties}: at most {@value #MAX_PROPERTIES} entries of at most {@value
     * #MAX_PROPERTY_LENGTH} characters, as App Center kept them; the rest is cut, not refused.
     */
    private static Map<String, Object> properties(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            if (properties.size() == MAX_PROPERTIES) {
                break;
            }
            Object value = LenientJson.toJava(property.getValue());
            properties.put(
                    cut(property.getKey(), MAX_PROPERTY_LENGTH),
                    value instanceof String text ? cut(text, MAX_PROPERTY_LENGTH) : value);
        }
        return Collections.unmodifiableMap(properties);
    }

    /** Every field but the mapped ones, under its sent name and in sent order. */
    static Map<String, Object> extra(JsonNode object, Set<String> mapped) {
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!mapped.contains(field.getKey())) {
                extra.put(field.getKey(), LenientJson.toJava(field.getValue()));
            }
        }
        return extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(extra);
    }

    /** A non-blank scalar's text; null for absent, null, blank, objects and arrays. */
    static String text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        String text = node.isTextual() ? node.textValue() : node.asText();
        return text.isBlank() ? null : text;
    }

    /** An integer, or a string of one (the doc's sample sends {@code "processId": "123"}); else null. */
    static Integer integer(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? node.intValue() : null;
        }
        if (node.isTextual()) {
            try {
                return Integer.valueOf(node.textValue().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Boolean bool(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            String text = node.textValue().strip();
            if (text.equalsIgnoreCase("true")) {
                return true;
            }
            if (text.equalsIgnoreCase("false")) {
                return false;
            }
        }
        return null;
    }

    private static String required(JsonNode object, String field, String path) {
        String value = text(object.get(field));
        if (value == null) {
            throw invalid(object.hasNonNull(field) ? path + " must be a non-empty string" : path + " is missing");
        }
        return value;
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private static InvalidLogException invalid(String message) {
        return new InvalidLogException(DropReason.INVALID_LOG, message);
    }

    /** Why a log was dropped; thrown inside the mapper only. */
    private static final class InvalidLogException extends RuntimeException {
        private final DropReason reason;

        InvalidLogException(DropReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
