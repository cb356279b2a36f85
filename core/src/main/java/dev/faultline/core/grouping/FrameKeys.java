package dev.faultline.core.grouping;

import dev.faultline.core.model.Frame;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The grouping line of one stack frame for {@link FingerprinterV1}, and the name normalizations
 * behind it. Stateless and thread-safe.
 *
 * <p>A frame's line is {@code frame:<class>.<method>} when its class is usable, else {@code
 * frame:<file>:<method>} (a missing part is {@code ?}), else {@code image:<image>+0x<offset>} for
 * native frames without symbols (App Center Apple crashes: the offset from the image's start is the
 * same on every device, the load address is not), else {@code raw:<masked raw text>} for frames
 * that carry only an unparsed string (raygun4apple), else the frame is skipped. Line and column
 * numbers never take part.
 *
 * <p>Generated names are normalized so that they stay the same across builds and runs: Java
 * lambdas, proxies, CGLIB/ByteBuddy/Hibernate/Mockito subclasses, reflection accessors, hidden
 * classes, anonymous and local classes; .NET closures, lambdas, iterators and async state machines.
 */
final class FrameKeys {
    static final int MAX_PART_LENGTH = 500;

    /**
     * Receiver types that V8 (raygun4node, raygun4js) reports instead of a class: they say what
     * {@code this} was at the call, not where the code lives, so the file names the frame better.
     * {@code process} and {@code global} are node's singletons; {@code Window} the browser's.
     */
    private static final Set<String> GENERIC_RECEIVERS = Set.of(
            "object",
            "unknown",
            "function",
            "<anonymous>",
            "[anonymous]",
            "anonymous",
            "global",
            "globalthis",
            "process",
            "window",
            "undefined",
            "null");

    private static final int MAX_GENERIC_RECEIVER_LENGTH = 11;

    /** raygun4js puts the position into the class name: {@code line 12, column 5}. */
    private static final Pattern JS_POSITION = Pattern.compile("line -?\\d+, column -?\\d+", Pattern.CASE_INSENSITIVE);

    /** {@code Foo$$Lambda$12/0x0000000800c03000} (JDK 8–20), {@code Foo$$Lambda/0x…} (JDK 21+). */
    private static final Pattern JAVA_LAMBDA_CLASS = Pattern.compile("\\$\\$Lambda\\b.*");

    private static final Pattern JAVA_GENERATED_SUBCLASS = Pattern.compile(
            "(\\$\\$?(?:EnhancerBySpringCGLIB|EnhancerByCGLIB"
                    + "|FastClassBySpringCGLIB|FastClassByCGLIB|SpringCGLIB|ByteBuddy|HibernateProxy|MockitoMock))\\b.*");
    private static final Pattern JAVA_PROXY = Pattern.compile("\\$Proxy\\d+");
    private static final Pattern JDK_PROXY_PACKAGE = Pattern.compile("^jdk\\.proxy\\d+\\.");
    private static final Pattern JAVA_HIDDEN_CLASS_SUFFIX = Pattern.compile("/0x[0-9a-fA-F]+$");
    private static final Pattern JAVA_REFLECTION_ACCESSOR = Pattern.compile("(Generated[A-Za-z]*Accessor)\\d+");

    /** Anonymous ({@code Foo$1}) and local ({@code Foo$1Local}) classes, Scala {@code $anonfun$1}. */
    private static final Pattern JAVA_NUMBERED_NESTED = Pattern.compile("\\$\\d+");

    /** {@code lambda$main$0}, Kotlin {@code main$lambda$0} or {@code main$lambda-0}, Scala {@code $anonfun$main$1}. */
    private static final Pattern LAMBDA_METHOD_SUFFIX = Pattern.compile("[$-]\\d+$");

    /**
     * Roslyn's generated names: {@code <Main>b__0_0}, {@code <>c__DisplayClass5_0}, {@code
     * <Foo>d__12}, {@code <Main>g__Local|0_0}. The digits count lambdas and closures in source
     * order, so they shift when an unrelated one is added.
     */
    private static final Pattern DOTNET_GENERATED = Pattern.compile("(>[A-Za-z]__[A-Za-z]*)\\|?\\d+(?:_\\d+)*");

    private static final Pattern URL_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*");

    private FrameKeys() {}

