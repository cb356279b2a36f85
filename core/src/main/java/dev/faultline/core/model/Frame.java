package dev.faultline.core.model;

/**
 * One stack frame. Every field is optional: SDKs send what their platform knows.
 *
 * @param line the line number; negative values are kept as sent (Java: -1 unknown, -2 native)
 * @param address the instruction address for native frames, as sent (App Center)
 * @param raw the frame as one unparsed string when that is all the SDK sent (raygun4apple), or the
 *     SDK's own rendering of a native frame (App Center's {@code code})
 * @param image the name of the binary image (executable or library) that holds {@code address},
 *     for native frames without symbols (App Center Apple crashes)
 * @param imageOffset how far {@code address} lies from the image's start: the same for the same
 *     code on every device, whatever address the image was loaded at
 */
public record Frame(
        String className,
        String method,
        String file,
        Integer line,
        Integer column,
        String address,
        String raw,
        String image,
        Long imageOffset) {

    /** A frame without native image information. */
    public Frame(
            String className, String method, String file, Integer line, Integer column, String address, String raw) {
        this(className, method, file, line, column, address, raw, null, null);
    }

    public static Frame of(String className, String method, String file, Integer line) {
        return new Frame(className, method, file, line, null, null, null);
    }
}
