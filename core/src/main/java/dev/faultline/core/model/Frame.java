package dev.faultline.core.model;

/**
 * One stack frame. Every field is optional: SDKs send what their platform knows.
 *
 * @param line the line number; negative values are kept as sent (Java: -1 unknown, -2 native)
 * @param address the instruction address for native frames, as sent (App Center)
 * @param raw the frame as one unparsed string when that is all the SDK sent (raygun4apple)
 */
public record Frame(
        String className, String method, String file, Integer line, Integer column, String address, String raw) {

    public static Frame of(String className, String method, String file, Integer line) {
        return new Frame(className, method, file, line, null, null, null);
    }
}
