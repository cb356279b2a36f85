package dev.faultline.protocols.raygun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.model.Breadcrumb;
import dev.faultline.core.model.Device;
import dev.faultline.core.model.ErrorInfo;
import dev.faultline.core.model.Report;
import dev.faultline.core.model.RequestInfo;
import dev.faultline.core.model.ResponseInfo;
import dev.faultline.core.model.Sdk;
import dev.faultline.core.model.UserInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps one Raygun entry, read as a JSON object tree, to a {@link Report}; throws {@link
 * InvalidEntryException} when a required field is missing or unusable. Stateless and thread-safe.
 * The rules for unknown and misshapen fields are in {@code package-info.java}.
 */
final class RaygunMapper {
    static final String PROTOCOL = "raygun";
    static final int MAX_GROUPING_KEY = 100;
    private static final int MAX_SHOWN_VALUE = 64;

    private RaygunMapper() {}

    static Report report(JsonNode entry, Instant receivedAt) {
        WireObject root = new WireObject(entry);
        Instant occurredAt = occurredOn(root.get("occurredOn"));
        JsonNode detailsNode = root.get("details");
        if (detailsNode == null) {
            throw new InvalidEntryException("details is missing");
        }
        if (!detailsNode.isObject()) {
            throw new InvalidEntryException("details must be a JSON object");
        }
        WireObject details = new WireObject(detailsNode);
        JsonNode errorNode = details.get("error");
        if (errorNode == null) {
            throw new InvalidEntryException("details.error is missing");
        }
        if (!errorNode.isObject()) {
            throw new InvalidEntryException("details.error must be a JSON object");
        }
        ErrorInfo error = ErrorMapper.error(errorNode);
        Map<String, Object> nested = new LinkedHashMap<>();
        String groupingKey = groupingKey(details);
        String version = Wire.nonBlankText(details.get("version"));
        String machineName = Wire.nonBlankText(details.get("machineName"));
        Sdk client = client(details, nested);
        UserInfo user = user(details, nested);
        Device device = device(details);
        List<String> tags = tags(details);
        Map<String, Object> customData = customData(details);
        RequestInfo request = null;
        JsonNode requestNode = object(details, "request");
        if (requestNode != null) {
            Map<String, Object> rest = new LinkedHashMap<>();
            request = RequestMapper.request(requestNode, rest);
            nest(nested, "request", rest);
        }
        ResponseInfo response = null;
        JsonNode responseNode = object(details, "response");
        if (responseNode != null) {
            Map<String, Object> rest = new LinkedHashMap<>();
            response = RequestMapper.response(responseNode, rest);
            nest(nested, "response", rest);
        }
        List<Breadcrumb> breadcrumbs = List.of();
        JsonNode breadcrumbsNode = details.get("breadcrumbs");
        if (breadcrumbsNode != null && breadcrumbsNode.isArray()) {
            breadcrumbs = BreadcrumbMapper.breadcrumbs(breadcrumbsNode);
        } else if (breadcrumbsNode != null) {
            details.keep("breadcrumbs");
        }
        Map<String, Object> extra = extra(details.unread(), nested, root.unread());
        return new Report(
                PROTOCOL,
                occurredAt,
                receivedAt,
                error,
                groupingKey,
                version,
                machineName,
                client,
                user,
                device,
                tags,
                customData,
                request,
                response,
                breadcrumbs,
                extra,
                null);
    }

    private static Instant occurredOn(JsonNode node) {
        if (node == null) {
            throw new InvalidEntryException("occurredOn is missing");
        }
        Instant instant = RaygunTime.instant(node);
        if (instant == null) {
            String shown = node.isTextual() ? '"' + node.textValue() + '"' : node.toString();
            if (shown.length() > MAX_SHOWN_VALUE) {
                shown = Wire.cutChars(shown, MAX_SHOWN_VALUE) + "…";
            }
            throw new InvalidEntryException("occurredOn is not an ISO 8601 date-time: " + shown);
        }
        return instant;
    }

    /** The object under {@code name}; null when absent; kept as an unknown field when not an object. */
    private static JsonNode object(WireObject parent, String name) {
        JsonNode node = parent.get(name);
        if (node != null && !node.isObject()) {
            if (!ErrorMapper.isEmptyArray(node)) {
                parent.keep(name);
            }
            return null;
        }
        return node;
    }

    /** 1 to 100 characters as the spec says; blank is none; a longer key is kept as an unknown field. */
    private static String groupingKey(WireObject details) {
        String key = Wire.nonBlankText(details.get("groupingKey"));
        if (key == null) {
            return null;
        }
        if (key.codePointCount(0, key.length()) > MAX_GROUPING_KEY) {
            details.keep("groupingKey");
            return null;
        }
        return key;
    }

