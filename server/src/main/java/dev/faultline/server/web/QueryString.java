package dev.faultline.server.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds links that keep a page's query parameters. */
final class QueryString {

    private QueryString() {}

    /** {@code path?a=1&b=2} from the non-blank parameters, in the map's order; {@code path} when none. */
    static String link(String path, Map<String, String> params) {
        StringBuilder link = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (param.getValue() == null || param.getValue().isBlank()) {
                continue;
            }
            link.append(separator).append(encode(param.getKey())).append('=').append(encode(param.getValue()));
            separator = '&';
        }
        return link.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
