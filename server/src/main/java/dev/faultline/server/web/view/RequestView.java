package dev.faultline.server.web.view;

import dev.faultline.core.model.RequestInfo;
import dev.faultline.core.model.ResponseInfo;
import java.util.List;
import java.util.Map;

/**
 * The HTTP request a report was made during. Query and form are either parsed (a tree) or the raw
 * string the SDK sent; never both.
 */
public record RequestView(
        String method,
        String url,
        String hostName,
        String ipAddress,
        Integer statusCode,
        List<KeyValue> headers,
        List<TreeNode> query,
        String rawQuery,
        List<TreeNode> form,
        String rawForm,
        String rawBody) {

    /** Null when the report has neither request nor response. */
    public static RequestView of(RequestInfo request, ResponseInfo response) {
        if (request == null && (response == null || response.statusCode() == null)) {
            return null;
        }
        Integer status = response == null ? null : response.statusCode();
        if (request == null) {
            return new RequestView(null, null, null, null, status, List.of(), List.of(), null, List.of(), null, null);
        }
        return new RequestView(
                request.method(),
                request.url(),
                request.hostName(),
                request.ipAddress(),
                status,
                KeyValue.of(request.headers()),
                tree(request.queryString()),
                raw(request.queryString()),
                tree(request.form()),
                raw(request.form()),
                request.rawData());
    }

    @SuppressWarnings("unchecked")
    private static List<TreeNode> tree(Object value) {
        return value instanceof Map<?, ?> map ? TreeNode.of((Map<String, ?>) map) : List.of();
    }

    private static String raw(Object value) {
        return value == null || value instanceof Map<?, ?> || value.toString().isEmpty() ? null : value.toString();
    }
}