    /** raygun4java spells {@code clientUrl} {@code clientUrlString}. */
    private static Sdk client(WireObject details, Map<String, Object> nested) {
        JsonNode node = object(details, "client");
        if (node == null) {
            return null;
        }
        WireObject client = new WireObject(node);
        String name = Wire.nonBlankText(client.get("name"));
        String version = Wire.nonBlankText(client.get("version"));
        String url = Wire.nonBlankText(client.get("clientUrl"));
        String urlString = Wire.nonBlankText(client.get("clientUrlString"));
        nest(nested, "client", client.unread());
        Sdk sdk = new Sdk(name, version, url != null ? url : urlString);
        return sdk.equals(new Sdk(null, null, null)) ? null : sdk;
    }

    /** A bare string (or number) is the user's identifier. */
    private static UserInfo user(WireObject details, Map<String, Object> nested) {
        JsonNode node = details.get("user");
        if (node != null && (node.isTextual() || node.isNumber())) {
            String identifier = Wire.nonBlankText(node);
            return identifier == null ? null : new UserInfo(identifier, null, null, null, null, null);
        }
        node = object(details, "user");
        if (node == null) {
            return null;
        }
        WireObject user = new WireObject(node);
        UserInfo info = new UserInfo(
                Wire.nonBlankText(user.get("identifier")),
                Wire.nonBlankText(user.get("uuid")),
                Wire.bool(user.get("isAnonymous")),
                Wire.nonBlankText(user.get("email")),
                Wire.nonBlankText(user.get("fullName")),
                Wire.nonBlankText(user.get("firstName")));
        nest(nested, "user", user.unread());
        return info.equals(new UserInfo(null, null, null, null, null, null)) ? null : info;
    }

    /**
     * {@code environment}: the named fields, and every other one in {@code extra} under its sent
     * name. Raygun has no OS name; {@code platform} (raygun4js {@code navigator.platform}, such as
     * {@code Win32}) is the closest, so it is read as the OS name unless one is sent as {@code osName}.
     */
    private static Device device(WireObject details) {
        JsonNode node = object(details, "environment");
        if (node == null) {
            return null;
        }
        WireObject environment = new WireObject(node);
        String osName = Wire.nonBlankText(environment.get("osName"));
        if (osName == null) {
            osName = Wire.nonBlankText(environment.get("platform"));
        }
        Device device = new Device(
                osName,
                Wire.nonBlankText(environment.get("osVersion")),
                Wire.nonBlankText(environment.get("model")),
                Wire.nonBlankText(environment.get("deviceManufacturer")),
                Wire.nonBlankText(environment.get("locale")),
                Wire.nonBlankText(environment.get("architecture")),
                Wire.nonBlankText(environment.get("deviceName")),
                null,
                environment.unread());
        return device.equals(new Device(null, null, null, null, null, null, null, null, null)) ? null : device;
    }

    /** An array (null elements skipped, other scalars as text) or one string; null and {@code []} are none. */
    private static List<String> tags(WireObject details) {
        JsonNode node = details.get("tags");
        if (node == null) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.textValue());
        }
        if (!node.isArray()) {
            details.keep("tags");
            return List.of();
        }
        List<String> tags = new ArrayList<>(node.size());
        for (JsonNode tag : node) {
            String text = Wire.text(tag);
            if (text != null) {
                tags.add(text);
            }
        }
        return tags;
    }

    /** {@code userCustomData}: an object; null and {@code []} are empty; anything else is kept in extra. */
    private static Map<String, Object> customData(WireObject details) {
        JsonNode node = object(details, "userCustomData");
        return node == null ? Map.of() : Wire.toJavaMap(node);
    }

    private static void nest(Map<String, Object> nested, String name, Map<String, Object> rest) {
        if (!rest.isEmpty()) {
            nested.put(name, Collections.unmodifiableMap(rest));
        }
    }

    /**
     * Unknown fields under {@code details} keep their sent names; those of {@code client}, {@code
     * user}, {@code request} and {@code response} sit under that name, as in the entry; those
     * beside {@code details} at the top level come last and never replace a {@code details} one.
     */
    private static Map<String, Object> extra(
            Map<String, Object> details, Map<String, Object> nested, Map<String, Object> root) {
        if (nested.isEmpty() && root.isEmpty()) {
            return details;
        }
        Map<String, Object> extra = new LinkedHashMap<>(details);
        nested.forEach(extra::putIfAbsent);
        root.forEach(extra::putIfAbsent);
        return Collections.unmodifiableMap(extra);
    }
}
