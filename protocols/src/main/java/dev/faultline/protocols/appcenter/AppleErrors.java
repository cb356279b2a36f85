package dev.faultline.protocols.appcenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.model.ErrorInfo;
import dev.faultline.core.model.Frame;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps an {@code appleError} log to its error. Stateless and thread-safe.
 *
 * <p>The type is the Objective-C or Swift exception's name when there is one ({@code
 * exceptionType}, else {@code exception.type}), else the OS exception ({@code osExceptionType},
 * such as {@code SIGSEGV} or {@code EXC_BAD_ACCESS}). The message is the exception's reason, else
 * the OS exception code and address. The frames are the exception's own when it has some, else
 * those of the crashed thread ({@code errorThreadId}, else the thread that carries an {@code
 * exception}, else the first). Apple frames arrive without symbols, so each frame's binary image
 * and offset are looked up in {@code binaries}: the grouping uses them, not the load address.
 * Threads, binaries, registers and the OS exception stay in the report's {@code extra}.
 */
final class AppleErrors {
    private AppleErrors() {}

    static ErrorInfo error(JsonNode log) {
        Binaries binaries = Binaries.of(log.get("binaries"));
        JsonNode exception = log.get("exception");
        if (exception != null && !exception.isObject()) {
            exception = null;
        }
        String type = first(
                LogMapper.text(log.get("exceptionType")),
                exception == null ? null : LogMapper.text(exception.get("type")),
                LogMapper.text(log.get("osExceptionType")));
        String message = first(
                LogMapper.text(log.get("exceptionReason")),
                exception == null ? null : LogMapper.text(exception.get("message")),
                LogMapper.text(log.get("osExceptionCode")) + " at " + LogMapper.text(log.get("osExceptionAddress")));
        List<Frame> frames = exception == null ? List.of() : Exceptions.frames(exception.get("frames"), binaries);
        if (frames.isEmpty()) {
            JsonNode thread = crashedThread(log);
            frames = thread == null ? List.of() : Exceptions.frames(thread.get("frames"), binaries);
        }
        Map<String, Object> data =
                exception == null ? Map.of() : LogMapper.extra(exception, Set.of("type", "message", "frames"));
        String rawStack = exception == null ? null : LogMapper.text(exception.get("stackTrace"));
        return new ErrorInfo(type, message, frames, List.of(), data, rawStack);
    }

    private static JsonNode crashedThread(JsonNode log) {
        JsonNode threads = log.get("threads");
        if (threads == null || !threads.isArray() || threads.isEmpty()) {
            return null;
        }
        JsonNode errorThreadId = log.get("errorThreadId");
        Integer crashedId = errorThreadId == null || errorThreadId.isNull() ? null : LogMapper.integer(errorThreadId);
        JsonNode withException = null;
        JsonNode firstThread = null;
        for (JsonNode thread : threads) {
            if (!thread.isObject()) {
                continue;
            }
            JsonNode id = thread.get("id");
            if (crashedId != null && id != null && crashedId.equals(LogMapper.integer(id))) {
                return thread;
            }
            if (withException == null && thread.hasNonNull("exception")) {
                withException = thread;
            }
            if (firstThread == null) {
                firstThread = thread;
            }
        }
        return withException != null ? withException : firstThread;
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
