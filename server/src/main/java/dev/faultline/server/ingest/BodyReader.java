package dev.faultline.server.ingest;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads a request body up to a cap, so that an oversized body costs at most the cap. */
final class BodyReader {
    private static final int GZIP_BUFFER = 8192;

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

    /** Thrown when a body declared as gzip is not gzip. */
    static final class NotGzipException extends Exception {
        NotGzipException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Inflates a gzip body, stopping as soon as it would pass the cap: a zip bomb costs at most the
     * cap in memory and the time to inflate it.
     */
    static byte[] gunzip(byte[] body, int cap) throws TooLargeException, NotGzipException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), GZIP_BUFFER)) {
            byte[] inflated = in.readNBytes(cap + 1);
            if (inflated.length > cap) {
                throw new TooLargeException();
            }
            return inflated;
        } catch (ZipException | EOFException e) {
            throw new NotGzipException("body is not valid gzip: " + e.getMessage());
        } catch (IOException e) {
            throw new NotGzipException("body is not valid gzip: " + e.getMessage());
        }
    }

    /** Whether a {@code Content-Encoding} header says gzip ({@code x-gzip} is its old name). */
    static boolean isGzip(String contentEncoding) {
        if (contentEncoding == null) {
            return false;
        }
        String encoding = contentEncoding.strip();
        return encoding.equalsIgnoreCase("gzip") || encoding.equalsIgnoreCase("x-gzip");
    }
}
