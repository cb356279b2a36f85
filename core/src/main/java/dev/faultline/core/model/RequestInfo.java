package dev.faultline.core.model;

import java.util.Map;

/**
 * The HTTP request being served when the error happened.
 *
 * @param queryString a map of parameters or the raw query string, as sent
 * @param form a map of form fields (names and values cut to 256 characters) or a raw string
 * @param rawData the raw body, cut to 4096 bytes of UTF-8
 */
public record RequestInfo(
        String hostName,
        String url,
        String method,
        String ipAddress,
        Object queryString,
        Map<String, String> headers,
        Object form,
        String rawData) {

    public RequestInfo {
        headers = headers == null ? Map.of() : headers;
    }
}
