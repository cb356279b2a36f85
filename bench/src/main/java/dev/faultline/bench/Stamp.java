package dev.faultline.bench;

/**
 * Rewrites part of a prepared request body in place before each send, so that no two requests are the same
 * report. It never changes the body's length, so the prepared {@code Content-Length} stays right. Implementations
 * are immutable and write only into the buffer they are given, so one stamp serves every connection.
 */
interface Stamp {

    /** Writes the values for send number {@code sequence} into {@code buffer}, whose body starts at {@code bodyStart}. */
    void write(byte[] buffer, int bodyStart, long sequence);
}
