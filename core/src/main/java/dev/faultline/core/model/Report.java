package dev.faultline.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One crash or error report, normalized from whichever wire format carried it. Immutable and
 * thread-safe. Maps and lists are never null (empty instead); optional scalars and sub-records may
 * be null.
 *
 * <p>Free-form values ({@code customData}, {@code extra}, request query and form) are JSON-like
 * trees: {@code Map<String, Object>}, {@code List<Object>}, {@code String}, {@code Number}, {@code
 * Boolean} or {@code null}.
 *
 * @param protocol the wire format that carried it: {@code raygun} or {@code appcenter}
 * @param occurredAt when the error happened, per the client
 * @param receivedAt when the server accepted it
 * @param error the outermost error; inner errors hang below it
 * @param groupingKey the client's own grouping key (1–100 characters) or null
 * @param version the application version, or null when unknown
 * @param logId a client-assigned id that makes retries idempotent (App Center), or null
 * @param extra protocol-specific fields kept as sent (threads, binaries, properties…)
 */
public record Report(
        String protocol,
        Instant occurredAt,
        Instant receivedAt,
        ErrorInfo error,
        String groupingKey,
        String version,
        String machineName,
        Sdk client,
        UserInfo user,
        Device device,
        List<String> tags,
        Map<String, Object> customData,
        RequestInfo request,
        ResponseInfo response,
        List<Breadcrumb> breadcrumbs,
        Map<String, Object> extra,
        String logId) {

    public Report {
        requireNonNull(protocol, "protocol");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(receivedAt, "receivedAt");
        requireNonNull(error, "error");
        tags = tags == null ? List.of() : List.copyOf(tags);
        customData = customData == null ? Map.of() : customData;
        breadcrumbs = breadcrumbs == null ? List.of() : List.copyOf(breadcrumbs);
        extra = extra == null ? Map.of() : extra;
    }

    /**
     * The key that identifies the affected user: the user identifier, else the user's device uuid,
     * else the device's install id; null when the report names nobody.
     */
    public String userKey() {
        if (user != null) {
            String key = user.key();
            if (key != null) {
                return key;
            }
        }
        return device == null ? null : blankToNull(device.installId());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
