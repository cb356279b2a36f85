package dev.faultline.core.grouping;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.faultline.core.model.ErrorInfo;
import dev.faultline.core.model.Frame;
import dev.faultline.core.model.Report;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Grouping algorithm {@code v1}. Stateless and thread-safe.
 *
 * <p>The basis is chosen in this order:
 *
 * <ol>
 *   <li>{@code key:<groupingKey>} when the client sent a grouping key of 1 to 100 characters that
 *       is not blank;
 *   <li>{@code stack}: the outermost error's type and the keys of its top {@value #MAX_FRAMES}
 *       usable frames (see {@link FrameKeys}), never line or column numbers;
 *   <li>{@code message}: the type and the first line of the message with variable parts masked
 *       (see {@link MessageMask}), when no frame is usable.
 * </ol>
 *
 * <p>The basis lists one input per line, for example {@code stack}, {@code type:Error}, {@code
 * frame:demo.Send.main}. The hash is the first 32 hex digits of the SHA-256 of the basis.
 *
 * <p>Inner errors do not take part: wrapper exceptions that matter are the SDK's job to unwrap
 * (raygun4net's {@code AddWrapperExceptions}), and an inner error's stack usually repeats the
 * outer one.
 */
public final class FingerprinterV1 implements Fingerprinter {
    static final int MAX_FRAMES = 5;
    static final int MAX_KEY_LENGTH = 100;
    private static final HexFormat HEX = HexFormat.of();

    /**
     * Cloned per hash: {@code MessageDigest.getInstance} walks the provider list on every call,
     * which showed in ingest profiles; a clone of a fresh digest is a plain copy.
     */
    private static final MessageDigest SHA_256 = sha256();

    @Override
    public String algorithm() {
        return "v1";
    }

    @Override
    public Fingerprint fingerprint(Report report) {
        requireNonNull(report, "report");
        String basis = basis(report);
        return new Fingerprint(algorithm(), hash(basis), basis);
    }

    static String basis(Report report) {
        String key = report.groupingKey();
        if (isUsableKey(key)) {
            return "key:" + key;
        }
        ErrorInfo error = report.error();
        String type = "type:" + FrameKeys.limit(FrameKeys.className(FrameKeys.oneLine(error.type())));
        StringBuilder frames = new StringBuilder();
        int used = 0;
        for (Frame frame : error.frames()) {
            String line = FrameKeys.basisLine(frame);
            if (line != null) {
                frames.append('\n').append(line);
                if (++used == MAX_FRAMES) {
                    break;
                }
            }
        }
        if (used > 0) {
            return "stack\n" + type + frames;
        }
        return "message\n" + type + "\nmessage:" + MessageMask.firstLine(error.message());
    }

    /** A key counts in characters (code points), so that an emoji is one character, not two. */
    static boolean isUsableKey(String key) {
        if (key == null || key.isBlank()) {
            return false;
        }
        return key.codePointCount(0, key.length()) <= MAX_KEY_LENGTH;
    }

    static String hash(String basis) {
        byte[] digest = newDigest().digest(basis.getBytes(UTF_8));
        return HEX.formatHex(digest, 0, 16);
    }

    private static MessageDigest newDigest() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
