package dev.faultline.server.ingest;

import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a cap, so that an oversized body costs at most the cap. */
final class BodyReader {
    private BodyReader() {}

    /** Thrown when the body is larger than the cap. */
    static final class TooLargeException extends Exception {
        TooLargeException() {
            super(null, null, false, false);
        }
    }

    /**
     * @param declaredLength the Content-Length, or a negative number when none was sent (chunked)
     */
    static byte[] read(InputStream in, long declaredLength, int cap) throws IOException, TooLargeException {
        if (declaredLength > cap) {
            throw new TooLargeException();
        }
        if (declaredLength >= 0) {
            // Jetty ends the stream at Content-Length, so this reads exactly the body.
            return in.readNBytes((int) declaredLength);
        }
        byte[] body = in.readNBytes(cap + 1);
        if (body.length > cap) {
            throw new TooLargeException();
        }
        return body;
    }
}
