package dev.faultline.core.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameKeysTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "demo.Send                                           | demo.Send",
                "demo.Send$$Lambda$12/0x0000000800c03000             | demo.Send$$Lambda",
                "demo.Send$$Lambda/0x000001f0010034c8                | demo.Send$$Lambda",
                "demo.Send$$Lambda$1/1234567                         | demo.Send$$Lambda",
                "com.sun.proxy.$Proxy12                              | com.sun.proxy.$Proxy",
                "jdk.proxy2.$Proxy5                                  | jdk.proxy.$Proxy",
                "demo.Service$$EnhancerBySpringCGLIB$$abc123         | demo.Service$$EnhancerBySpringCGLIB",
                "demo.Service$$EnhancerByCGLIB$$9f8e7d               | demo.Service$$EnhancerByCGLIB",
                "demo.Service$$FastClassBySpringCGLIB$$5e2b1c        | demo.Service$$FastClassBySpringCGLIB",
                "demo.Service$$SpringCGLIB$$0                        | demo.Service$$SpringCGLIB",
                "demo.Service$ByteBuddy$Mock$a1b2c3                  | demo.Service$ByteBuddy",
                "demo.Service$MockitoMock$1234567                    | demo.Service$MockitoMock",
                "demo.Entity$HibernateProxy$x7Yz                     | demo.Entity$HibernateProxy",
                "demo.Foo$1                                          | demo.Foo$",
                "demo.Foo$1Local                                     | demo.Foo$Local",
                "demo.Foo$Inner$2                                    | demo.Foo$Inner$",
                "demo.Foo$Inner                                      | demo.Foo$Inner",
                "jdk.internal.reflect.GeneratedMethodAccessor12      | jdk.internal.reflect.GeneratedMethodAccessor",
                "sun.reflect.GeneratedConstructorAccessor7           | sun.reflect.GeneratedConstructorAccessor",
                "java.lang.invoke.LambdaForm$MH/0x0000000800c0c400   | java.lang.invoke.LambdaForm$MH",
                "MyApp.Program+<>c__DisplayClass5_0                  | MyApp.Program+<>c__DisplayClass",
                "MyApp.Worker+<RunAsync>d__12                        | MyApp.Worker+<RunAsync>d__",
                "MyApp.Program+<>c                                   | MyApp.Program+<>c",
                "'  demo.Send  '                                     | demo.Send",
            })
    void normalizesGeneratedClassNames(String sent, String normalized) {
        assertThat(FrameKeys.className(sent)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = "=>",
            value = {
                "main                    => main",
                "lambda$main$0           => lambda$main",
                "lambda$static$12        => lambda$static",
                "main$lambda$0           => main$lambda",
                "main$lambda-3           => main$lambda",
                "$anonfun$run$1          => $anonfun$run",
                "applyLambda2            => applyLambda2",
                "<Main>b__0_0            => <Main>b__",
                "<Main>b__0              => <Main>b__",
                "<Main>g__Local|0_0      => <Main>g__Local",
                "<Main>b__0_0(String s)  => <Main>b__(String s)",
                "MoveNext                => MoveNext",
            })
    void normalizesGeneratedMethodNames(String sent, String normalized) {
        assertThat(FrameKeys.method(sent)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/srv/app/send.js                                                  | /srv/app/send.js",
                "https://cdn.example.com/static/js/main.3f2a1b9c.chunk.js?v=3#L10  | /static/js/main.<hex>.chunk.js",
                "http://localhost:8080/app.js                                      | /app.js",
                "https://example.com                                               | ''",
                "webpack:///./src/App.js                                           | /./src/App.js",
                "file:///C:/app/index.js                                           | /C:/app/index.js",
                "node:internal/modules/cjs/loader                                  | node:internal/modules/cjs/loader",
                "C:\\src\\C#\\Program.cs                                           | C:\\src\\C#\\Program.cs",
                "/srv/app/20240501/app.js                                          | /srv/app/20240501/app.js",
                "/assets/index-4f2b1c9a.js                                         | /assets/index-<hex>.js",
                "/assets/deadbeef.js                                               | /assets/deadbeef.js",
                "app.js?cache=1                                                    | app.js",
            })
    void normalizesFiles(String sent, String normalized) {
        assertThat(FrameKeys.file(sent)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "  ",
                "Object",
                "object",
                "unknown",
                "Function",
                "<anonymous>",
                "[anonymous]",
                "global",
                "process",
                "Window",
                "line 12, column 5",
                "Line 1, Column 20",
            })
    void genericReceiversAndRaygun4jsPositionsAreNoClass(String className) {
        assertThat(FrameKeys.isUsableClass(className)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Module", "Timeout", "demo.Send", "java.lang.Object", "MyApp.Program+<>c"})
    void realClassesAreUsable(String className) {
        assertThat(FrameKeys.isUsableClass(className)).isTrue();
    }

    @Test
    void usableClassGivesClassAndMethod() {
        assertThat(FrameKeys.basisLine(Frame.of("demo.Send", "main", "Send.java", 51)))
                .isEqualTo("frame:demo.Send.main");
    }

    @Test
    void methodThatRepeatsItsClassIsNotPrefixedTwice() {
        assertThat(FrameKeys.basisLine(Frame.of("Module", "Module._compile", "node:internal/modules/cjs/loader", 1)))
                .isEqualTo("frame:Module._compile");
    }

    @Test
    void genericReceiverFallsBackToFileAndMethod() {
        assertThat(FrameKeys.basisLine(Frame.of("Object", "[anonymous]", "/srv/app/send.js", 20)))
                .isEqualTo("frame:/srv/app/send.js:[anonymous]");
    }

    @Test
    void raygun4jsPositionClassFallsBackToFileAndMethod() {
        Frame frame = Frame.of("line 12, column 5", "handleClick", "https://shop.example.com/js/app.js?v=9", 12);
        assertThat(FrameKeys.basisLine(frame)).isEqualTo("frame:/js/app.js:handleClick");
    }

    @Test
    void missingPartsAreQuestionMarks() {
        assertThat(FrameKeys.basisLine(Frame.of("unknown", "listOnTimeout", null, 581)))
                .isEqualTo("frame:?:listOnTimeout");
        assertThat(FrameKeys.basisLine(Frame.of(null, null, "/app.js", 3))).isEqualTo("frame:/app.js:?");
        assertThat(FrameKeys.basisLine(Frame.of("demo.Send", "", null, 3))).isEqualTo("frame:demo.Send.?");
    }

    @Test
    void rawOnlyFrameIsMasked() {
        Frame frame = new Frame(
                null, null, null, null, null, null, "3   MyApp    0x0000000104a8f3c8 -[ViewController tap:] + 120");
        assertThat(FrameKeys.basisLine(frame)).isEqualTo("raw:<num> MyApp <hex> -[ViewController tap:] + <num>");
    }

    @Test
    void nativeFrameGroupsByImageAndOffsetNotByLoadAddress() {
        Frame onePhone = new Frame(
                null, null, null, null, null, "0x0000000104463884", "0x10445c000 + 30852", "CrashLibiOS", 30852L);
        Frame otherPhone = new Frame(
                null, null, null, null, null, "0x0000000100a1f884", "0x100a18000 + 30852", "CrashLibiOS", 30852L);
        assertThat(FrameKeys.basisLine(onePhone)).isEqualTo("image:CrashLibiOS+0x7884");
        assertThat(FrameKeys.basisLine(otherPhone)).isEqualTo(FrameKeys.basisLine(onePhone));
        assertThat(FrameKeys.basisLine(new Frame(null, null, null, null, null, "0x1", null, "libsystem", null)))
                .isEqualTo("image:libsystem+?");
    }

    @Test
    void symbolsWinOverTheImage() {
        Frame frame = new Frame("ViewController", "tap", null, null, null, "0x1", null, "MyApp", 16L);
        assertThat(FrameKeys.basisLine(frame)).isEqualTo("frame:ViewController.tap");
    }

    @Test
    void frameWithNothingStableIsSkipped() {
        assertThat(FrameKeys.basisLine(new Frame("Object", " ", "", 12, 4, "0x1f", null)))
                .isNull();
    }

    @Test
    void lineBreaksInNamesStayOnOneBasisLine() {
        assertThat(FrameKeys.basisLine(Frame.of("demo.Send", "ma\nin", null, null)))
                .isEqualTo("frame:demo.Send.ma in");
    }

    @Test
    void hugeNamesAreCut() {
        String line = FrameKeys.basisLine(Frame.of("a".repeat(2_000), "main", null, null));
        assertThat(line).hasSize("frame:".length() + FrameKeys.MAX_PART_LENGTH);
    }
}
