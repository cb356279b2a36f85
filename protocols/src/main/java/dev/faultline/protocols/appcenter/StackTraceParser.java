package dev.faultline.protocols.appcenter;

import dev.faultline.core.model.Frame;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the one string that App Center SDKs send as {@code exception.stackTrace} when they have no
 * structured frames (Xamarin and .NET handled errors, React Native, some Java) into frames.
 * Stateless and thread-safe.
 *
 * <p>Each line is read on its own as a .NET (Mono, Xamarin, .NET Core), Java (Android) or
 * JavaScript (V8, Node, Hermes; Firefox, Safari, JavaScriptCore) frame, so a Xamarin.Android trace
 * with both managed and Java frames keeps both. Frames come in the order written, innermost first,
 * each with its trimmed line as {@code raw}. Lines in no format (the exception's message, {@code
 * ... 5 more}, {@code --- End of stack trace from previous location ---}) are skipped; when no line
 * is a frame the result is empty and the caller keeps the string as sent.
 *
 * <p>Only the outer exception's frames are kept: reading stops at Java's {@code Caused by:} and
 * {@code Suppressed:}, and the frames before .NET's {@code --- End of inner exception stack trace
 * ---} (written by {@code Exception.ToString()}) are the inner exception's and are dropped.
 *
 * <p>Hostile input is bounded: the first {@value #MAX_INPUT_LENGTH} characters are read, cut back
 * to a whole line, and at most {@value #MAX_FRAMES} frames are returned. No pattern can backtrack
 * catastrophically on a long line: its quantifiers are possessive (they never give back what they
 * matched), and positions are split at colons by hand rather than by a pattern.
 */
final class StackTraceParser {
    static final int MAX_FRAMES = 256;
    static final int MAX_INPUT_LENGTH = 64 * 1024;

    /** What {@code StackTraceElement} means by line -2; the text form writes it as {@code Native Method}. */
    private static final int JAVA_NATIVE_LINE = -2;

    private static final String DOTNET_INNER_EXCEPTION_END = "--- End of inner exception stack trace ---";

    /** {@code at com.example.Foo.bar(Foo.java:12)}, possibly with a module or class loader before the class. */
    private static final Pattern JAVA = Pattern.compile("at\\s++([^\\s()]++)\\(([^()]*+)\\)");

    /** {@code Foo.java:12}, {@code Foo.kt}, {@code SourceFile:3} (R8), {@code Unknown Source:5}. */
    private static final Pattern JAVA_SOURCE = Pattern.compile("(Unknown Source|[^\\s:,]++)(?::(\\d{1,9}+))?");

    /**
     * {@code at Foo.Bar (System.String s) [0x0000f] in <hash>:0} (Mono), {@code at Foo.Bar () <0x1013eb3a0
     * + 0x00048>} (Mono AOT), {@code at Foo.Bar(String s) in C:\src\Foo.cs:line 42} (.NET), {@code at
     * Foo.Bar() + 0x2f} (.NET Native), each optionally after Mono's {@code (wrapper managed-to-native)}.
     */
    private static final Pattern DOTNET =
            Pattern.compile("at\\s++(?:\\(wrapper[^)]*+\\)\\s*+)?([^\\s()]++)\\s?+\\([^()]*+\\)"
                    + "(?:\\s*+\\[0x\\p{XDigit}++\\])?"
                    + "(?:\\s*+<[^<>]*+>)?"
                    + "(?:\\s*+\\+\\s*+0x\\p{XDigit}++)?"
                    + "(?:\\s++in\\s++(.++))?");

    /** After a .NET file's last colon: {@code 42} (Mono), {@code line 42}, localized {@code Zeile 42}. */
    private static final Pattern DOTNET_LINE = Pattern.compile("(?:\\p{L}++\\s++)?(\\d{1,9}+)");

    /** V8's locations that are no place in a file; {@code index 0} is {@code Promise.all}'s. */
    private static final Set<String> V8_NOWHERE = Set.of("native", "<anonymous>", "unknown location");

    private static final Pattern V8_PROMISE_INDEX = Pattern.compile("index \\d++");

    /** Firefox's {@code Foo.prototype.bar/<} and Safari's {@code global code}, {@code eval code}. */
    private static final Pattern GECKO_JSC_FUNCTION = Pattern.compile("[^\\s@]*+|\\w++ code");

    private static final String JSC_NATIVE = "[native code]";

    private static final Location NOWHERE = new Location(null, null, null);

    private StackTraceParser() {}

    /** The frames of {@code raw}, innermost first; empty when {@code raw} is null, blank or in no known format. */
    static List<Frame> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<Frame> frames = new ArrayList<>();
        Iterator<String> lines = bounded(raw).lines().iterator();
        while (lines.hasNext() && frames.size() < MAX_FRAMES) {
            String line = lines.next().strip();
            if (line.startsWith("Caused by:") || line.startsWith("Suppressed:")) {
                break;
            }
            if (line.equals(DOTNET_INNER_EXCEPTION_END)) {
                frames.clear();
                continue;
            }
            Frame frame = frame(line);
            if (frame != null) {
                frames.add(frame);
            }
        }
        return List.copyOf(frames);
    }

    /** The first {@value #MAX_INPUT_LENGTH} characters, cut back to a line end: half a frame would parse wrong. */
    private static String bounded(String raw) {
        if (raw.length() <= MAX_INPUT_LENGTH) {
            return raw;
        }
        String head = raw.substring(0, MAX_INPUT_LENGTH);
        int lineEnd = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
        return lineEnd < 0 ? "" : head.substring(0, lineEnd);
    }

    /**
     * Java's form is the strictest (no space before the parenthesis, a file in it), V8's needs a
     * position or a known non-place in its parenthesis, so .NET, which takes any parameter list, goes
     * last.
     */
    private static Frame frame(String line) {
        if (!line.startsWith("at ")) {
            return geckoJscFrame(line);
        }
        Frame frame = javaFrame(line);
        if (frame == null) {
            frame = v8Frame(line);
        }
        if (frame == null) {
            frame = dotnetFrame(line);
        }
        return frame;
    }

    private static Frame javaFrame(String line) {
        Matcher matcher = JAVA.matcher(line);
        if (!matcher.matches()) {
            return null;
        }
        String qualified = withoutJavaModule(matcher.group(1));
        int dot = qualified.lastIndexOf('.');
        if (dot <= 0 || dot == qualified.length() - 1) {
            return null;
        }
        String className = qualified.substring(0, dot);
        String method = qualified.substring(dot + 1);
        String source = matcher.group(2);
        if (source.equals("Native Method")) {
            return new Frame(className, method, null, JAVA_NATIVE_LINE, null, null, line);
        }
        Matcher sourceMatcher = JAVA_SOURCE.matcher(source);
        if (!sourceMatcher.matches()) {
            return null;
        }
        String file = sourceMatcher.group(1).equals("Unknown Source") ? null : sourceMatcher.group(1);
        return new Frame(className, method, file, number(sourceMatcher.group(2)), null, null, line);
    }

    /**
     * Drops {@code java.base/}, {@code app//} or {@code loader/module@1.0/} before the class. A slash
     * followed by a digit is a lambda's hidden class suffix ({@code Foo$$Lambda/0x…}, JDK 8's {@code
     * Foo$$Lambda$1/123…}), part of the class name: no package or class name starts with a digit.
     */
    private static String withoutJavaModule(String qualified) {
        int slash = qualified.lastIndexOf('/');
        if (slash >= 0 && slash + 1 < qualified.length() && Character.isDigit(qualified.charAt(slash + 1))) {
            slash = qualified.lastIndexOf('/', slash - 1);
        }
        return qualified.substring(slash + 1);
    }

    /** {@code at fn (file.js:1:2)}, {@code at file.js:1:2}, Hermes {@code at fn (address at file:1:2)}. */
    private static Frame v8Frame(String line) {
        String rest = line.substring("at ".length()).strip();
        int open = rest.indexOf(" (");
        if (open <= 0 || !rest.endsWith(")")) {
            Location location = v8Position(rest);
            return location == null ? null : jsFrame(null, null, location, line);
        }
        Location location = v8Location(rest.substring(open + 2, rest.length() - 1));
        if (location == null) {
            return null;
        }
        String function = v8Function(rest.substring(0, open));
        // V8 writes "Receiver.function": split at the first dot, as in "Module._extensions..js"
        int dot = function == null ? -1 : function.indexOf('.');
        if (dot > 0 && dot < function.length() - 1) {
            return jsFrame(function.substring(0, dot), function.substring(dot + 1), location, line);
        }
        return jsFrame(null, function, location, line);
    }

    /** Drops {@code async }, {@code new } and the {@code [as alias]} that V8 writes around a name. */
    private static String v8Function(String written) {
        String function = written;
        if (function.startsWith("async ")) {
            function = function.substring("async ".length());
        }
        if (function.startsWith("new ")) {
            function = function.substring("new ".length());
        }
        int alias = function.indexOf(" [as ");
        if (alias > 0 && function.endsWith("]")) {
            function = function.substring(0, alias);
        }
        return blankToNull(function.strip());
    }

    private static Location v8Location(String written) {
        if (V8_NOWHERE.contains(written) || V8_PROMISE_INDEX.matcher(written).matches()) {
            return NOWHERE;
        }
        String position = written.startsWith("address at ") ? written.substring("address at ".length()) : written;
        return v8Position(position);
    }

    /**
     * V8 always writes a column. A position with a space is refused: it is more likely prose or
     * .NET's {@code in <file>} than a path with a space in it.
     */
    private static Location v8Position(String position) {
        Location location = hasWhitespace(position) ? null : jsLocation(position);
        return location == null || location.column() == null ? null : location;
    }

    /** {@code fn@http://host/app.js:10:5}, {@code @app.js:10:5}, {@code forEach@[native code]}, {@code [native code]}. */
    private static Frame geckoJscFrame(String line) {
        if (line.equals(JSC_NATIVE)) {
            return new Frame(null, null, null, null, null, null, line);
        }
        int at = line.indexOf('@');
        if (at < 0) {
            return null;
        }
        String function = line.substring(0, at);
        String where = line.substring(at + 1);
        if (!GECKO_JSC_FUNCTION.matcher(function).matches()) {
            return null;
        }
        Location location;
        if (where.equals(JSC_NATIVE)) {
            location = NOWHERE;
        } else {
            location = hasWhitespace(where) ? null : jsLocation(where);
        }
        return location == null ? null : jsFrame(null, blankToNull(function), location, line);
    }

    /** {@code file:line:column} or {@code file:line}; the file may hold colons itself ({@code http://host:8081/…}). */
    private static Location jsLocation(String location) {
        int last = location.lastIndexOf(':');
        Integer lastNumber = last > 0 ? number(location.substring(last + 1)) : null;
        if (lastNumber == null) {
            return null;
        }
        int previous = location.lastIndexOf(':', last - 1);
        Integer line = previous > 0 ? number(location.substring(previous + 1, last)) : null;
        if (line == null) {
            return new Location(location.substring(0, last), lastNumber, null);
        }
        return new Location(location.substring(0, previous), line, lastNumber);
    }

    private static Frame jsFrame(String className, String method, Location location, String line) {
        return new Frame(className, method, location.file(), location.line(), location.column(), null, line);
    }

    private static Frame dotnetFrame(String line) {
        Matcher matcher = DOTNET.matcher(line);
        if (!matcher.matches()) {
            return null;
        }
        String member = matcher.group(1);
        int dot = dotnetMethodDot(member);
        if (dot <= 0 || dot == member.length() - 1) {
            return null; // .NET always writes the type; without one, "at noon (see you)" would be a frame
        }
        Location location = dotnetLocation(matcher.group(2));
        return new Frame(
                member.substring(0, dot),
                member.substring(dot + 1),
                location.file(),
                location.line(),
                null,
                null,
                line);
    }

    /**
     * The dot before the method name: the last one outside {@code <…>} and {@code […]}, which hold
     * generated and generic names ({@code FakeService+<>c.<DoStuff>b__0_0}, {@code Task`1[TResult]});
     * for a constructor ({@code Foo..ctor}) the first of the two. -1 when there is none.
     */
    private static int dotnetMethodDot(String member) {
        int depth = 0;
        for (int index = member.length() - 1; index >= 0; index--) {
            char character = member.charAt(index);
            if (character == '>' || character == ']') {
                depth++;
            } else if ((character == '<' || character == '[') && depth > 0) {
                depth--;
            } else if (character == '.' && depth == 0) {
                return index > 0 && member.charAt(index - 1) == '.' ? index - 1 : index;
            }
        }
        return -1;
    }

    /** Mono writes a build hash, {@code <7ad93f…>:0}, or {@code <filename unknown>:0} when it knows no file: no file, no line. */
    private static Location dotnetLocation(String written) {
        if (written == null) {
            return NOWHERE;
        }
        String file = written;
        Integer line = null;
        int colon = written.lastIndexOf(':');
        if (colon > 0) {
            Matcher lineMatcher = DOTNET_LINE.matcher(written.substring(colon + 1));
            if (lineMatcher.matches()) {
                file = written.substring(0, colon);
                line = number(lineMatcher.group(1));
            }
        }
        if (file.isBlank() || (file.startsWith("<") && file.endsWith(">"))) {
            return NOWHERE;
        }
        return new Location(file, line, null);
    }

    /** The number in {@code digits}, or null when it is not 1 to 9 ASCII digits (no overflow, no sign). */
    private static Integer number(String digits) {
        if (digits == null || digits.isEmpty() || digits.length() > 9) {
            return null;
        }
        for (int index = 0; index < digits.length(); index++) {
            char digit = digits.charAt(index);
            if (digit < '0' || digit > '9') {
                return null;
            }
        }
        return Integer.parseInt(digits);
    }

    private static boolean hasWhitespace(String text) {
        return text.chars().anyMatch(Character::isWhitespace);
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }

    private record Location(String file, Integer line, Integer column) {}
}
