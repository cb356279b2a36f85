package dev.faultline.storage.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque, URL-safe page cursors: a kind (so that a cursor of one listing is refused by another)
 * and the sort key of the last item shown, numbers or one text. Thread-safe.
 */
public final class Cursors {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursors() {}

    public static String encode(String kind, long... keys) {
        StringBuilder text = new StringBuilder(kind);
        for (long key : keys) {
            text.append(':').append(key);
        }
        return ENCODER.encodeToString(text.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The keys of a cursor made by {@link #encode} with the same kind and number of keys.
     *
     * @throws IllegalArgumentException "invalid cursor" for anything else
     */
    public static long[] decode(String cursor, String kind, int keyCount) {
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.US_ASCII).split(":", -1);
            if (parts.length != keyCount + 1 || !parts[0].equals(kind)) {
                throw invalid(null);
            }
            long[] keys = new long[keyCount];
            for (int i = 0; i < keyCount; i++) {
                keys[i] = Long.parseLong(parts[i + 1]);
            }
            return keys;
        } catch (IllegalArgumentException e) { // bad base64 or a bad number
            throw invalid(e);
        }
    }

    /** A cursor whose key is one text (any characters; it is encoded, not parsed). */
    public static String encodeText(String kind, String key) {
        return ENCODER.encodeToString((kind + ':' + key).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The key of a cursor made by {@link #encodeText} with the same kind.
     *
     * @throws IllegalArgumentException "invalid cursor" for anything else
     */
    public static String decodeText(String cursor, String kind) {
        String text;
        try {
            text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) { // bad base64
            throw invalid(e);
        }
        if (!text.startsWith(kind + ':')) {
            throw invalid(null);
        }
        return text.substring(kind.length() + 1);
    }

    private static IllegalArgumentException invalid(Throwable cause) {
        return new IllegalArgumentException("invalid cursor", cause);
    }
}
