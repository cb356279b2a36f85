package dev.faultline.bench;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A 19-character {@code yyyy-MM-ddTHH:mm:ss} value at {@code offset} in a body. Send number {@code n} writes the
 * original time minus {@code n} seconds (modulo 30 days) in place: same length, so the prepared
 * {@code Content-Length} stays right, and never later than what the SDK sent, so no server rejects it as from the
 * future. Fraction digits and zone suffixes after the 19 characters are left as they were.
 */
record DateTimeStamp(int offset, long baseEpochSecond) implements Stamp {

    static final int LENGTH = 19;
    private static final long DISTINCT_SECONDS = 30L * 24 * 3600;

    @Override
    public void write(byte[] buffer, int bodyStart, long sequence) {
        long epochSecond = baseEpochSecond - Math.floorMod(sequence, DISTINCT_SECONDS);
        LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        int at = bodyStart + offset;
        digits(buffer, at, time.getYear(), 4);
        digits(buffer, at + 5, time.getMonthValue(), 2);
        digits(buffer, at + 8, time.getDayOfMonth(), 2);
        digits(buffer, at + 11, time.getHour(), 2);
        digits(buffer, at + 14, time.getMinute(), 2);
        digits(buffer, at + 17, time.getSecond(), 2);
    }

    /** Writes {@code value} as {@code width} decimal digits, zero-padded, at {@code at}. */
    static void digits(byte[] buffer, int at, int value, int width) {
        for (int index = at + width - 1; index >= at; index--) {
            buffer[index] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
