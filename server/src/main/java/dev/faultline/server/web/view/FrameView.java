package dev.faultline.server.web.view;

import dev.faultline.core.model.Frame;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One stack frame as the page shows it.
 *
 * @param function the class and method ("com.shop.Cart.checkout"), or the raw frame, or the
 *     address when nothing else is known
 * @param source the file with line and column ("Cart.java:42"), or null
 * @param location the native location: image and offset, or address; null when not native
 * @param library whether the frame looks like library or runtime code rather than the app's own
 */
public record FrameView(String function, String source, String location, boolean library) {

    /** Namespaces, paths and images of runtimes and common libraries, lower-case. */
    private static final List<String> LIBRARY_PREFIXES = List.of(
            "java.",
            "javax.",
            "jdk.",
            "sun.",
            "com.sun.",
            "kotlin.",
            "kotlinx.",
            "android.",
            "androidx.",
            "com.android.",
            "dalvik.",
            "libcore.",
            "org.junit.",
            "org.springframework.",
            "org.apache.",
            "io.netty.",
            "org.eclipse.jetty.",
            "io.javalin.",
            "org.hibernate.",
            "com.fasterxml.",
            "okhttp3.",
            "retrofit2.",
            "com.google.",
            "system.",
            "microsoft.",
            "mono.",
            "xamarin.",
            "java.interop.",
            "objcruntime.",
            "uikit.",
            "foundation.",
            "react-native",
            "libsystem_",
            "libdyld",
            "libobjc",
            "corefoundation",
            "uikitcore",
            "graphicsservices",
            "libc++",
            "libdispatch",
            "libsystem");

    private static final List<String> LIBRARY_PATHS = List.of(
            "node_modules/",
            "node:",
            "internal/",
            "site-packages/",
            "dist-packages/",
            "/lib/python",
            "/gems/",
            "/vendor/",
            "<anonymous>",
            "webpack/bootstrap");

    public static FrameView of(Frame frame) {
        String function = function(frame.className(), frame.method());
        String location = nativeLocation(frame.image(), frame.imageOffset(), frame.address());
        if (function == null) {
            function = frame.raw() != null ? frame.raw() : location != null ? location : "(unknown)";
        }
        return new FrameView(
                function,
                source(frame.file(), frame.line(), frame.column()),
                location,
                library(frame.className(), frame.file(), frame.image()));
    }

    /**
     * A frame of a thread sent as free-form JSON (App Center {@code threads[].frames[]}, raygun4apple
     * {@code threads[].frames[]}): the usual field names of either SDK.
     */
    public static FrameView of(Map<?, ?> frame) {
        String className = text(frame, "className");
        String method = firstText(frame, "methodName", "method", "symbolName");
        String file = firstText(frame, "fileName", "file");
        Integer line = frame.get("lineNumber") instanceof Number number ? number.intValue() : null;
        String address = firstText(frame, "address", "instructionAddress");
        String code = firstText(frame, "code", "raw");
        String function = function(className, method);
        String location = address;
        if (function == null) {
            function = code != null ? code : address != null ? address : "(unknown)";
            location = code != null ? address : null;
        }
        return new FrameView(function, source(file, line, null), location, library(className, file, null));
    }

    private static String function(String className, String method) {
        boolean hasClass = className != null && !className.isBlank();
        boolean hasMethod = method != null && !method.isBlank();
        if (hasClass && hasMethod) {
            return className + "." + method;
        }
        return hasClass ? className : hasMethod ? method : null;
    }

    private static String source(String file, Integer line, Integer column) {
        if (file == null || file.isBlank()) {
            return line == null || line < 0 ? null : "line " + line;
        }
        StringBuilder source = new StringBuilder(file);
        if (line != null && line >= 0) {
            source.append(':').append(line);
            if (column != null && column >= 0) {
                source.append(':').append(column);
            }
        }
        return source.toString();
    }

    private static String nativeLocation(String image, Long offset, String address) {
        if (image != null && offset != null) {
            return image + " + " + offset;
        }
        return address;
    }

    static boolean library(String className, String file, String image) {
        for (String value : new String[] {className, image}) {
            if (value != null) {
                String lower = value.toLowerCase(Locale.ROOT);
                if (LIBRARY_PREFIXES.stream().anyMatch(lower::startsWith)) {
                    return true;
                }
            }
        }
        if (file != null) {
            String lower = file.toLowerCase(Locale.ROOT).replace('\\', '/');
            return LIBRARY_PATHS.stream().anyMatch(lower::contains);
        }
        return false;
    }

    static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && key.toLowerCase(Locale.ROOT).contains("address")) {
            return "0x" + Long.toHexString(number.longValue());
        }
        String text = value.toString();
        return text.isBlank() ? null : text;
    }

    static String firstText(Map<?, ?> map, String... keys) {
        for (String key : keys) {
            String value = text(map, key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
