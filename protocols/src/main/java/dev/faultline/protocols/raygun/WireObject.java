package dev.faultline.protocols.raygun;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object of a Raygun entry, read with keys in any letter case ({@code occurredOn}, {@code
 * OccurredOn}, {@code oSVersion}, {@code IPAddress}…), remembering which fields were read so that
 * the rest can be kept as sent. Not thread-safe: one instance per object and decode.
 *
 * <p>Lookup is a linear scan with {@code equalsIgnoreCase}: Raygun objects hold a handful to a few
 * dozen fields, where a scan beats building a folded-key hash map. Free-form objects (custom data,
 * headers) are converted wholesale and never scanned.
 */
final class WireObject {
    private final String[] names;
    private final JsonNode[] values;
    private final boolean[] read;

    WireObject(JsonNode object) {
        int size = object.size();
        names = new String[size];
        values = new JsonNode[size];
        read = new boolean[size];
        int index = 0;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            names[index] = field.getKey();
            values[index] = field.getValue();
            index++;
        }
    }

    /**
     * The value of {@code name} in any letter case; null when absent or JSON null. When several
     * spellings are present the last one wins (as with duplicate keys) and all count as read.
     */
    JsonNode get(String name) {
        JsonNode found = null;
        for (int index = 0; index < names.length; index++) {
            if (names[index].equalsIgnoreCase(name)) {
                read[index] = true;
                found = values[index];
            }
        }
        return found == null || found.isNull() ? null : found;
    }

    /** Marks the field read by {@link #get} as unread again: its value did not fit the model. */
    void keep(String name) {
        for (int index = names.length - 1; index >= 0; index--) {
            if (names[index].equalsIgnoreCase(name)) {
                read[index] = false;
                return;
            }
        }
    }

    /** The fields not read, under their sent names and in sent order, as JSON-like values. */
    Map<String, Object> unread() {
        Map<String, Object> rest = null;
        for (int index = 0; index < names.length; index++) {
            if (!read[index]) {
                if (rest == null) {
                    rest = new LinkedHashMap<>();
                }
                rest.put(names[index], Wire.toJava(values[index]));
            }
        }
        return rest == null ? Map.of() : Collections.unmodifiableMap(rest);
    }
}
