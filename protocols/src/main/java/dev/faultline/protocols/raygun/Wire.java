package dev.faultline.protocols.raygun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.protocols.json.LenientJson;
import java.util.Locale;
import java.util.Map;

/**
 * Lenient reading of Raygun's loosely typed values, and the JSON-like trees the model keeps.
 * Stateless and thread-safe. Every method accepts null (an absent field) and never throws.
 */
final class Wire {

    private Wire() {}

    /** A scalar as text; an object or array as its JSON text; null for null. */
    static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return node.isContainerNode() ? node.toString() : node.asText();
    }

    /** Like {@link #text} but blank text is null: SDKs send {@code ""} for "unknown". */
    static String nonBlankText(JsonNode node) {
        String text = text(node);
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * A number, a numeric string ({@code "51"}, as ruby and php send) or a whole float as an int;
     * anything else (null, {@code "abc"}, out of range) as null.
     */
    static Integer integer(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? node.intValue() : null;
        }
        if (node.isFloatingPointNumber()) {
            double value = node.doubleValue();
            return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (int) value : null;
        }
        if (node.isTextual()) {
            Long value = parseLong(node.textValue().strip());
            return value != null && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? value.intValue() : null;
        }
        return null;
    }

    /** {@code true}/{@code false}, their strings in any case, or 1/0; else null. */
    static Boolean bool(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.doubleValue() != 0;
        }
        if (node.isTextual()) {
            String text = node.textValue().strip().toLowerCase(Locale.ROOT);
            return switch (text) {
                case "true", "1" -> Boolean.TRUE;
                case "false", "0" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    /** Digits with an optional sign, at most 18 of them; null otherwise. No exceptions on the hot path. */
    static Long parseLong(String text) {
        int start = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (text.length() == start || text.length() - start > 18) {
            return null;
        }
        for (int index = start; index < text.length(); index++) {
            char c = text.charAt(index);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Long.parseLong(text);
    }

    /** See {@link LenientJson#toJava}. */
    static Object toJava(JsonNode node) {
        return LenientJson.toJava(node);
    }

    /** See {@link LenientJson#toJavaMap}. */
    static Map<String, Object> toJavaMap(JsonNode object) {
        return LenientJson.toJavaMap(object);
    }

    /** Cuts to {@code max} UTF-16 characters without splitting a surrogate pair. */
    static String cutChars(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** Cuts to at most {@code maxBytes} bytes of UTF-8 without splitting a code point. */
    static String cutUtf8(String text, int maxBytes) {
        if (text == null || text.length() <= maxBytes / 3) {
            return text;
        }
        int bytes = 0;
        int index = 0;
        while (index < text.length()) {
            int codePoint = text.codePointAt(index);
            int width = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + width > maxBytes) {
                return text.substring(0, index);
            }
            bytes += width;
            index += Character.charCount(codePoint);
        }
        return text;
    }
}
