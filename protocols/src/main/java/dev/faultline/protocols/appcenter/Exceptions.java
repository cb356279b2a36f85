package dev.faultline.protocols.appcenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.model.ErrorInfo;
import dev.faultline.core.model.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Maps App Center's {@code exception} objects (managed and handled errors) and their frames.
 * Stateless and thread-safe.
 */
final class Exceptions {
    /** Fields an exception's {@link ErrorInfo} holds elsewhere than in {@code data}. */
    private static final Set<String> MAPPED_FIELDS =
            Set.of("type", "message", "frames", "stackTrace", "innerExceptions");

    private Exceptions() {}

    /**
     * The exception and its inner exceptions (an array: each becomes an inner error). Frames come
     * from {@code frames}, else from parsing the raw {@code stackTrace}, which is kept either way.
     * Nesting is bounded by the JSON reader's depth limit.
     */
    static ErrorInfo error(JsonNode exception) {
        String stackTrace = LogMapper.text(exception.get("stackTrace"));
        List<Frame> frames = frames(exception.get("frames"), Binaries.NONE);
        if (frames.isEmpty() && stackTrace != null) {
            frames = StackTraceParser.parse(stackTrace);
        }
        List<ErrorInfo> inner = new ArrayList<>();
        JsonNode innerExceptions = exception.get("innerExceptions");
        if (innerExceptions != null && innerExceptions.isArray()) {
            for (JsonNode each : innerExceptions) {
                if (each.isObject()) {
                    inner.add(error(each));
                }
            }
        }
        return new ErrorInfo(
                LogMapper.text(exception.get("type")),
                rawText(exception.get("message")),
                frames,
                inner,
                LogMapper.extra(exception, MAPPED_FIELDS),
                stackTrace);
    }

    /** The frames of an array; a native frame's image is looked up in {@code binaries}. */
    static List<Frame> frames(JsonNode array, Binaries binaries) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            return List.of();
        }
        List<Frame> frames = new ArrayList<>(array.size());
        for (JsonNode frame : array) {
            if (frame.isObject()) {
                frames.add(frame(frame, binaries));
            }
        }
        return frames;
    }

    private static Frame frame(JsonNode frame, Binaries binaries) {
        JsonNode line = frame.get("lineNumber");
        String address = LogMapper.text(frame.get("address"));
        String code = LogMapper.text(frame.get("code"));
        Binaries.Location location = binaries.locate(address, code);
        return new Frame(
                LogMapper.text(frame.get("className")),
                LogMapper.text(frame.get("methodName")),
                LogMapper.text(frame.get("fileName")),
                line == null || line.isNull() ? null : LogMapper.integer(line),
                null,
                address,
                code,
                location == null ? null : location.image(),
                location == null ? null : location.offset());
    }

    /** A message as sent (blank is kept, it is what the app said); a non-string scalar as its text. */
    private static String rawText(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.textValue() : node.asText();
    }
}
