package dev.faultline.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A response as far as the bench cares: status, headers in the order received (names as sent), body, and whether the
 * connection may be reused.
 */
record HttpResponse(int status, List<Map.Entry<String, String>> headers, byte[] body, boolean keepAlive) {

    HttpResponse {
        headers = List.copyOf(headers);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of header {@code name} (any case), or null. */
    String header(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** Every value of header {@code name} (any case), in order; {@code Set-Cookie} comes once per cookie. */
    List<String> headers(String name) {
        return headers.stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .toList();
    }
}
