package dev.faultline.bench;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * An App Center time as the Android SDK writes it, {@code yyyy-MM-ddTHH:mm:ss.SSSZ}: the wall clock at the send,
 * minus up to five minutes that vary with the send number, minus {@code leadMillis}. Always recent, because the
 * server drops logs older than 25 days, and never in the future. Thread-safe.
 *
 * @param leadMillis how much earlier than the log's {@code timestamp} this time is ({@code appLaunchTimestamp}
 *     precedes the crash); 0 for the timestamp itself
 */
record LogTime(long leadMillis) implements SplicedGzip.Value {

    static final long SPREAD_MILLIS = 5 * 60_000;

    @Override
    public int length() {
        return 24;
    }

    @Override
    public void write(byte[] buffer, int at, long sequence) {
        long millis = System.currentTimeMillis() - Math.floorMod(sequence, SPREAD_MILLIS) - leadMillis;
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC);
        DateTimeStamp.digits(buffer, at, time.getYear(), 4);
        buffer[at + 4] = '-';
        DateTimeStamp.digits(buffer, at + 5, time.getMonthValue(), 2);
        buffer[at + 7] = '-';
        DateTimeStamp.digits(buffer, at + 8, time.getDayOfMonth(), 2);
        buffer[at + 10] = 'T';
        DateTimeStamp.digits(buffer, at + 11, time.getHour(), 2);
        buffer[at + 13] = ':';
        DateTimeStamp.digits(buffer, at + 14, time.getMinute(), 2);
        buffer[at + 16] = ':';
        DateTimeStamp.digits(buffer, at + 17, time.getSecond(), 2);
        buffer[at + 19] = '.';
        DateTimeStamp.digits(buffer, at + 20, (int) Math.floorMod(millis, 1000), 3);
        buffer[at + 23] = 'Z';
    }
}
