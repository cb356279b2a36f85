package dev.faultline.core.model;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened before the error.
 *
 * @param level one of {@code debug}, {@code info}, {@code warning}, {@code error}, {@code fatal},
 *     or the sent string lower-cased when it is none of these
 */
public record Breadcrumb(
        Instant timestamp,
        String level,
        String type,
        String category,
        String message,
        String className,
        String method,
        Integer line,
        Map<String, Object> customData) {

    public Breadcrumb {
        customData = customData == null ? Map.of() : customData;
    }
}
