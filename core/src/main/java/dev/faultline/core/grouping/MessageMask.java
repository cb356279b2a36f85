package dev.faultline.core.grouping;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Masks the variable parts of error messages and raw frames, so that {@code user 42 not found} and
 * {@code user 7 not found} group together. Stateless and thread-safe.
 *
 * <p>Masked, in this order of precedence: quoted values ({@code '…'}, {@code "…"}, {@code “…”},
 * {@code `…`}) as {@code <str>}; GUIDs as {@code <guid>}; {@code 0x…} and runs of 8 or more hex
 * digits holding both a digit and a letter as {@code <hex>}; numbers (with their decimals) as
 * {@code <num>}. A number glued to the end of a word ({@code utf8}, {@code step2}) is part of the
 * word and kept; one glued to a unit ({@code 12ms}) is masked. An apostrophe inside a word ({@code
 * can't}) does not open a quote.
 */
final class MessageMask {
    static final int MAX_LENGTH = 500;

    /** Longer first lines are cut before masking, so a huge message costs no more than this. */
    private static final int MAX_SCANNED = 2_000;

    private static final String NOT_AFTER_WORD = "(?<![\\p{L}\\p{N}_])";
    private static final String HEX_RUN =
            NOT_AFTER_WORD + "(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}(?![\\p{L}\\p{N}_])";
    private static final Pattern TOKENS = Pattern.compile("(?<str>\"[^\"\\r\\n]*\"|“[^”\\r\\n]*”|`[^`\\r\\n]*`|"
            + NOT_AFTER_WORD + "'[^'\\r\\n]*')"
            + "|(?<guid>\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?)"
            + "|(?<hex>" + NOT_AFTER_WORD + "0[xX][0-9a-fA-F]+|" + HEX_RUN + ")"
            + "|(?<num>" + NOT_AFTER_WORD + "\\d+(?:[.,]\\d+)*)");

    /** In file names only hash-like runs are masked: a run of digits alone stays (a version folder, say). */
    private static final Pattern FILE_HASH = Pattern.compile(HEX_RUN);

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private MessageMask() {}

    /** The first line of {@code message}, trimmed, masked and cut to {@value #MAX_LENGTH} characters. */
    static String firstLine(String message) {
        int end = message.length();
        for (int i = 0; i < end; i++) {
            char c = message.charAt(i);
            if (c == '\n' || c == '\r') {
                end = i;
                break;
            }
        }
        String line = message.substring(0, end).strip();
        return cut(mask(cut(line, MAX_SCANNED)), MAX_LENGTH);
    }

    /** A raw frame masked, with whitespace runs collapsed (apple aligns its columns with spaces). */
    static String raw(String raw) {
        String text = WHITESPACE.matcher(raw.strip()).replaceAll(" ");
        return cut(mask(cut(text, MAX_SCANNED)), MAX_LENGTH);
    }

    static String mask(String text) {
        return mayHaveToken(text) ? TOKENS.matcher(text).replaceAll(MessageMask::replacement) : text;
    }

    static String maskHexRuns(String text) {
        return hasHexRun(text) ? FILE_HASH.matcher(text).replaceAll("<hex>") : text;
    }

    /**
     * Whether {@link #TOKENS} can match: every token holds an ASCII digit, a quote or (a GUID) a
     * hyphen. Most messages hold none, and the regex scan is the costly part of a fingerprint.
     */
    private static boolean mayHaveToken(String text) {
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            if ((c >= '0' && c <= '9') || c == '"' || c == '\'' || c == '`' || c == '“' || c == '-') {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} holds 8 hex digits in a row, which {@link #FILE_HASH} needs to match. */
    private static boolean hasHexRun(String text) {
        int run = 0;
        for (int index = 0; index < text.length(); index++) {
            run = Character.digit(text.charAt(index), 16) >= 0 && text.charAt(index) < 0x80 ? run + 1 : 0;
            if (run == 8) {
                return true;
            }
        }
        return false;
    }

    private static String replacement(MatchResult match) {
        if (match.start("str") >= 0) {
            return "<str>";
        }
        if (match.start("guid") >= 0) {
            return "<guid>";
        }
        if (match.start("hex") >= 0) {
            return "<hex>";
        }
        return "<num>";
    }

    /** Cuts {@code text} to {@code max} characters without splitting a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
