package dev.faultline.server.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Headers for files whose names and types come from clients, and so are hostile input. */
public final class Downloads {
    private static final int MAX_HEADER_VALUE = 200;

    private Downloads() {}

    /**
     * {@code attachment; filename="…"; filename*=UTF-8''…}: an ASCII fallback without quotes,
     * backslashes or control characters, and the exact name percent-encoded (RFC 6266).
     */
    public static String contentDisposition(String fileName, String fallback) {
        String name = fileName == null || fileName.isBlank() ? fallback : fileName;
        String ascii = headerSafe(name).replace('"', '_').replace('\\', '_');
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** Printable ASCII only, every other character as {@code _}, cut to a sane length. */
    public static String headerSafe(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_HEADER_VALUE));
        for (int index = 0; index < value.length() && out.length() < MAX_HEADER_VALUE; index++) {
            char c = value.charAt(index);
            out.append(c >= 0x20 && c < 0x7f ? c : '_');
        }
        return out.toString();
    }
}
