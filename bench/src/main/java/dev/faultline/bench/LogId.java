package dev.faultline.bench;

import java.nio.charset.StandardCharsets;

/**
 * An App Center log {@code id}: a version 4 UUID as the SDKs send, different for every send number. The bits come
 * from a bijective mix of the number (the SplitMix64 finalizer), so ids look random, as real ones do in the
 * server's index, yet never repeat within a run; the four bits the version overwrites are kept in the low half.
 * Thread-safe.
 */
final class LogId implements SplicedGzip.Value {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Override
    public int length() {
        return 36;
    }

    @Override
    public void write(byte[] buffer, int at, long sequence) {
        long mixed = mix(sequence);
        long high = (mixed & ~0xF000L) | 0x4000L; // version 4
        long low = (mix(~sequence) & 0x3FFF_FFFF_FFFF_FFF0L) | 0x8000_0000_0000_0000L | ((mixed >>> 12) & 0xF);
        hex(buffer, at, high >>> 32, 8);
        buffer[at + 8] = '-';
        hex(buffer, at + 9, high >>> 16, 4);
        buffer[at + 13] = '-';
        hex(buffer, at + 14, high, 4);
        buffer[at + 18] = '-';
        hex(buffer, at + 19, low >>> 48, 4);
        buffer[at + 23] = '-';
        hex(buffer, at + 24, low, 12);
    }

    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The low {@code digits} hex digits of {@code value}. */
    private static void hex(byte[] buffer, int at, long value, int digits) {
        for (int index = at + digits - 1; index >= at; index--) {
            buffer[index] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
