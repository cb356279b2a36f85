package dev.faultline.protocols.raygun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.model.ErrorInfo;
import dev.faultline.core.model.Frame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a Raygun {@code error} object, with its inner errors and frames, to {@link ErrorInfo}.
 * Stateless and thread-safe.
 *
 * <p>{@code innerError} (one) and {@code innerErrors} (.NET {@code AggregateException}) both become
 * {@code inner}, in that order, an inner error sent under both only once. {@code stackString}
 * (raygun4js's raw {@code err.stack}) becomes {@code rawStack}, as does a {@code stackTrace} sent
 * as one string. raygun4apple's {@code managedStackTrace} (an array of strings) stands in for an
 * absent {@code stackTrace}. At most {@value #MAX_CHAIN_DEPTH} levels of inner errors are mapped;
 * deeper ones stay as sent in the last mapped error's {@code data}, so that a report's JSON never
 * nests too deep to be written (see {@link RaygunDecoder#MAX_NESTING_DEPTH}).
 *
 * <p>Fields the model does not name ({@code signalName}, {@code signalCode}, a misshapen {@code
 * stackTrace}…) are kept in {@code data} under their sent names; on a clash the entry of the sent
 * {@code data} object wins (the original payload keeps both). A {@code data} that is not an object
 * is kept like an unknown field, under its sent name; an empty array (php's empty map) is empty. Frames have no such map: their unknown fields ({@code ilOffset},
 * {@code methodToken}, {@code imageSignature}) live only in the stored original.
 */
final class ErrorMapper {

    private ErrorMapper() {}

    /** Inner errors nested deeper than this stay as sent in the deepest mapped error's {@code data}. */
    static final int MAX_CHAIN_DEPTH = 32;

    static ErrorInfo error(JsonNode node) {
        return error(node, 0);
    }

    private static ErrorInfo error(JsonNode node, int depth) {
        WireObject error = new WireObject(node);
        String type = Wire.text(error.get("className"));
        String message = Wire.text(error.get("message"));
        List<Frame> frames = List.of();
        String rawStack = Wire.text(error.get("stackString"));
        String stackName = "stackTrace";
        JsonNode stackTrace = error.get(stackName);
        if (stackTrace == null) {
            stackName = "managedStackTrace";
            stackTrace = error.get(stackName);
        }
        if (stackTrace != null && stackTrace.isArray()) {
            frames = frames(stackTrace);
        } else if (stackTrace != null && stackTrace.isTextual() && rawStack == null) {
            rawStack = stackTrace.textValue();
        } else if (stackTrace != null) {
            error.keep(stackName);
        }
        List<ErrorInfo> inner = depth < MAX_CHAIN_DEPTH ? inner(error, depth + 1) : List.of();
        Map<String, Object> data = data(error);
        return new ErrorInfo(type, message, frames, inner, data, rawStack);
    }

    /**
     * No temporary list for the usual none or one inner error. Road not taken: one {@code new
     * ArrayList<>(2)} for all cases, which Temurin 25.0.3's C2 miscompiled (scalar replacement of
     * the constant-size backing array, copied by {@code List.copyOf}): under load an inner list
     * came out as {@code [null]}. Lists sized from the input are not scalar-replaced.
     */
    private static List<ErrorInfo> inner(WireObject error, int depth) {
        ErrorInfo first = null;
        JsonNode innerError = error.get("innerError");
        if (innerError != null && innerError.isObject()) {
            first = error(innerError, depth);
        } else if (innerError != null) {
            error.keep("innerError");
        }
        JsonNode innerErrors = error.get("innerErrors");
        if (innerErrors == null || !innerErrors.isArray()) {
            if (innerErrors != null) {
                error.keep("innerErrors");
            }
            return first == null ? List.of() : List.of(first);
        }
        List<ErrorInfo> inner = new ArrayList<>(innerErrors.size() + 1);
        if (first != null) {
            inner.add(first);
        }
        for (JsonNode element : innerErrors) {
            if (element.isObject()) {
                ErrorInfo mapped = error(element, depth);
                if (!inner.contains(mapped)) {
                    inner.add(mapped);
                }
            }
        }
        return inner;
    }

    /** Call last: the fields not read so far are the unknown ones. */
    private static Map<String, Object> data(WireObject error) {
        JsonNode sent = error.get("data");
        if (sent != null && !sent.isObject() && !isEmptyArray(sent)) {
            error.keep("data");
        }
        Map<String, Object> rest = error.unread();
        if (sent == null || !sent.isObject()) {
            return rest;
        }
        if (rest.isEmpty()) {
            return Wire.toJavaMap(sent);
        }
        Map<String, Object> data = new LinkedHashMap<>(Wire.toJavaMap(sent));
        rest.forEach(data::putIfAbsent);
        return Collections.unmodifiableMap(data);
    }

    /** php encodes an empty map as {@code []}. */
    static boolean isEmptyArray(JsonNode node) {
        return node.isArray() && node.isEmpty();
    }

    private static List<Frame> frames(JsonNode stackTrace) {
        List<Frame> frames = new ArrayList<>(stackTrace.size());
        for (JsonNode element : stackTrace) {
            Frame frame = element.isObject() ? frame(new WireObject(element)) : rawFrame(element);
            if (frame != null) {
                frames.add(frame);
            }
        }
        return frames;
    }

    private static Frame frame(WireObject frame) {
        String className = Wire.nonBlankText(frame.get("className"));
        String method = Wire.nonBlankText(frame.get("methodName"));
        String file = Wire.nonBlankText(frame.get("fileName"));
        Integer line = Wire.integer(frame.get("lineNumber"));
        Integer column = Wire.integer(frame.get("columnNumber"));
        String raw = Wire.nonBlankText(frame.get("raw"));
        if (className == null && method == null && file == null && line == null && column == null && raw == null) {
            return null;
        }
        return new Frame(className, method, file, line, column, null, raw);
    }

    /** raygun4apple's handled errors send each frame as one string. */
    private static Frame rawFrame(JsonNode element) {
        String raw = Wire.nonBlankText(element);
        return raw == null ? null : new Frame(null, null, null, null, null, null, raw);
    }
}
