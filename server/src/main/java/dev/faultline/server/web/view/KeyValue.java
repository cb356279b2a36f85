package dev.faultline.server.web.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A labelled value in a definition list. */
public record KeyValue(String key, String value) {

    /** The entries of a string map, in its order. */
    public static List<KeyValue> of(Map<String, String> map) {
        List<KeyValue> entries = new ArrayList<>();
        map.forEach((key, value) -> entries.add(new KeyValue(key, value)));
        return List.copyOf(entries);
    }

    /** Collects facts, leaving out those without a value. */
    static final class Facts {
        private final List<KeyValue> facts = new ArrayList<>();

        Facts add(String key, Object value) {
            if (value != null && !value.toString().isBlank()) {
                facts.add(new KeyValue(key, value.toString()));
            }
            return this;
        }

        List<KeyValue> list() {
            return List.copyOf(facts);
        }
    }
}
