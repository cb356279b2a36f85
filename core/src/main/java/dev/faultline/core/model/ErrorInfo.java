package dev.faultline.core.model;

import java.util.List;
import java.util.Map;

/**
 * One error in a chain: its type, message and frames, and the errors that caused it.
 *
 * @param type the error's class or type name, possibly empty
 * @param message the error's message, possibly empty
 * @param frames the stack, innermost (highest on the stack) first; empty when none was sent
 * @param inner the errors that caused this one (Raygun {@code innerError}/{@code innerErrors},
 *     App Center {@code innerExceptions})
 * @param data the error's own data (Raygun {@code error.data}), a JSON-like tree
 * @param rawStack the stack as one unparsed string when that is how it arrived, else null
 */
public record ErrorInfo(
        String type,
        String message,
        List<Frame> frames,
        List<ErrorInfo> inner,
        Map<String, Object> data,
        String rawStack) {

    public ErrorInfo {
        type = type == null ? "" : type;
        message = message == null ? "" : message;
        frames = frames == null ? List.of() : List.copyOf(frames);
        inner = inner == null ? List.of() : List.copyOf(inner);
        data = data == null ? Map.of() : data;
    }
}
