package dev.faultline.bench;

import java.nio.charset.StandardCharsets;

/** A response as far as the bench cares: status, body, and whether the connection may be reused. */
record HttpResponse(int status, byte[] body, boolean keepAlive) {

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
