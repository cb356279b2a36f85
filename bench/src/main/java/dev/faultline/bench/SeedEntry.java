package dev.faultline.bench;

import dev.faultline.bench.SeedPlan.SeedEvent;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes a {@link SeedEvent} as a Raygun entry in raygun4java's shape (the bench's captured fixtures): error type,
 * message and stack, version, user, tags, environment with the OS, client. Every value is plain ASCII of the plan's
 * making, so nothing needs escaping. Stateless and thread-safe.
 */
final class SeedEntry {

    private static final List<String> METHODS =
            List.of("handle", "process", "apply", "load", "save", "render", "validate", "dispatch");

    private SeedEntry() {}

    /** A {@code POST /entries/bulk} body: a JSON array of the entries. */
    static byte[] bulk(List<SeedEvent> events) {
        StringBuilder json = new StringBuilder(events.size() * 1200);
        json.append('[');
        for (SeedEvent event : events) {
            if (json.length() > 1) {
                json.append(',');
            }
            append(json, event);
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A {@code POST /entries} body. */
    static byte[] single(SeedEvent event) {
        StringBuilder json = new StringBuilder(1200);
        append(json, event);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void append(StringBuilder json, SeedEvent event) {
        String simpleName = event.className().substring(event.className().lastIndexOf('.') + 1);
        json.append("{\"occurredOn\":\"")
                .append(event.occurredOn().truncatedTo(ChronoUnit.SECONDS))
                .append("\",\"details\":{\"machineName\":\"")
                .append(event.machineName())
                .append("\",\"version\":\"")
                .append(event.version())
                .append("\",\"error\":{\"className\":\"")
                .append(event.className())
                .append("\",\"message\":\"")
                .append(simpleName)
                .append(": order ")
                .append(event.orderNumber())
                .append(" could not be processed\",\"stackTrace\":[");
        frames(json, event.group());
        json.append("]},\"environment\":{\"platform\":\"")
                .append(event.osName())
                .append("\",\"osVersion\":\"")
                .append(event.osVersion())
                .append("\",\"architecture\":\"")
                .append(event.app() == 0 ? "amd64" : "arm64")
                .append("\",\"processorCount\":4,\"locale\":\"en-US\",\"utcOffset\":0.0},")
                .append("\"client\":{\"version\":\"3.0.0\",")
                .append("\"clientUrlString\":\"https://github.com/MindscapeHQ/raygun4java\",\"name\":\"Raygun4Java\"},")
                .append("\"tags\":[");
        for (int index = 0; index < event.tags().size(); index++) {
            json.append(index == 0 ? "\"" : ",\"")
                    .append(event.tags().get(index))
                    .append('"');
        }
        json.append("],\"userCustomData\":{\"orderNumber\":")
                .append(event.orderNumber())
                .append('}');
        if (event.user() != null) {
            json.append(",\"user\":{\"isAnonymous\":false,\"identifier\":\"")
                    .append(event.user())
                    .append("\"}");
        }
        json.append("}}");
    }

    /** Four to eight frames, made from the group number, so a group's stack is the same in every event. */
    private static void frames(StringBuilder json, int group) {
        int count = 4 + group % 5;
        for (int frame = 0; frame < count; frame++) {
            int module = (group / 7 + frame) % 37;
            String service = "Service" + (group * 7 + frame * 3) % 53;
            if (frame > 0) {
                json.append(',');
            }
            json.append("{\"lineNumber\":")
                    .append(10 + (group * 13 + frame * 7) % 400)
                    .append(",\"className\":\"com.example.shop.module")
                    .append(module)
                    .append('.')
                    .append(service)
                    .append("\",\"fileName\":\"")
                    .append(service)
                    .append(".java\",\"methodName\":\"")
                    .append(METHODS.get((group + frame) % METHODS.size()))
                    .append("\"}");
        }
    }
}
