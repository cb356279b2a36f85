package dev.faultline.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The wall clock moved ahead by a shift the test sets. Thread-safe. */
final class MovableClock extends Clock {
    private volatile Duration shift = Duration.ZERO;

    /** From now on, the time is the wall clock's plus {@code shift}. */
    void shift(Duration shift) {
        this.shift = shift;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
