package dev.faultline.storage.sqlite;

import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a notification's details as a JSON object of strings. They are read back by SQLite's
 * {@code json_each} (see {@link DeliveryRows}), so storage needs no JSON library for a flat map.
 */
final class DetailsJson {

    private DetailsJson() {}

    static String encode(Map<String, String> details) {
        StringBuilder json = new StringBuilder("{");
        new TreeMap<>(details).forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, key);
            json.append(':');
            string(json, value);
        });
        return json.append('}').toString();
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
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
