package dev.faultline.core.ingest;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The original body an SDK sent for one report, kept deflate-compressed beside the normalized
 * fields so that the dashboard can show what was sent and grouping can be re-run. Immutable.
 */
public final class Payload {
    private static final BlockingQueue<Deflater> DEFLATERS = new ArrayBlockingQueue<>(64);

    private final byte[] compressed;
    private final int size;

    private Payload(byte[] compressed, int size) {
        this.compressed = compressed;
        this.size = size;
    }

    /** Compresses {@code raw}; the fastest deflate level, since this runs on the ingest path. */
    public static Payload compress(byte[] raw) {
        Deflater deflater = DEFLATERS.poll();
        if (deflater == null) {
            deflater = new Deflater(Deflater.BEST_SPEED);
        }
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] out = new byte[raw.length / 2 + 64];
            int length = 0;
            while (!deflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                length += deflater.deflate(out, length, out.length - length);
            }
            return new Payload(Arrays.copyOf(out, length), raw.length);
        } finally {
            release(deflater);
        }
    }

    /**
     * A payload from deflate data that is already at hand, so that nothing is compressed again: the
     * raw deflate stream of a gzip body (RFC 1952) and what it inflates to. The stream is wrapped as
     * zlib (RFC 1950), the form {@link #decompress} reads, by adding a header and the Adler-32 of the
     * inflated bytes.
     *
     * @param deflate holds the raw deflate stream at {@code offset}, {@code length} bytes long
     * @param inflated what the stream inflates to; the caller has checked this (gzip's CRC-32)
     */
    public static Payload ofRawDeflate(byte[] deflate, int offset, int length, byte[] inflated) {
        byte[] zlib = new byte[2 + length + 4];
        zlib[0] = 0x78; // deflate, 32 KB window
        zlib[1] = 0x01; // no dictionary, "fastest" level (informative only); 0x7801 % 31 == 0
        System.arraycopy(deflate, offset, zlib, 2, length);
        Adler32 adler = new Adler32();
        adler.update(inflated);
        int checksum = (int) adler.getValue();
        zlib[zlib.length - 4] = (byte) (checksum >>> 24);
        zlib[zlib.length - 3] = (byte) (checksum >>> 16);
        zlib[zlib.length - 2] = (byte) (checksum >>> 8);
        zlib[zlib.length - 1] = (byte) checksum;
        return new Payload(zlib, inflated.length);
    }

    /**
     * Keeps a few deflaters for reuse: creating one costs far more than compressing a report with
     * it (zlib allocates and clears its window and hash tables on every init).
     */
    private static void release(Deflater deflater) {
        deflater.reset();
        if (!DEFLATERS.offer(deflater)) {
            deflater.end();
        }
    }

    /** Wraps bytes that {@link #compressed()} returned earlier, as read back from storage. */
    public static Payload ofCompressed(byte[] compressed, int size) {
        return new Payload(compressed.clone(), size);
    }

    public byte[] compressed() {
        return compressed.clone();
    }

    /** The size of the original, uncompressed body in bytes. */
    public int size() {
        return size;
    }

    public byte[] decompress() {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            byte[] out = new byte[size];
            int offset = 0;
            while (offset < size && !inflater.finished()) {
                offset += inflater.inflate(out, offset, size - offset);
                if (offset < size && inflater.needsInput()) {
                    throw new IllegalStateException("payload is truncated");
                }
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalStateException("payload is corrupt", e);
        } finally {
            inflater.end();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Payload that && size == that.size && Arrays.equals(compressed, that.compressed);
    }

    @Override
    public int hashCode() {
        return 31 * size + Arrays.hashCode(compressed);
    }

    @Override
    public String toString() {
        return "Payload[" + size + " bytes, " + compressed.length + " compressed]";
    }
}
