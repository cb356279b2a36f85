package dev.faultline.protocols.raygun;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.ingest.DropReason;
import dev.faultline.protocols.json.LenientJson;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes the bodies of Raygun's {@code POST /entries} (one entry) and {@code POST /entries/bulk}
 * (an array of entries) into reports. Thread-safe and reusable: one instance serves every request.
 *
 * <p>Parsing is lenient the way real SDKs need (trailing commas, unescaped control characters,
 * single quotes, comments, {@code NaN}; duplicate keys: the last wins; keys in any letter case);
 * validation is strict only about what a report cannot do without: {@code occurredOn}, {@code
 * details} and {@code details.error}. The mapping rules are in {@code package-info.java}.
 */
public final class RaygunDecoder {
    /** See {@link LenientJson#MAX_NESTING_DEPTH}. */
    static final int MAX_NESTING_DEPTH = LenientJson.MAX_NESTING_DEPTH;

    private static final ObjectMapper JSON = LenientJson.mapper();

    private final int maxEntryBytes;

    /** @param maxEntryBytes the largest entry accepted, in bytes of JSON (Raygun documents 128 KB) */
    public RaygunDecoder(int maxEntryBytes) {
        if (maxEntryBytes <= 0) {
            throw new IllegalArgumentException("maxEntryBytes must be positive: " + maxEntryBytes);
        }
        this.maxEntryBytes = maxEntryBytes;
    }

    /**
     * One entry ({@code POST /entries}). Never throws for bad input: a body that is not JSON is
     * {@code INVALID_JSON}, one larger than the limit {@code TOO_LARGE}, JSON that is not a valid
     * entry {@code INVALID_REPORT}.
     */
    public Decoded decode(byte[] body, Instant receivedAt) {
        requireNonNull(body, "body");
        requireNonNull(receivedAt, "receivedAt");
        if (body.length > maxEntryBytes) {
            return tooLarge(body.length);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            return new Decoded.Rejected(DropReason.INVALID_JSON, notJson(e));
        }
        if (tree == null || tree.isMissingNode()) {
            return new Decoded.Rejected(DropReason.INVALID_JSON, "body is not valid JSON: it is empty");
        }
        if (!tree.isObject()) {
            return new Decoded.Rejected(DropReason.INVALID_REPORT, "body must be a JSON object");
        }
        return map(tree, body, receivedAt);
    }

    /**
     * A bulk body ({@code POST /entries/bulk}): a JSON array of entries. One {@link Decoded} per
     * element, in order; an element larger than the entry limit (its JSON text) is {@code
     * TOO_LARGE}, one that is not an object {@code INVALID_REPORT} "entry must be a JSON object".
     * An accepted element's original is its slice of {@code body}, byte for byte as sent.
     *
     * @throws RaygunDecodeException only when the array itself cannot be read: {@code INVALID_JSON}
     *     when the body is not JSON (a syntax error anywhere in it), {@code INVALID_REPORT} when it
     *     is JSON but not an array
     */
    public List<Decoded> decodeBulk(byte[] body, Instant receivedAt) throws RaygunDecodeException {
        requireNonNull(body, "body");
        requireNonNull(receivedAt, "receivedAt");
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new RaygunDecodeException(DropReason.INVALID_JSON, "body is not valid JSON: it is empty");
            }
            if (first != JsonToken.START_ARRAY) {
                parser.skipChildren();
                throw new RaygunDecodeException(DropReason.INVALID_REPORT, "body must be a JSON array");
            }
            List<Decoded> entries = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new RaygunDecodeException(
                            DropReason.INVALID_JSON, "body is not valid JSON: the array is not closed");
                }
                long start = parser.currentTokenLocation().getByteOffset();
                JsonNode element = JSON.readTree(parser);
                long end = parser.currentLocation().getByteOffset();
                byte[] original = start >= 0 && end > start && end <= body.length
                        ? Arrays.copyOfRange(body, (int) start, (int) end)
                        : JSON.writeValueAsBytes(element);
                entries.add(bulkEntry(element, original, receivedAt));
            }
            return entries;
        } catch (JsonProcessingException e) {
            throw new RaygunDecodeException(DropReason.INVALID_JSON, notJson(e));
        } catch (IOException e) {
            throw new RaygunDecodeException(DropReason.INVALID_JSON, "body is not valid JSON: " + e.getMessage());
        }
    }

    private Decoded bulkEntry(JsonNode element, byte[] original, Instant receivedAt) {
        if (original.length > maxEntryBytes) {
            return tooLarge(original.length);
        }
        if (!element.isObject()) {
            return new Decoded.Rejected(DropReason.INVALID_REPORT, "entry must be a JSON object");
        }
        return map(element, original, receivedAt);
    }

    private static Decoded map(JsonNode entry, byte[] original, Instant receivedAt) {
        try {
            return new Decoded.Accepted(RaygunMapper.report(entry, receivedAt), original);
        } catch (InvalidEntryException e) {
            return new Decoded.Rejected(DropReason.INVALID_REPORT, e.getMessage());
        }
    }

    private Decoded tooLarge(int size) {
        return new Decoded.Rejected(
                DropReason.TOO_LARGE, "entry is " + size + " bytes, more than the limit of " + maxEntryBytes);
    }

    private static String notJson(IOException e) {
        return LenientJson.notJson(e);
    }
}
