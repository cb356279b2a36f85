package dev.faultline.protocols.raygun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.model.RequestInfo;
import dev.faultline.core.model.ResponseInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps Raygun's {@code request} and {@code response} objects. Stateless and thread-safe.
 *
 * <p>Limits from the spec: form field names and values are cut to {@value #FORM_MAX_CHARS}
 * characters, {@code rawData} to {@value #RAW_MAX_BYTES} bytes of UTF-8 (never inside a code
 * point). A form sent as one raw string is a body, so it gets the {@code rawData} limit. Form
 * values and headers become strings (header arrays joined with {@code ", "} as HTTP does); a
 * {@code rawData} object or array becomes its JSON text. {@code queryString} is kept as sent (a
 * map or a string). Unknown request fields ({@code cookies}, {@code data}…) are returned to the
 * caller for {@code Report.extra}.
 */
final class RequestMapper {
    static final int FORM_MAX_CHARS = 256;
    static final int RAW_MAX_BYTES = 4096;

    private RequestMapper() {}

    /** The request, or null when it has no known field; {@code rest} receives the unknown ones. */
    static RequestInfo request(JsonNode node, Map<String, Object> rest) {
        WireObject request = new WireObject(node);
        String hostName = Wire.nonBlankText(request.get("hostName"));
        String url = Wire.nonBlankText(request.get("url"));
        String method = Wire.nonBlankText(request.get("httpMethod"));
        String ipAddress = Wire.nonBlankText(request.get("ipAddress"));
        Object queryString = queryString(request);
        Map<String, String> headers = headers(request);
        Object form = form(request);
        JsonNode rawNode = request.get("rawData");
        String rawData = Wire.cutUtf8(Wire.text(rawNode), RAW_MAX_BYTES);
        rest.putAll(request.unread());
        if (hostName == null
                && url == null
                && method == null
                && ipAddress == null
                && queryString == null
                && headers.isEmpty()
                && form == null
                && rawData == null) {
            return null;
        }
        return new RequestInfo(hostName, url, method, ipAddress, queryString, headers, form, rawData);
    }

    /** The response, or null when it has no status code; {@code rest} receives the other fields. */
    static ResponseInfo response(JsonNode node, Map<String, Object> rest) {
        WireObject response = new WireObject(node);
        Integer statusCode = Wire.integer(response.get("statusCode"));
        rest.putAll(response.unread());
        return statusCode == null ? null : new ResponseInfo(statusCode);
    }

    private static Object queryString(WireObject request) {
        JsonNode node = request.get("queryString");
        if (node == null || ErrorMapper.isEmptyArray(node)) {
            return null;
        }
        if (node.isObject()) {
            return Wire.toJavaMap(node);
        }
        if (node.isArray()) {
            request.keep("queryString");
            return null;
        }
        return Wire.text(node);
    }

    private static Map<String, String> headers(WireObject request) {
        JsonNode node = request.get("headers");
        if (node == null || !node.isObject()) {
            if (node != null && !ErrorMapper.isEmptyArray(node)) {
                request.keep("headers");
            }
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> header : node.properties()) {
            String value = headerValue(header.getValue());
            if (value != null) {
                headers.put(header.getKey(), value);
            }
        }
        return Collections.unmodifiableMap(headers);
    }

    private static String headerValue(JsonNode value) {
        if (!value.isArray()) {
            return Wire.text(value);
        }
        StringBuilder joined = new StringBuilder();
        for (JsonNode element : value) {
            if (!joined.isEmpty()) {
                joined.append(", ");
            }
            joined.append(Wire.text(element));
        }
        return joined.toString();
    }

    private static Object form(WireObject request) {
        JsonNode node = request.get("form");
        if (node == null || ErrorMapper.isEmptyArray(node)) {
            return null;
        }
        if (node.isArray()) {
            request.keep("form");
            return null;
        }
        if (!node.isObject()) {
            return Wire.cutUtf8(Wire.text(node), RAW_MAX_BYTES);
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            form.put(
                    Wire.cutChars(field.getKey(), FORM_MAX_CHARS),
                    Wire.cutChars(Wire.text(field.getValue()), FORM_MAX_CHARS));
        }
        return Collections.unmodifiableMap(form);
    }
}