    /** The basis line of {@code frame}, or null when the frame has nothing stable to group on. */
    static String basisLine(Frame frame) {
        String method = blankToNull(frame.method());
        if (method != null) {
            method = method(method);
        }
        if (isUsableClass(frame.className())) {
            String className = className(frame.className());
            if (method == null) {
                return "frame:" + limit(oneLine(className) + ".?");
            }
            // node's frames repeat the receiver in the method: class Module, method Module._compile
            String qualified = startsWithQualifier(method, className) ? method : className + "." + method;
            return "frame:" + limit(oneLine(qualified));
        }
        String file = blankToNull(frame.file());
        if (file != null) {
            file = blankToNull(file(file));
        }
        if (method != null || file != null) {
            String key = (file == null ? "?" : file) + ":" + (method == null ? "?" : method);
            return "frame:" + limit(oneLine(key));
        }
        String image = blankToNull(frame.image());
        if (image != null) {
            String offset = frame.imageOffset() == null ? "?" : "0x" + Long.toHexString(frame.imageOffset());
            return "image:" + limit(oneLine(image.strip())) + "+" + offset;
        }
        String raw = blankToNull(frame.raw());
        return raw == null ? null : "raw:" + MessageMask.raw(raw);
    }

    static boolean isUsableClass(String className) {
        if (className == null || className.isBlank()) {
            return false;
        }
        String trimmed = className.strip();
        // cheap pre-checks first: this runs for every frame of every report
        boolean generic = trimmed.length() <= MAX_GENERIC_RECEIVER_LENGTH
                && GENERIC_RECEIVERS.contains(trimmed.toLowerCase(Locale.ROOT));
        boolean jsPosition = (trimmed.charAt(0) == 'l' || trimmed.charAt(0) == 'L')
                && JS_POSITION.matcher(trimmed).matches();
        return !generic && !jsPosition;
    }

    /** {@code method.startsWith(className + ".")} without building the prefix. */
    private static boolean startsWithQualifier(String method, String className) {
        return method.length() > className.length()
                && method.startsWith(className)
                && method.charAt(className.length()) == '.';
    }

    static String className(String className) {
        String name = className.strip();
        if (name.indexOf('$') >= 0) {
            name = JAVA_LAMBDA_CLASS.matcher(name).replaceFirst("\\$\\$Lambda");
            name = JAVA_GENERATED_SUBCLASS.matcher(name).replaceFirst("$1");
            name = JAVA_PROXY.matcher(name).replaceAll("\\$Proxy");
            name = JDK_PROXY_PACKAGE.matcher(name).replaceFirst("jdk.proxy.");
            name = JAVA_NUMBERED_NESTED.matcher(name).replaceAll("\\$");
        }
        if (name.contains("/0x")) {
            name = JAVA_HIDDEN_CLASS_SUFFIX.matcher(name).replaceFirst("");
        }
        if (name.contains("Accessor")) {
            name = JAVA_REFLECTION_ACCESSOR.matcher(name).replaceAll("$1");
        }
        if (name.contains("__")) {
            name = DOTNET_GENERATED.matcher(name).replaceAll("$1");
        }
        return name;
    }

    static String method(String method) {
        String name = method.strip();
        if (name.contains("lambda") || name.contains("anonfun")) {
            name = LAMBDA_METHOD_SUFFIX.matcher(name).replaceFirst("");
        }
        if (name.contains("__")) {
            name = DOTNET_GENERATED.matcher(name).replaceAll("$1");
        }
        return name;
    }

    /**
     * Drops a URL's scheme and host (the same script is served from many hosts and CDNs) and its
     * query, and masks content hashes that bundlers put into file names ({@code main.3f2a1b9c.js}).
     * A fragment ({@code #…}) is dropped only from URLs: {@code C#} is a fine folder name.
     */
    static String file(String file) {
        String name = file.strip();
        var url = URL_PREFIX.matcher(name);
        if (name.contains("://") && url.find()) {
            name = name.substring(url.end());
            int fragment = name.indexOf('#');
            if (fragment >= 0) {
                name = name.substring(0, fragment);
            }
        }
        int query = name.indexOf('?');
        if (query >= 0) {
            name = name.substring(0, query);
        }
        return MessageMask.maskHexRuns(name);
    }

    static String oneLine(String text) {
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }

    /** Cuts a basis part to {@value #MAX_PART_LENGTH} characters: a huge class name makes no better a key. */
    static String limit(String text) {
        return MessageMask.cut(text, MAX_PART_LENGTH);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
