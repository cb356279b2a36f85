package dev.faultline.protocols.appcenter;

import static dev.faultline.protocols.appcenter.StackTraceParser.MAX_FRAMES;
import static dev.faultline.protocols.appcenter.StackTraceParser.MAX_INPUT_LENGTH;
import static dev.faultline.protocols.appcenter.StackTraceParser.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.faultline.core.model.Frame;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StackTraceParserTest {
    private static final String MONO_HASH = "<b38d4262627948c1b945a72f56ce6466>";

    /** The {@code exception.stackTrace} of the handledError sample in App Center's "Upload crashes" docs, as sent. */
    private static final String SPEC_SAMPLE =
            "  at Contoso.Forms.Puppet.FakeService+<>c.<DoStuffInBackground>b__0_0 () [0x00000] in <7ad93f134a5d4c00a8db8be9aa9c0f76>:0 \n"
                    + "  at System.Threading.Tasks.Task`1[TResult].InnerInvoke () [0x0000f] in <b38d4262627948c1b945a72f56ce6466>:0 \n"
                    + "  at System.Threading.Tasks.Task.Execute () [0x00010] in <b38d4262627948c1b945a72f56ce6466>:0 \n"
                    + "--- End of stack trace from previous location where exception was thrown ---\n"
                    + "  at System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw () [0x0000c] in <b38d4262627948c1b945a72f56ce6466>:0 \n"
                    + "  at System.Runtime.CompilerServices.TaskAwaiter.ThrowForNonSuccess (System.Threading.Tasks.Task task) [0x0003e] in <b38d4262627948c1b945a72f56ce6466>:0 \n"
                    + "  at System.Runtime.CompilerServices.TaskAwaiter.HandleNonSuccessAndDebuggerNotification (System.Threading.Tasks.Task task) [0x00028] in <b38d4262627948c1b945a72f56ce6466>:0";

    private static final List<Frame> SPEC_SAMPLE_FRAMES = List.of(
            frame(
                    "Contoso.Forms.Puppet.FakeService+<>c",
                    "<DoStuffInBackground>b__0_0",
                    "at Contoso.Forms.Puppet.FakeService+<>c.<DoStuffInBackground>b__0_0 () [0x00000] in <7ad93f134a5d4c00a8db8be9aa9c0f76>:0"),
            frame(
                    "System.Threading.Tasks.Task`1[TResult]",
                    "InnerInvoke",
                    "at System.Threading.Tasks.Task`1[TResult].InnerInvoke () [0x0000f] in " + MONO_HASH + ":0"),
            frame(
                    "System.Threading.Tasks.Task",
                    "Execute",
                    "at System.Threading.Tasks.Task.Execute () [0x00010] in " + MONO_HASH + ":0"),
            frame(
                    "System.Runtime.ExceptionServices.ExceptionDispatchInfo",
                    "Throw",
                    "at System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw () [0x0000c] in " + MONO_HASH
                            + ":0"),
            frame(
                    "System.Runtime.CompilerServices.TaskAwaiter",
                    "ThrowForNonSuccess",
                    "at System.Runtime.CompilerServices.TaskAwaiter.ThrowForNonSuccess (System.Threading.Tasks.Task task)"
                            + " [0x0003e] in " + MONO_HASH + ":0"),
            frame(
                    "System.Runtime.CompilerServices.TaskAwaiter",
                    "HandleNonSuccessAndDebuggerNotification",
                    "at System.Runtime.CompilerServices.TaskAwaiter.HandleNonSuccessAndDebuggerNotification"
                            + " (System.Threading.Tasks.Task task) [0x00028] in " + MONO_HASH + ":0"));

    private static final String JAVA_TRACE =
            "java.lang.IllegalStateException: Could not execute method for android:onClick\n"
                    + "\tat androidx.appcompat.app.AppCompatViewInflater$DeclaredOnClickListener.onClick(AppCompatViewInflater.java:414)\n"
                    + "\tat android.view.View.performClick(View.java:7448)\n"
                    + "\tat java.lang.reflect.Method.invoke(Native Method)\n"
                    + "\tat com.android.internal.os.ZygoteInit.main(ZygoteInit.java:936)\n"
                    + "Caused by: java.lang.reflect.InvocationTargetException\n"
                    + "\tat java.lang.reflect.Method.invoke(Native Method)\n"
                    + "\t... 3 more\n";

    private static final List<Frame> JAVA_TRACE_FRAMES = List.of(
            frame(
                    "androidx.appcompat.app.AppCompatViewInflater$DeclaredOnClickListener",
                    "onClick",
                    "AppCompatViewInflater.java",
                    414,
                    null,
                    "at androidx.appcompat.app.AppCompatViewInflater$DeclaredOnClickListener.onClick(AppCompatViewInflater.java:414)"),
            frame(
                    "android.view.View",
                    "performClick",
                    "View.java",
                    7448,
                    null,
                    "at android.view.View.performClick(View.java:7448)"),
            frame(
                    "java.lang.reflect.Method",
                    "invoke",
                    null,
                    -2,
                    null,
                    "at java.lang.reflect.Method.invoke(Native Method)"),
            frame(
                    "com.android.internal.os.ZygoteInit",
                    "main",
                    "ZygoteInit.java",
                    936,
                    null,
                    "at com.android.internal.os.ZygoteInit.main(ZygoteInit.java:936)"));

    @Test
    void handledErrorSampleFromTheSpec() {
        assertThat(parse(SPEC_SAMPLE)).containsExactlyElementsOf(SPEC_SAMPLE_FRAMES);
    }

    @Test
    void innerExceptionSamplesFromTheSpec() {
        assertThat(
                        parse(
                                "  at Contoso.Forms.Demo.CrashesContentPage.SendHttp () [0x00002] in <4fd9174f6e18457b9721bfba2cd78098>:0 "))
                .containsExactly(
                        frame(
                                "Contoso.Forms.Demo.CrashesContentPage",
                                "SendHttp",
                                "at Contoso.Forms.Demo.CrashesContentPage.SendHttp () [0x00002] in <4fd9174f6e18457b9721bfba2cd78098>:0"));
        assertThat(
                        parse(
                                "  at Contoso.Forms.Demo.CrashesContentPage.ValidateLength () [0x00002] in <4fd9174f6e18457b9721bfba2cd78098>:0 "))
                .containsExactly(
                        frame(
                                "Contoso.Forms.Demo.CrashesContentPage",
                                "ValidateLength",
                                "at Contoso.Forms.Demo.CrashesContentPage.ValidateLength () [0x00002] in <4fd9174f6e18457b9721bfba2cd78098>:0"));
    }

    static Stream<Arguments> singleLines() {
        return Stream.of(
                // .NET, Mono, Xamarin
                expect(
                        "   at MyApp.Service.Run(String arg) in C:\\src\\MyApp\\Service.cs:line 42",
                        "MyApp.Service",
                        "Run",
                        "C:\\src\\MyApp\\Service.cs",
                        42),
                expect(
                        "   at MyApp.Service.Run(String arg) in C:\\src\\MyApp\\Service.cs:Zeile 42",
                        "MyApp.Service",
                        "Run",
                        "C:\\src\\MyApp\\Service.cs",
                        42),
                expect("   at MyApp.Service.Run(String arg, Int32 count)", "MyApp.Service", "Run", null, null),
                expect("at Foo.Bar () <0x00017>", "Foo", "Bar", null, null),
                expect(
                        "at Foo.Bar () <0x1013eb3a0 + 0x00048> in <4d12e5c10e9d4ea18af6e6b3f7aefe94>:0",
                        "Foo",
                        "Bar",
                        null,
                        null),
                expect(
                        "at Foo.Bar () [0x00001] in /Users/runner/work/App/Foo.cs:12 ",
                        "Foo",
                        "Bar",
                        "/Users/runner/work/App/Foo.cs",
                        12),
                expect("at Foo.Bar () [0x00000] in <filename unknown>:0", "Foo", "Bar", null, null),
                expect(
                        "at MyApp.Widget..ctor (System.String name) [0x00008] in " + MONO_HASH + ":0",
                        "MyApp.Widget",
                        ".ctor",
                        null,
                        null),
                expect(
                        "   at System.Linq.Enumerable.First[TSource](IEnumerable`1 source)",
                        "System.Linq.Enumerable",
                        "First[TSource]",
                        null,
                        null),
                expect(
                        "   at MyApp.Program.<Main>d__0.MoveNext() in /src/Program.cs:line 7",
                        "MyApp.Program.<Main>d__0",
                        "MoveNext",
                        "/src/Program.cs",
                        7),
                expect(
                        "  at System.Collections.Generic.Dictionary`2[TKey,TValue].TryInsert (TKey key, TValue value,"
                                + " System.Collections.Generic.InsertionBehavior behavior) [0x0015a] in " + MONO_HASH
                                + ":0",
                        "System.Collections.Generic.Dictionary`2[TKey,TValue]",
                        "TryInsert",
                        null,
                        null),
                expect(
                        "  at (wrapper managed-to-native) System.Object.__icall_wrapper_mono_gc_alloc_obj(intptr,intptr)",
                        "System.Object",
                        "__icall_wrapper_mono_gc_alloc_obj",
                        null,
                        null),
                expect("   at App.MainPage.OnClick() + 0x2f", "App.MainPage", "OnClick", null, null),
                // Java, Android, Kotlin
                expect("\tat com.example.Foo.bar(Foo.java:12)", "com.example.Foo", "bar", "Foo.java", 12),
                expect("\tat java.lang.Object.wait(Native Method)", "java.lang.Object", "wait", null, -2),
                expect("\tat com.example.Foo.bar(Unknown Source)", "com.example.Foo", "bar", null, null),
                expect("\tat com.example.Foo.bar(Unknown Source:5)", "com.example.Foo", "bar", null, 5),
                expect("\tat com.example.FooKt.main(Foo.kt)", "com.example.FooKt", "main", "Foo.kt", null),
                expect("\tat a.a.b.c(SourceFile:3)", "a.a.b", "c", "SourceFile", 3),
                expect("\tat com.example.Foo.<init>(Foo.java:5)", "com.example.Foo", "<init>", "Foo.java", 5),
                expect(
                        "\tat java.base/java.lang.Thread.run(Thread.java:1583)",
                        "java.lang.Thread",
                        "run",
                        "Thread.java",
                        1583),
                expect("\tat app//com.example.App.run(App.java:7)", "com.example.App", "run", "App.java", 7),
                expect(
                        "\tat com.example.Send$$Lambda/0x0000000800c03000.run(Unknown Source)",
                        "com.example.Send$$Lambda/0x0000000800c03000",
                        "run",
                        null,
                        null),
                expect(
                        "\tat java.base/jdk.internal.Send$$Lambda/0x0000000800c03000.run(Unknown Source)",
                        "jdk.internal.Send$$Lambda/0x0000000800c03000",
                        "run",
                        null,
                        null),
                expect(
                        "\tat com.example.Send$$Lambda$1/791452441.run(Unknown Source)",
                        "com.example.Send$$Lambda$1/791452441",
                        "run",
                        null,
                        null),
                // JavaScript: V8, Node, Hermes
                expect(
                        "    at functionName (http://host/app.js:10:5)",
                        null,
                        "functionName",
                        "http://host/app.js",
                        10,
                        5),
                expect("    at http://host/app.js:10:5", null, null, "http://host/app.js", 10, 5),
                expect("    at async fn (file.js:1:2)", null, "fn", "file.js", 1, 2),
                expect("    at new Foo (file.js:1:2)", null, "Foo", "file.js", 1, 2),
                expect("    at Object.<anonymous> (file.js:1:2)", "Object", "<anonymous>", "file.js", 1, 2),
                expect(
                        "    at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)",
                        "Module",
                        "_extensions..js",
                        "node:internal/modules/cjs/loader",
                        1623,
                        10),
                expect(
                        "    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)",
                        "Function",
                        "executeUserEntryPoint",
                        "node:internal/modules/run_main",
                        164,
                        12),
                expect("    at Array.forEach (<anonymous>)", "Array", "forEach", null, null, null),
                expect("    at async Promise.all (index 0)", "Promise", "all", null, null, null),
                expect(
                        "    at Object.<anonymous> (C:\\Users\\me\\app.js:3:7)",
                        "Object",
                        "<anonymous>",
                        "C:\\Users\\me\\app.js",
                        3,
                        7),
                expect(
                        "    at load (http://10.0.2.2:8081/index.bundle?platform=android&dev=true:1:2)",
                        null,
                        "load",
                        "http://10.0.2.2:8081/index.bundle?platform=android&dev=true",
                        1,
                        2),
                expect(
                        "    at fn (address at index.android.bundle:1:2345)",
                        null,
                        "fn",
                        "index.android.bundle",
                        1,
                        2345),
                expect("    at fn (native)", null, "fn", null, null, null),
                // JavaScript: Firefox, Safari, JavaScriptCore
                expect("fn@http://host/app.js:10:5", null, "fn", "http://host/app.js", 10, 5),
                expect("fn@http://host/app.js:10", null, "fn", "http://host/app.js", 10, null),
                expect("@http://host/app.js:10:5", null, null, "http://host/app.js", 10, 5),
                expect("forEach@[native code]", null, "forEach", null, null, null),
                expect("[native code]", null, null, null, null, null),
                expect("global code@http://host/app.js:1:1", null, "global code", "http://host/app.js", 1, 1),
                expect(
                        "Foo.prototype.bar/<@http://host/app.js:20:3",
                        null,
                        "Foo.prototype.bar/<",
                        "http://host/app.js",
                        20,
                        3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleLines")
    void parsesOneLine(String line, Frame expected) {
        assertThat(parse(line)).containsExactly(expected);
    }

    @Test
    void javaKeepsTheOuterExceptionsFramesAndSkipsTheMessage() {
        assertThat(parse(JAVA_TRACE)).containsExactlyElementsOf(JAVA_TRACE_FRAMES);
    }

    @Test
    void javaSkipsMoreLinesAndStopsAtSuppressed() {
        String trace = "java.io.IOException: closed\n"
                + "\tat com.example.Io.write(Io.java:8)\n"
                + "\t... 5 more\n"
                + "\tSuppressed: java.io.IOException: also closed\n"
                + "\t\tat com.example.Io.close(Io.java:20)\n";
        assertThat(parse(trace))
                .containsExactly(
                        frame("com.example.Io", "write", "Io.java", 8, null, "at com.example.Io.write(Io.java:8)"));
    }

    @Test
    void dotnetDropsTheInnerExceptionsFramesOfToString() {
        String trace = "System.InvalidOperationException: Save failed ---> System.IO.IOException: Disk full\n"
                + "   at MyApp.Disk.Write(Byte[] data) in /src/Disk.cs:line 10\n"
                + "   --- End of inner exception stack trace ---\n"
                + "   at MyApp.Store.Save() in /src/Store.cs:line 20\n";
        assertThat(parse(trace))
                .containsExactly(frame(
                        "MyApp.Store",
                        "Save",
                        "/src/Store.cs",
                        20,
                        null,
                        "at MyApp.Store.Save() in /src/Store.cs:line 20"));
    }

    @Test
    void xamarinAndroidKeepsManagedAndJavaFramesInOrder() {
        String trace = "Java.Lang.IllegalStateException: Fragment not attached\n"
                + "  at Java.Interop.JniEnvironment+InstanceMethods.CallVoidMethod (Java.Interop.JniObjectReference instance,"
                + " Java.Interop.JniMethodInfo method, Java.Interop.JniArgumentValue* args) [0x0006e] in " + MONO_HASH
                + ":0 \n"
                + "  at MyApp.MainActivity.OnClick (System.Object sender, System.EventArgs e) [0x00012] in " + MONO_HASH
                + ":0 \n"
                + "  --- End of managed Java.Lang.IllegalStateException stack trace ---\n"
                + "java.lang.IllegalStateException: Fragment not attached\n"
                + "\tat androidx.fragment.app.Fragment.requireContext(Fragment.java:900)\n"
                + "\tat crc64.MainActivity.n_onClick(Native Method)\n";
        assertThat(parse(trace))
                .extracting(Frame::className, Frame::method, Frame::file, Frame::line)
                .containsExactly(
                        tuple("Java.Interop.JniEnvironment+InstanceMethods", "CallVoidMethod", null, null),
                        tuple("MyApp.MainActivity", "OnClick", null, null),
                        tuple("androidx.fragment.app.Fragment", "requireContext", "Fragment.java", 900),
                        tuple("crc64.MainActivity", "n_onClick", null, -2));
    }

    @Test
    void nodeTrace() {
        String trace = "TypeError: Cannot read properties of undefined (reading 'id')\n"
                + "    at send (/srv/app/send.js:20:13)\n"
                + "    at Object.<anonymous> (/srv/app/send.js:31:1)\n"
                + "    at Module._compile (node:internal/modules/cjs/loader:1521:14)\n"
                + "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)\n"
                + "    at async Promise.all (index 0)\n"
                + "    at node:internal/main/run_main_module:28:49\n";
        assertThat(parse(trace))
                .containsExactly(
                        frame(null, "send", "/srv/app/send.js", 20, 13, "at send (/srv/app/send.js:20:13)"),
                        frame(
                                "Object",
                                "<anonymous>",
                                "/srv/app/send.js",
                                31,
                                1,
                                "at Object.<anonymous> (/srv/app/send.js:31:1)"),
                        frame(
                                "Module",
                                "_compile",
                                "node:internal/modules/cjs/loader",
                                1521,
                                14,
                                "at Module._compile (node:internal/modules/cjs/loader:1521:14)"),
                        frame(
                                "process",
                                "processTicksAndRejections",
                                "node:internal/process/task_queues",
                                95,
                                5,
                                "at process.processTicksAndRejections (node:internal/process/task_queues:95:5)"),
                        frame("Promise", "all", null, null, null, "at async Promise.all (index 0)"),
                        frame(
                                null,
                                null,
                                "node:internal/main/run_main_module",
                                28,
                                49,
                                "at node:internal/main/run_main_module:28:49"));
    }

    @Test
    void hermesTrace() {
        String trace = "Error: Network request failed\n"
                + "    at anonymous (address at index.android.bundle:1:512321)\n"
                + "    at call (native)\n"
                + "    at dispatchEvent (address at index.android.bundle:1:99876)\n";
        assertThat(parse(trace))
                .containsExactly(
                        frame(
                                null,
                                "anonymous",
                                "index.android.bundle",
                                1,
                                512321,
                                "at anonymous (address at index.android.bundle:1:512321)"),
                        frame(null, "call", null, null, null, "at call (native)"),
                        frame(
                                null,
                                "dispatchEvent",
                                "index.android.bundle",
                                1,
                                99876,
                                "at dispatchEvent (address at index.android.bundle:1:99876)"));
    }

    @Test
    void javaScriptCoreTrace() {
        String trace = "onPress@http://localhost:8081/index.bundle?platform=ios:1234:56\n"
                + "forEach@[native code]\n"
                + "global code@http://localhost:8081/index.bundle?platform=ios:1:1\n";
        assertThat(parse(trace))
                .containsExactly(
                        frame(
                                null,
                                "onPress",
                                "http://localhost:8081/index.bundle?platform=ios",
                                1234,
                                56,
                                "onPress@http://localhost:8081/index.bundle?platform=ios:1234:56"),
                        frame(null, "forEach", null, null, null, "forEach@[native code]"),
                        frame(
                                null,
                                "global code",
                                "http://localhost:8081/index.bundle?platform=ios",
                                1,
                                1,
                                "global code@http://localhost:8081/index.bundle?platform=ios:1:1"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Something went wrong",
                "{\"stackTrace\":[{\"methodName\":\"run\"}]}",
                "java.lang.RuntimeException: boom\n\t... 5 more",
                "Error: boom",
                "Write to bob@example.com for help",
                "at noon (see you)\nat noon (see 10:30)\nmeet me at the station",
                "<html><body>502 Bad Gateway</body></html>",
                "at\nat \nat ()\n@\n@:\n:1:2\nat fn (file.js)\nat Foo(x) in y",
                "\u0000\u0001\uFFFD@@::((",
                "--- End of stack trace from previous location where exception was thrown ---"
            })
    void inputInNoKnownFormatHasNoFrames(String text) {
        assertThat(parse(text)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\n\r\n\t"})
    void nullOrBlankHasNoFrames(String text) {
        assertThat(parse(text)).isEmpty();
    }

    @Test
    void windowsAndOldMacLineEndingsReadLikeNewlines() {
        assertThat(parse(SPEC_SAMPLE.replace("\n", "\r\n"))).containsExactlyElementsOf(SPEC_SAMPLE_FRAMES);
        assertThat(parse(JAVA_TRACE.replace("\n", "\r\n"))).containsExactlyElementsOf(JAVA_TRACE_FRAMES);
        assertThat(parse(JAVA_TRACE.replace("\n", "\r"))).containsExactlyElementsOf(JAVA_TRACE_FRAMES);
    }

    @Test
    void framesAreCappedInOrder() {
        String trace = "\tat com.example.Deep.call(Deep.java:1)\n".repeat(MAX_FRAMES + 50);
        List<Frame> frames = parse(trace);
        assertThat(frames).hasSize(MAX_FRAMES);
        assertThat(frames.getFirst())
                .isEqualTo(frame(
                        "com.example.Deep", "call", "Deep.java", 1, null, "at com.example.Deep.call(Deep.java:1)"));
    }

    @Test
    void onlyTheFirstWholeLinesWithinTheInputLimitAreRead() {
        String first = "\tat com.example.A.first(A.java:1)\n";
        String straddling = "\tat com.example.A.cut(A.java:123456)\n";
        String padding = "x".repeat(MAX_INPUT_LENGTH - first.length() - 10) + "\n";
        String trace = first + padding + straddling + "\tat com.example.A.after(A.java:3)\n";
        assertThat(parse(trace)).extracting(Frame::method, Frame::line).containsExactly(tuple("first", 1));
    }

    @Test
    void aHundredKilobyteLineIsCutAway() {
        assertThat(parse("\tat com.example.A.run(A.java:1)\n" + "at a".repeat(25_000)))
                .extracting(Frame::method)
                .containsExactly("run");
        assertThat(parse("a".repeat(100_000))).isEmpty();
    }

    /**
     * Lines just under the input limit, so that they reach every pattern: each must still parse right.
     * A pattern that backtracked catastrophically would not finish.
     */
    static Stream<Arguments> hostileLines() {
        int units = (MAX_INPUT_LENGTH - 100) / 2;
        String colonOnes = ":1".repeat(units);
        String lineWords = "C:line ".repeat(units / 4);
        String brackets = "at " + "[a.".repeat(units / 2) + "b()";
        return Stream.of(
                arguments("one word after at", "at " + "a".repeat(2 * units), List.of()),
                arguments("dots, no parenthesis", "at " + "a.".repeat(units), List.of()),
                arguments("open parentheses", "at a" + " (".repeat(units), List.of()),
                arguments("Java-like calls", "\tat " + "x(".repeat(units), List.of()),
                arguments("spaces after .NET parameters", "at a.b () " + " ".repeat(2 * units) + "x", List.of()),
                arguments(
                        "unclosed .NET offsets",
                        "at a.b (" + "x ".repeat(units / 2) + ") [0x1]" + " <".repeat(units / 4),
                        List.of()),
                arguments("at at at", "at " + "at ".repeat(units / 2), List.of()),
                arguments("at signs", "@".repeat(2 * units), List.of()),
                arguments("positions without numbers after @", "a@" + "1:".repeat(units), List.of()),
                arguments("V8 positions without numbers", "at f (" + "1:".repeat(units) + ")", List.of()),
                arguments("angle brackets", "at " + "<".repeat(2 * units) + "()", List.of()),
                arguments(
                        "square brackets", brackets, List.of(frame("[a.".repeat(units / 2 - 1) + "[a", "b", brackets))),
                arguments(
                        ".NET file of colons",
                        "at a.b () [0x0] in " + colonOnes,
                        List.of(frame("a", "b", colonOnes.substring(2), 1, null, "at a.b () [0x0] in " + colonOnes))),
                arguments(
                        "V8 file of colons",
                        "at f (" + colonOnes + ")",
                        List.of(frame(null, "f", colonOnes.substring(4), 1, 1, "at f (" + colonOnes + ")"))),
                arguments(
                        ".NET line words without numbers",
                        "at Foo.Bar() in " + lineWords,
                        List.of(frame(
                                "Foo",
                                "Bar",
                                lineWords.strip(),
                                null,
                                null,
                                ("at Foo.Bar() in " + lineWords).strip()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileLines")
    void hostileLinesParseRight(String shape, String line, List<Frame> expected) {
        assertThat(line.length()).isLessThanOrEqualTo(MAX_INPUT_LENGTH);
        assertThat(parse(line)).containsExactlyElementsOf(expected);
    }

    private static Arguments expect(String line, String className, String method, String file, Integer lineNumber) {
        return expect(line, className, method, file, lineNumber, null);
    }

    private static Arguments expect(
            String line, String className, String method, String file, Integer lineNumber, Integer column) {
        return arguments(line, frame(className, method, file, lineNumber, column, line.strip()));
    }

    private static Frame frame(String className, String method, String raw) {
        return frame(className, method, null, null, null, raw);
    }

    private static Frame frame(String className, String method, String file, Integer line, Integer column, String raw) {
        return new Frame(className, method, file, line, column, null, raw);
    }
}
