package dev.faultline.bench;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One request to send.
 *
 * @param path request path, such as {@code /entries}
 * @param headers headers besides {@code Host}, {@code Content-Length} and {@code Connection}, which each client
 *     sets itself
 * @param body the exact bytes to post; clients copy it before stamping
 * @param reports how many reports a 202 for this request stores (1, or the size of a bulk array)
 * @param stamps timestamps in the body that are rewritten on every send, so no two reports are byte-identical;
 *     empty where the body cannot be patched in place (gzip): vary those by preparing several templates
 */
record RequestTemplate(String path, Map<String, String> headers, byte[] body, int reports, List<Stamp> stamps) {

    RequestTemplate {
        requireNonNull(path, "path");
        headers = Map.copyOf(headers);
        requireNonNull(body, "body");
        stamps = List.copyOf(stamps);
    }

    /** Rewrites every stamp of this template in {@code buffer}, whose body starts at {@code bodyStart}. */
    void stamp(byte[] buffer, int bodyStart, long sequence) {
        for (Stamp stamp : stamps) {
            stamp.write(buffer, bodyStart, sequence);
        }
    }
}
