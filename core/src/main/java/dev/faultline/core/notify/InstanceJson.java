package dev.faultline.core.notify;

import dev.faultline.core.model.Report;
import dev.faultline.core.model.UserInfo;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a new-error or reoccurred notification tells of the report that caused it, as JSON written
 * when the report is stored: {@code {"tags":[…],"user":{…},"customData":{…}}} with the user's fields
 * that were sent ({@code identifier}, {@code uuid}, {@code anonymous}, {@code email}, {@code
 * fullName}, {@code firstName}) and custom data as it was normalized. Webhook payloads are built
 * from it, so that posting a notification never decodes a stored payload again: measured, decoding
 * reports on the delivery worker cost ingestion a sixth of its throughput, while writing this costs
 * the write path a few microseconds per new group. JDK only, as all of core.
 */
public final class InstanceJson {
    /** The notification detail that holds it. */
    public static final String DETAIL = "instance";

    private InstanceJson() {}

    public static String of(Report report) {
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("tags", report.tags());
        UserInfo user = report.user();
        if (user != null) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("identifier", user.identifier());
            fields.put("uuid", user.uuid());
            fields.put("anonymous", user.anonymous());
            fields.put("email", user.email());
            fields.put("fullName", user.fullName());
            fields.put("firstName", user.firstName());
            fields.values().removeIf(value -> value == null);
            instance.put("user", fields);
        }
        instance.put("customData", report.customData());
        StringBuilder json = new StringBuilder(256);
        value(json, instance);
        return json.toString();
    }

    /** JSON-like values as the decoders make them: maps, collections, strings, numbers, booleans, null. */
    private static void value(StringBuilder json, Object value) {
        switch (value) {
            case null -> json.append("null");
            case String text -> string(json, text);
            case Boolean bool -> json.append(bool);
            case Double number when number.isNaN() || number.isInfinite() -> json.append("null");
            case Float number when number.isNaN() || number.isInfinite() -> json.append("null");
            case Number number -> json.append(number);
            case Map<?, ?> map -> {
                json.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.append(first ? "" : ",");
                    first = false;
                    string(json, String.valueOf(entry.getKey()));
                    json.append(':');
                    value(json, entry.getValue());
                }
                json.append('}');
            }
            case Collection<?> items -> {
                json.append('[');
                boolean first = true;
                for (Object item : items) {
                    json.append(first ? "" : ",");
                    first = false;
                    value(json, item);
                }
                json.append(']');
            }
            default -> string(json, value.toString());
        }
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
