package dev.faultline.protocols.appcenter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The binary images of an Apple crash ({@code binaries}), to tell which image holds a frame's
 * address and at what offset from the image's start. The offset is the same for the same code on
 * every device; the address is not (images load at random addresses). Immutable after building.
 */
final class Binaries {
    static final Binaries NONE = new Binaries(new TreeMap<>());

    /** App Center's {@code code} of a native frame: {@code 0x10445c000 + 30852}, image start plus offset. */
    private static final Pattern CODE = Pattern.compile("\\s*(0[xX][0-9a-fA-F]{1,16})\\s*\\+\\s*(\\d{1,19})\\s*");

    private final TreeMap<Long, Image> byStart;

    private Binaries(TreeMap<Long, Image> byStart) {
        this.byStart = byStart;
    }

    /** Where a frame's code lies. */
    record Location(String image, long offset) {}

    private record Image(String name, long start, long end) {}

    static Binaries of(JsonNode binaries) {
        if (binaries == null || !binaries.isArray() || binaries.isEmpty()) {
            return NONE;
        }
        TreeMap<Long, Image> byStart = new TreeMap<>(Long::compareUnsigned);
        for (JsonNode binary : binaries) {
            if (!binary.isObject()) {
                continue;
            }
            Long start = hex(LogMapper.text(binary.get("startAddress")));
            Long end = hex(LogMapper.text(binary.get("endAddress")));
            String name = LogMapper.text(binary.get("name"));
            if (name == null) {
                name = fileName(LogMapper.text(binary.get("path")));
            }
            if (start != null && name != null) {
                byStart.put(start, new Image(name, start, end == null ? start : end));
            }
        }
        return new Binaries(byStart);
    }

    /**
     * The image and offset of a frame: the image whose range holds the address; else, from the
     * frame's {@code code}, the image that starts where the code says; null when neither is known.
     */
    Location locate(String address, String code) {
        if (byStart.isEmpty()) {
            return null;
        }
        Long value = hex(address);
        if (value != null) {
            Map.Entry<Long, Image> entry = byStart.floorEntry(value);
            if (entry != null && Long.compareUnsigned(value, entry.getValue().end()) <= 0) {
                return new Location(entry.getValue().name(), value - entry.getKey());
            }
        }
        if (code != null) {
            Matcher matcher = CODE.matcher(code);
            if (matcher.matches()) {
                Long start = hex(matcher.group(1));
                Image image = start == null ? null : byStart.get(start);
                if (image != null) {
                    try {
                        return new Location(image.name(), Long.parseLong(matcher.group(2)));
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    /** {@code 0x0000000104388000} (the prefix optional) as an unsigned 64-bit value; null when not hex. */
    static Long hex(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.strip();
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        if (digits.isEmpty() || digits.length() > 16) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(digits, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String fileName(String path) {
        if (path == null) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        String name = slash < 0 ? path : path.substring(slash + 1);
        return name.isBlank() ? null : name;
    }
}
