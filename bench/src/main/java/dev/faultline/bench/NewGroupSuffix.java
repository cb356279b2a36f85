package dev.faultline.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Room after an error's type for {@code --new-group-percent}: that share of the sends (spread evenly over the send
 * numbers) writes {@code -new-} and the send number there, a type no report had before, so the server makes a new
 * group and notifies; every other send writes spaces, which grouping strips, so those reports stay in the
 * fixture's groups. The room is always there, so the body's length never changes. Immutable and thread-safe.
 *
 * <p>The road not taken: a Raygun {@code groupingKey} would not need the spaces, but App Center has no such field,
 * and one mechanism for both scenarios keeps their numbers comparable.
 */
record NewGroupSuffix(int percent) implements SplicedGzip.Value {

    static final int LENGTH = 15;
    private static final byte[] MARKER = "-new-".getBytes(StandardCharsets.US_ASCII);
    private static final long DISTINCT = 10_000_000_000L; // ten digits after the marker
    private static final JsonFactory JSON = new JsonFactory();

    NewGroupSuffix {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("new group percent must be 0..100: " + percent);
        }
    }

    /** The suffix at {@code offset} in a body, as a stamp. */
    record At(int offset, NewGroupSuffix suffix) implements Stamp {

        @Override
        public void write(byte[] buffer, int bodyStart, long sequence) {
            suffix.write(buffer, bodyStart + offset, sequence);
        }
    }

    /** Whether send number {@code sequence} makes a new group: {@code percent} of every 100 numbers, evenly spread. */
    boolean isNew(long sequence) {
        long cycle = Math.floorMod(sequence, 100L);
        return (cycle + 1) * percent / 100 > cycle * percent / 100;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public void write(byte[] buffer, int at, long sequence) {
        if (!isNew(sequence)) {
            Arrays.fill(buffer, at, at + LENGTH, (byte) ' ');
            return;
        }
        System.arraycopy(MARKER, 0, buffer, at, MARKER.length);
        long number = Math.floorMod(sequence, DISTINCT);
        for (int index = at + LENGTH - 1; index >= at + MARKER.length; index--) {
            buffer[index] = (byte) ('0' + number % 10);
            number /= 10;
        }
    }

    /**
     * A Raygun body (one entry or a bulk array) with {@link #LENGTH} spaces of room at the end of every entry's
     * {@code details.error.className}, and where each room starts. The JSON is otherwise byte for byte the same.
     */
    static Room withRoom(byte[] body) {
        List<Integer> ends = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING && isErrorClassName(parser.getParsingContext())) {
                    int quote = (int) parser.currentTokenLocation().getByteOffset();
                    ends.add(closingQuote(body, quote));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("fixture is not JSON", e);
        }
        byte[] spaced = new byte[body.length + ends.size() * LENGTH];
        List<Integer> offsets = new ArrayList<>();
        int from = 0;
        int to = 0;
        for (int end : ends) {
            System.arraycopy(body, from, spaced, to, end - from);
            to += end - from;
            offsets.add(to);
            Arrays.fill(spaced, to, to + LENGTH, (byte) ' ');
            to += LENGTH;
            from = end;
        }
        System.arraycopy(body, from, spaced, to, body.length - from);
        return new Room(spaced, List.copyOf(offsets));
    }

    /** A body with room, and the offsets of its rooms. */
    record Room(byte[] body, List<Integer> offsets) {}

    private static boolean isErrorClassName(JsonStreamContext context) {
        JsonStreamContext error = context;
        JsonStreamContext details = error.getParent();
        return "className".equals(error.getCurrentName())
                && details != null
                && "error".equals(details.getCurrentName())
                && details.getParent() != null
                && "details".equals(details.getParent().getCurrentName());
    }

    /** The offset of the quote that ends the string starting at {@code quote}. */
    private static int closingQuote(byte[] body, int quote) {
        for (int index = quote + 1; index < body.length; index++) {
            if (body[index] == '\\') {
                index++;
            } else if (body[index] == '"') {
                return index;
            }
        }
        throw new IllegalArgumentException("unterminated string at " + quote);
    }
}
