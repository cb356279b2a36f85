package dev.faultline.bench;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip body in which some values can be rewritten in place on every send. The JSON is cut at each value: the
 * text between values is deflated once, each piece by its own {@link Deflater} ended with a sync flush, and each
 * value sits in a stored (uncompressed) deflate block. Writing a value changes neither the body's length nor any
 * compressed byte, only the block's bytes and the CRC-32 in the gzip trailer, which is recomputed over the whole
 * uncompressed text. Any inflater reads the result: concatenated deflate blocks are what {@code pigz} writes too.
 *
 * <p>The road not taken: deflating every request afresh costs the load generator a multiple of what sending it
 * costs, and a pool of ready bodies needs one body per request of the run (RATIONALE.md has the numbers).
 * Immutable and thread-safe: {@link #write} touches only the buffer it is given.
 */
final class SplicedGzip implements Stamp {

    /** A value of fixed length, written into the body for send number {@code sequence}. */
    interface Value {

        int length();

        void write(byte[] buffer, int at, long sequence);
    }

    /** Where a value goes: the text it replaces, which occurs exactly once in the JSON and is as long as the value. */
    record Slot(String placeholder, Value value) {

        Slot {
            requireNonNull(placeholder, "placeholder");
            requireNonNull(value, "value");
            if (placeholder.length() != value.length()) {
                throw new IllegalArgumentException(
                        "placeholder " + placeholder + " is not " + value.length() + " long");
            }
            if (placeholder.isEmpty() || placeholder.length() > 0xffff) {
                throw new IllegalArgumentException("a stored block holds 1 to 65535 bytes: " + placeholder.length());
            }
        }
    }

    /** A run of the JSON: text deflated once ({@code value} null), or a value in a stored block at {@code bodyOffset}. */
    private record Part(int from, int length, Value value, int bodyOffset) {}

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final byte[] json;
    private final byte[] body;
    private final List<Part> parts;
    private final int crcOffset;

    private SplicedGzip(byte[] json, byte[] body, List<Part> parts, int crcOffset) {
        this.json = json;
        this.body = body;
        this.parts = List.copyOf(parts);
        this.crcOffset = crcOffset;
    }

    /** Gzips {@code json} (ASCII at the placeholders) with every slot's placeholder in a stored block of its own. */
    static SplicedGzip of(byte[] json, List<Slot> slots) {
        // ISO-8859-1 maps byte i to char i, so indexes are byte offsets even in UTF-8 text.
        String text = new String(json, StandardCharsets.ISO_8859_1);
        List<Part> cuts = new ArrayList<>();
        for (Slot slot : slots) {
            int at = text.indexOf(slot.placeholder());
            if (at < 0 || text.indexOf(slot.placeholder(), at + 1) >= 0) {
                throw new IllegalArgumentException("placeholder " + slot.placeholder() + " must occur exactly once");
            }
            cuts.add(new Part(at, slot.placeholder().length(), slot.value(), -1));
        }
        cuts.sort(Comparator.comparingInt(Part::from));

        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length);
        out.writeBytes(HEADER);
        List<Part> parts = new ArrayList<>();
        int position = 0;
        for (Part cut : cuts) {
            if (cut.from() < position) {
                throw new IllegalArgumentException("placeholders overlap at byte " + cut.from());
            }
            if (cut.from() > position) {
                deflate(json, position, cut.from() - position, false, out);
                parts.add(new Part(position, cut.from() - position, null, -1));
            }
            boolean last = cut.from() + cut.length() == json.length;
            out.write(last ? 1 : 0); // BFINAL, BTYPE 00 (stored); the previous block ended on a byte boundary
            writeShort(out, cut.length());
            writeShort(out, ~cut.length());
            parts.add(new Part(cut.from(), cut.length(), cut.value(), out.size()));
            out.write(json, cut.from(), cut.length());
            position = cut.from() + cut.length();
        }
        if (position < json.length || cuts.isEmpty()) {
            deflate(json, position, json.length - position, true, out);
            parts.add(new Part(position, json.length - position, null, -1));
        }
        CRC32 crc = new CRC32();
        crc.update(json);
        int crcOffset = out.size();
        writeInt(out, (int) crc.getValue());
        writeInt(out, json.length); // ISIZE
        return new SplicedGzip(json.clone(), out.toByteArray(), parts, crcOffset);
    }

    /** The gzip body as built, with the placeholders in place; a copy. */
    byte[] body() {
        return body.clone();
    }

    /** The length of the JSON the body inflates to. */
    int jsonLength() {
        return json.length;
    }

    @Override
    public void write(byte[] buffer, int bodyStart, long sequence) {
        CRC32 crc = new CRC32();
        for (Part part : parts) {
            if (part.value() == null) {
                crc.update(json, part.from(), part.length());
            } else {
                int at = bodyStart + part.bodyOffset();
                part.value().write(buffer, at, sequence);
                crc.update(buffer, at, part.length());
            }
        }
        int value = (int) crc.getValue();
        int at = bodyStart + crcOffset;
        for (int index = 0; index < 4; index++) {
            buffer[at + index] = (byte) (value >>> (8 * index));
        }
    }

    /** Deflates a run at the default level, as {@code GZIPOutputStream} does; all but the last end on a byte boundary. */
    private static void deflate(byte[] json, int from, int length, boolean last, ByteArrayOutputStream out) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(json, from, length);
            byte[] chunk = new byte[8192];
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    out.write(chunk, 0, deflater.deflate(chunk));
                }
            } else {
                int written;
                do {
                    written = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
                    out.write(chunk, 0, written);
                } while (written == chunk.length);
            }
        } finally {
            deflater.end();
        }
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value & 0xff);
        out.write((value >>> 8) & 0xff);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        writeShort(out, value);
        writeShort(out, value >>> 16);
    }
}
