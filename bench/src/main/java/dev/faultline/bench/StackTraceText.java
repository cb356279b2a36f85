package dev.faultline.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a stack trace as {@code Throwable.printStackTrace} prints it into the App Center {@code exception} object
 * that the Android SDK builds from the same throwable: {@code type}, {@code message}, {@code frames}, and each cause
 * as the single inner exception of the one before. The SDK sends every frame of every cause, so {@code ... n more}
 * stands for the enclosing trace's last n frames, as in Java's output. Stateless.
 */
final class StackTraceText {

    private static final String CAUSED_BY = "Caused by: ";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private record Level(String type, String message, List<ObjectNode> frames) {}

    private StackTraceText() {}

    /** The {@code exception} object for {@code trace}; fails on any line that is not part of a stack trace. */
    static ObjectNode parse(String trace) {
        List<Level> levels = new ArrayList<>();
        for (String line : trace.strip().lines().toList()) {
            String content = line.strip();
            if (content.isEmpty()) {
                continue;
            }
            if (levels.isEmpty()) {
                levels.add(level(content));
            } else if (content.startsWith(CAUSED_BY)) {
                levels.add(level(content.substring(CAUSED_BY.length())));
            } else if (content.startsWith("at ")) {
                levels.getLast().frames().add(frame(content.substring(3)));
            } else if (content.startsWith("... ") && content.endsWith(" more") && levels.size() > 1) {
                int count = Integer.parseInt(content.substring(4, content.length() - 5));
                List<ObjectNode> enclosing = levels.get(levels.size() - 2).frames();
                levels.getLast().frames().addAll(enclosing.subList(enclosing.size() - count, enclosing.size()));
            } else {
                throw new IllegalArgumentException("not a stack trace line: " + line);
            }
        }
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("empty stack trace");
        }
        ObjectNode inner = null;
        for (Level level : levels.reversed()) {
            ObjectNode exception = NODES.objectNode().put("type", level.type());
            if (level.message() != null) {
                exception.put("message", level.message());
            }
            exception.putArray("frames").addAll(level.frames());
            if (inner != null) {
                exception.putArray("innerExceptions").add(inner);
            }
            inner = exception;
        }
        return inner;
    }

    /** {@code type} or {@code type: message}. */
    private static Level level(String header) {
        int colon = header.indexOf(": ");
        return colon < 0
                ? new Level(header, null, new ArrayList<>())
                : new Level(header.substring(0, colon), header.substring(colon + 2), new ArrayList<>());
    }

    /**
     * {@code com.example.Type.method(Type.java:12)}; {@code (Native Method)} is line -2 and {@code (Unknown Source)}
     * line -1 without a file name, as {@code StackTraceElement} reports them.
     */
    private static ObjectNode frame(String text) {
        int open = text.indexOf('(');
        int dot = text.lastIndexOf('.', open);
        if (open < 0 || dot < 0 || !text.endsWith(")")) {
            throw new IllegalArgumentException("not a stack frame: " + text);
        }
        String source = text.substring(open + 1, text.length() - 1);
        ObjectNode frame = NODES.objectNode()
                .put("className", text.substring(0, dot))
                .put("methodName", text.substring(dot + 1, open));
        if (source.equals("Native Method")) {
            return frame.put("lineNumber", -2);
        }
        if (source.equals("Unknown Source")) {
            return frame.put("lineNumber", -1);
        }
        int colon = source.lastIndexOf(':');
        return colon < 0
                ? frame.put("lineNumber", -1).put("fileName", source)
                : frame.put("lineNumber", Integer.parseInt(source.substring(colon + 1)))
                        .put("fileName", source.substring(0, colon));
    }
}
