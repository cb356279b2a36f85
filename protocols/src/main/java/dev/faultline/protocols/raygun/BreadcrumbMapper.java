package dev.faultline.protocols.raygun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.model.Breadcrumb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps Raygun breadcrumbs. Stateless and thread-safe.
 *
 * <p>{@code timestamp} (also spelled {@code timeStamp}) is epoch milliseconds; a value below
 * {@value RaygunTime#SECONDS_BELOW} is seconds (raygun4ruby), and an ISO string is read like {@code
 * occurredOn}. {@code level} is an int 0–4 (raygun4java, raygun4net) or a string: ints become
 * {@code debug}, {@code info}, {@code warning}, {@code error}, {@code fatal}; strings are
 * lower-cased, {@code warn} read as {@code warning}; any other level is kept as its lower-cased
 * text. Unknown breadcrumb fields join {@code customData} (the sent custom data wins on a clash).
 * Array elements that are not objects are skipped.
 */
final class BreadcrumbMapper {
    private static final String[] LEVELS = {"debug", "info", "warning", "error", "fatal"};

    private BreadcrumbMapper() {}

    static List<Breadcrumb> breadcrumbs(JsonNode array) {
        List<Breadcrumb> breadcrumbs = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (element.isObject()) {
                breadcrumbs.add(breadcrumb(new WireObject(element)));
            }
        }
        return breadcrumbs;
    }

    private static Breadcrumb breadcrumb(WireObject crumb) {
        Instant timestamp = RaygunTime.instant(crumb.get("timestamp"));
        String level = level(crumb.get("level"));
        String type = Wire.nonBlankText(crumb.get("type"));
        String category = Wire.nonBlankText(crumb.get("category"));
        String message = Wire.text(crumb.get("message"));
        String className = Wire.nonBlankText(crumb.get("className"));
        String method = Wire.nonBlankText(crumb.get("methodName"));
        Integer line = Wire.integer(crumb.get("lineNumber"));
        JsonNode sent = crumb.get("customData");
        if (sent != null && !sent.isObject() && !ErrorMapper.isEmptyArray(sent)) {
            crumb.keep("customData");
        }
        Map<String, Object> rest = crumb.unread();
        Map<String, Object> customData = sent != null && sent.isObject() ? Wire.toJavaMap(sent) : Map.of();
        if (!rest.isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>(customData);
            rest.forEach(merged::putIfAbsent);
            customData = Collections.unmodifiableMap(merged);
        }
        return new Breadcrumb(timestamp, level, type, category, message, className, method, line, customData);
    }

    static String level(JsonNode node) {
        Integer number = Wire.integer(node);
        if (number != null) {
            return number >= 0 && number < LEVELS.length ? LEVELS[number] : number.toString();
        }
        String text = Wire.nonBlankText(node);
        if (text == null) {
            return null;
        }
        String level = text.strip().toLowerCase(Locale.ROOT);
        return level.equals("warn") ? "warning" : level;
    }
}
