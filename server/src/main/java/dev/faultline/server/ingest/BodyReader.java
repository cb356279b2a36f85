package dev.faultline.server.ingest;

import dev.faultline.core.ingest.Payload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/** Reads a request body up to a cap, so that an oversized body costs at most the cap. */
final class BodyReader {
    private static final int GZIP_BUFFER = 8192;
    private static final int GZIP_TRAILER = 8;

    /** Inflaters for reuse: zlib allocates its state on every init, which costs more than a small body. */
    private static final BlockingQueue<Inflater> INFLATERS = new ArrayBlockingQueue<>(64);

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
     * A gzip body and what it inflates to. When the body is one gzip member (as every SDK sends),
     * its deflate stream can be stored as the payload as it is, with no compressing again.
     */
    record Gunzipped(byte[] inflated, byte[] gzip, int deflateOffset, int deflateLength) {

        /** The body as a stored payload, reusing the client's compression when it can. */
        Payload payload() {
            return gzip == null
                    ? Payload.compress(inflated)
                    : Payload.ofRawDeflate(gzip, deflateOffset, deflateLength, inflated);
        }
    }

    /**
     * Inflates a gzip body (RFC 1952), stopping as soon as it would pass the cap: a zip bomb costs at
     * most the cap in memory and the time to inflate it. The CRC-32 and length in the trailer are
     * checked. A body of several gzip members (legal, never sent by SDKs) is inflated whole and
     * keeps no reusable deflate stream.
     */
    static Gunzipped gunzip(byte[] body, int cap) throws TooLargeException, NotGzipException {
        int start = gzipHeaderLength(body);
        Inflater inflater = INFLATERS.poll();
        if (inflater == null) {
            inflater = new Inflater(true);
        }
        try {
            inflater.setInput(body, start, body.length - start);
            byte[] out = new byte[(int) Math.min(cap + 1L, Math.max(1024L, body.length * 4L))];
            int length = 0;
            while (!inflater.finished()) {
                if (length == out.length) {
                    if (length > cap) {
                        throw new TooLargeException();
                    }
                    out = Arrays.copyOf(out, (int) Math.min(cap + 1L, out.length * 2L));
                }
                int inflated = inflater.inflate(out, length, out.length - length);
                if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new NotGzipException("body is not valid gzip: it ends before its data does");
                }
                length += inflated;
            }
            if (length > cap) {
                throw new TooLargeException();
            }
            int trailer = body.length - inflater.getRemaining();
            if (inflater.getRemaining() < GZIP_TRAILER) {
                throw new NotGzipException("body is not valid gzip: its trailer is missing");
            }
            byte[] inflatedBody = Arrays.copyOf(out, length);
            CRC32 crc = new CRC32();
            crc.update(inflatedBody);
            if (littleEndianInt(body, trailer) != (int) crc.getValue()
                    || littleEndianInt(body, trailer + 4) != length) {
                throw new NotGzipException("body is not valid gzip: its checksum does not match");
            }
            if (inflater.getRemaining() > GZIP_TRAILER) {
                return new Gunzipped(gunzipMembers(body, cap), null, 0, 0);
            }
            return new Gunzipped(inflatedBody, body, start, trailer - start);
        } catch (DataFormatException e) {
            throw new NotGzipException("body is not valid gzip: " + e.getMessage());
        } finally {
            inflater.reset();
            if (!INFLATERS.offer(inflater)) {
                inflater.end();
            }
        }
    }

    /** The length of a gzip member's header, with its optional fields (RFC 1952, 2.3). */
    private static int gzipHeaderLength(byte[] body) throws NotGzipException {
        if (body.length < 18 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b || body[2] != 8) {
            throw new NotGzipException("body is not valid gzip: it does not start with a gzip header");
        }
        int flags = body[3] & 0xff;
        int position = 10;
        if ((flags & 0x04) != 0) { // FEXTRA
            position += 2 + ((body[position] & 0xff) | (body[position + 1] & 0xff) << 8);
        }
        for (int flag : new int[] {0x08, 0x10}) { // FNAME, FCOMMENT: zero-terminated
            if ((flags & flag) != 0) {
                while (position < body.length && body[position] != 0) {
                    position++;
                }
                position++;
            }
        }
        if ((flags & 0x02) != 0) { // FHCRC
            position += 2;
        }
        if (position + GZIP_TRAILER > body.length) {
            throw new NotGzipException("body is not valid gzip: its header is truncated");
        }
        return position;
    }

    private static int littleEndianInt(byte[] bytes, int at) {
        return (bytes[at] & 0xff)
                | (bytes[at + 1] & 0xff) << 8
                | (bytes[at + 2] & 0xff) << 16
                | (bytes[at + 3] & 0xff) << 24;
    }

    private static byte[] gunzipMembers(byte[] body, int cap) throws TooLargeException, NotGzipException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), GZIP_BUFFER)) {
            byte[] inflated = in.readNBytes(cap + 1);
            if (inflated.length > cap) {
                throw new TooLargeException();
            }
            return inflated;
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
