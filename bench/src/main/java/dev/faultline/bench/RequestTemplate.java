package dev.faultline.bench;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One request to send.
 *
 * @param path request target: the path and any query, such as {@code /logs?api-version=1.0.0}
 * @param headers headers besides {@code Host}, {@code Content-Length} and {@code Connection}, which each client
 *     sets itself
 * @param body the exact bytes to post; clients copy it before stamping
 * @param reports how many reports a success for this request stores (1, or the size of a bulk array)
 * @param stamps what is rewritten in the body on every send, so no two reports are the same: Raygun dates
 *     ({@link DateTimeStamp}), or App Center log ids and times inside a gzip body ({@link SplicedGzip})
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
