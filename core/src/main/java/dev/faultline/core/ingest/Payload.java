package dev.faultline.core.ingest;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The original body an SDK sent for one report, kept deflate-compressed beside the normalized
 * fields so that the dashboard can show what was sent and grouping can be re-run. Immutable.
 */
public final class Payload {
    private final byte[] compressed;
    private final int size;

    private Payload(byte[] compressed, int size) {
        this.compressed = compressed;
        this.size = size;
    }

    /** Compresses {@code raw}; the fastest deflate level, since this runs on the ingest path. */
    public static Payload compress(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            return new Payload(out.toByteArray(), raw.length);
        } finally {
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
