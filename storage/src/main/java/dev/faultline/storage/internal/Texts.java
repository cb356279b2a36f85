package dev.faultline.storage.internal;

import dev.faultline.core.model.ErrorInfo;

/** How a report's error is shown in a group's title and in listings. Pure functions. */
public final class Texts {
    public static final int TITLE_LENGTH = 200;
    public static final int CLASS_NAME_LENGTH = 500;
    public static final int MESSAGE_LENGTH = 2000;

    private Texts() {}

    /**
     * {@code type: first line of message}, or whichever of the two is not empty, or {@code (no
     * message)}; at most {@link #TITLE_LENGTH} characters.
     */
    public static String title(ErrorInfo error) {
        String type = error.type().strip();
        String message = firstLine(error.message().strip()).strip();
        String title;
        if (type.isEmpty() && message.isEmpty()) {
            title = "(no message)";
        } else if (type.isEmpty()) {
            title = message;
        } else if (message.isEmpty()) {
            title = type;
        } else {
            title = type + ": " + message;
        }
        return cut(title, TITLE_LENGTH);
    }

    /** At most {@code max} characters of {@code text}, never splitting a surrogate pair. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private static String firstLine(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(0, end);
    }
}
