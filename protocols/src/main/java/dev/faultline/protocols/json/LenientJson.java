package dev.faultline.protocols.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reading what SDKs and people actually send: the lenient JSON both wire formats share, the
 * conversion of its trees into the model's JSON-like values, and error messages fit for a client.
 * Stateless and thread-safe.
 *
 * <p>Lenient means: trailing commas, unescaped control characters, single quotes, comments, {@code
 * NaN}, any character escaped with a backslash; duplicate keys are allowed and the last one wins.
 */
public final class LenientJson {
    /**
     * Deep enough for any SDK, and half of Jackson's default write limit (1000): a report's JSON
     * nests deeper than its entry did (each inner error adds an array level), and the REST API must
     * be able to write every stored report back out.
     */
    public static final int MAX_NESTING_DEPTH = 500;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .build())
                    .build())
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    private static final int MAX_REASON_LENGTH = 200;

    /** Jackson's "(start marker at [Source: REDACTED …; line: 1, column: 1])": noise to a client. */
    private static final Pattern SOURCE_REFERENCE =
            Pattern.compile(" \\([^\\[]*\\[Source: .*?; line: \\d+, column: \\d+\\]\\)");

    private LenientJson() {}

    /** The shared lenient mapper; never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * "body is not valid JSON: " and the parser's reason, without the echo of the body that Jackson
     * may append, and where it was.
     */
    public static String notJson(IOException e) {
        String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        reason = reason == null ? "unreadable" : reason.lines().findFirst().orElse("unreadable");
        reason = SOURCE_REFERENCE.matcher(reason).replaceAll("");
        if (reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH) + "…";
        }
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            reason += " at line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr();
        }
        return "body is not valid JSON: " + reason;
    }

    /**
     * A JSON value as the model's JSON-like tree: unmodifiable insertion-ordered maps and lists,
     * {@code String}, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double}, {@code
     * Boolean} or null. The number types are the ones Jackson reads back from the model's JSON, so
     * that a report survives a round trip equal. NaN and infinities (allowed on input) become
     * strings, which JSON can hold.
     */
    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return toJavaMap(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(toJava(element));
            }
            return Collections.unmodifiableList(list);
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isBigInteger()) {
            return node.bigIntegerValue();
        }
        if (node.isNumber()) {
            double value = node.doubleValue();
            return Double.isFinite(value) ? (Object) value : node.asText();
        }
        return node.asText();
    }

    /** An object's fields as an unmodifiable map in sent order; JSON null values are kept. */
    public static Map<String, Object> toJavaMap(JsonNode object) {
        if (object.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            map.put(field.getKey(), toJava(field.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }
}
