package dev.faultline.protocols.appcenter;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.model.Report;
import dev.faultline.protocols.json.LenientJson;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes the body of App Center's {@code POST /logs} into one outcome per log. Thread-safe and
 * reusable: one instance serves every request.
 *
 * <p>The body is read leniently (see {@link LenientJson}): App Center's own documented samples
 * carry trailing commas, duplicate keys and a {@code "logs:"} key, and people paste them first. A
 * log that fails validation is dropped on its own: the SDKs delete every pending log when a request
 * is refused, so one bad log must not cost the others. The rules are in {@code package-info.java}.
 */
public final class AppCenterDecoder {
    private static final ObjectMapper JSON = LenientJson.mapper();

    private final AppCenterLimits limits;

    public AppCenterDecoder(AppCenterLimits limits) {
        this.limits = requireNonNull(limits, "limits");
    }

    /**
     * The logs of one request, in order. An accepted error log's original is its slice of {@code
     * body}, byte for byte as sent.
     *
     * @param installId the {@code Install-ID} header, or null when none was sent
     * @throws AppCenterDecodeException only when the body cannot be read as a batch at all: {@code
     *     INVALID_JSON} when it is not JSON, {@code INVALID_REPORT} when it is JSON without a {@code
     *     logs} array
     */
    public List<AppCenterLog> decode(byte[] body, String installId, Instant receivedAt)
            throws AppCenterDecodeException {
        requireNonNull(body, "body");
        requireNonNull(receivedAt, "receivedAt");
        LogMapper mapper = new LogMapper(limits, blankToNull(installId), receivedAt, true);
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new AppCenterDecodeException(DropReason.INVALID_JSON, "body is not valid JSON: it is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                parser.skipChildren();
                throw noLogs();
            }
            List<AppCenterLog> logs = null;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                boolean isLogs = isLogsKey(parser.currentName());
                JsonToken value = parser.nextToken();
                if (isLogs && value == JsonToken.START_ARRAY) {
                    logs = readLogs(parser, body, mapper); // a repeated key: the last one wins
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new AppCenterDecodeException(
                        DropReason.INVALID_JSON, "body is not valid JSON: more follows the object");
            }
            if (logs == null) {
                throw noLogs();
            }
            return logs;
        } catch (JsonProcessingException e) {
            throw new AppCenterDecodeException(DropReason.INVALID_JSON, LenientJson.notJson(e));
        } catch (IOException e) {
            throw new AppCenterDecodeException(DropReason.INVALID_JSON, "body is not valid JSON: " + e.getMessage());
        }
    }

    /**
     * A stored error log back as its report, as {@link #decode} made it, without the checks that
     * only apply on arrival (the timestamp window). {@code log} is the log's JSON, or a whole body
     * that holds just that log.
     *
     * @throws IllegalArgumentException when {@code log} is not an error log this decoder accepts
     */
    public Report report(byte[] log, String installId, Instant receivedAt) {
        requireNonNull(log, "log");
        LogMapper mapper = new LogMapper(limits, blankToNull(installId), receivedAt, false);
        JsonNode tree;
        try {
            tree = JSON.readTree(log);
        } catch (IOException e) {
            throw new IllegalArgumentException(LenientJson.notJson(e), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("a stored App Center log must be a JSON object");
        }
        tree = onlyLog(tree);
        AppCenterLog decoded = mapper.map(tree, log);
        return switch (decoded) {
            case AppCenterLog.ErrorReport error -> error.report();
            case AppCenterLog.Rejected rejected ->
                throw new IllegalArgumentException("not a valid error log: " + rejected.message());
            default -> throw new IllegalArgumentException("not an error log: " + decoded.type());
        };
    }

    /**
     * The log itself when {@code stored} is a whole body of one log (stored so when it came gzipped:
     * the client's compression is kept as it is), else {@code stored}.
     */
    private static JsonNode onlyLog(JsonNode stored) {
        JsonNode logs = null;
        for (Map.Entry<String, JsonNode> field : stored.properties()) {
            if (isLogsKey(field.getKey()) && field.getValue().isArray()) {
                logs = field.getValue();
            }
        }
        if (logs == null) {
            return stored;
        }
        if (logs.size() != 1 || !logs.get(0).isObject()) {
            throw new IllegalArgumentException("a stored body must hold exactly one log");
        }
        return logs.get(0);
    }

    private static List<AppCenterLog> readLogs(JsonParser parser, byte[] body, LogMapper mapper)
            throws IOException, AppCenterDecodeException {
        List<AppCenterLog> logs = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new AppCenterDecodeException(
                        DropReason.INVALID_JSON, "body is not valid JSON: the logs array is not closed");
            }
            long start = parser.currentTokenLocation().getByteOffset();
            JsonNode element = JSON.readTree(parser);
            long end = parser.currentLocation().getByteOffset();
            if (!element.isObject()) {
                logs.add(new AppCenterLog.Rejected(null, DropReason.INVALID_LOG, "a log must be a JSON object"));
                continue;
            }
            byte[] original = start >= 0 && end > start && end <= body.length
                    ? Arrays.copyOfRange(body, (int) start, (int) end)
                    : JSON.writeValueAsBytes(element);
            logs.add(mapper.map(element, original));
        }
        return logs;
    }

    /** {@code logs}, in any letter case, and the doc samples' {@code "logs:"}. */
    private static boolean isLogsKey(String name) {
        String key = name.strip();
        if (key.endsWith(":")) {
            key = key.substring(0, key.length() - 1).strip();
        }
        return key.toLowerCase(Locale.ROOT).equals("logs");
    }

    private static AppCenterDecodeException noLogs() {
        return new AppCenterDecodeException(
                DropReason.INVALID_REPORT, "body must be a JSON object with a \"logs\" array");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
