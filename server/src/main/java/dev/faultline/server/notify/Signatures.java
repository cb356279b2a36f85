package dev.faultline.server.notify;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery, in {@code X-Faultline-Signature: t=<unix seconds>,v1=<hex>}: an
 * HMAC-SHA256, keyed with the webhook's secret, of the timestamp, a dot and the body's bytes. The
 * timestamp is signed too, so that a receiver can refuse old deliveries replayed. Thread-safe.
 */
public final class Signatures {
    public static final String HEADER = "X-Faultline-Signature";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {}

    /** A new webhook secret: 32 random bytes in hex, with a prefix that says what it is. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    /** The header's value for {@code body} sent at {@code unixSeconds}. */
    public static String header(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, unixSeconds, body));
    }

    /**
     * Whether {@code header} signs {@code body} with {@code secret} and its timestamp lies within
     * {@code toleranceSeconds} of {@code nowSeconds}. Compares in constant time.
     */
    public static boolean verify(String secret, String header, byte[] body, long nowSeconds, long toleranceSeconds) {
        if (header == null) {
            return false;
        }
        Long timestamp = null;
        byte[] signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            try {
                switch (pair[0]) {
                    case "t" -> timestamp = Long.parseLong(pair[1]);
                    case "v1" -> signature = HexFormat.of().parseHex(pair[1]);
                    default -> {}
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (timestamp == null || signature == null || Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        return MessageDigest.isEqual(signature, hmac(secret, timestamp, body));
    }

    private static byte[] hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
