package dev.faultline.core.grouping;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.faultline.core.model.ErrorInfo;
import dev.faultline.core.model.Frame;
import dev.faultline.core.model.Report;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprinterV1Test {
    private final FingerprinterV1 fingerprinter = new FingerprinterV1();

    private static final List<Frame> JAVA_FRAMES = List.of(
            Frame.of("demo.Send$$Lambda$12/0x0000000800c03000", "run", null, -1),
            Frame.of("demo.Send", "lambda$main$0", "Send.java", 51),
            Frame.of("demo.Send", "main", "Send.java", 40));

    @Test
    void algorithmIsV1() {
        assertThat(fingerprinter.algorithm()).isEqualTo("v1");
        assertThat(fingerprinter
                        .fingerprint(report(error("E", "m", JAVA_FRAMES), null))
                        .algorithm())
                .isEqualTo("v1");
    }

    @Test
    void stackBasisListsTypeAndNormalizedFrames() {
        ErrorInfo error = error("java.lang.IllegalStateException", "boom", JAVA_FRAMES);
        assertThat(fingerprinter.fingerprint(report(error, null)).basis()).isEqualTo("""
                        stack
                        type:java.lang.IllegalStateException
                        frame:demo.Send$$Lambda.run
                        frame:demo.Send.lambda$main
                        frame:demo.Send.main""");
    }

    @Test
    void hashIsTheFirst32HexDigitsOfTheBasisSha256() throws Exception {
        Fingerprint fingerprint = fingerprinter.fingerprint(report(error("E", "m", JAVA_FRAMES), null));
        byte[] digest =
                MessageDigest.getInstance("SHA-256").digest(fingerprint.basis().getBytes(UTF_8));
        assertThat(fingerprint.hash())
                .hasSize(32)
                .matches("[0-9a-f]{32}")
                .isEqualTo(HexFormat.of().formatHex(digest).substring(0, 32));
    }

    @Test
    void keyOfOneCharacterWins() {
        assertThat(basis(report(error("E", "m", JAVA_FRAMES), "a"))).isEqualTo("key:a");
    }

    @Test
    void keyOfHundredCharactersWins() {
        String key = "k".repeat(100);
        assertThat(basis(report(error("E", "m", JAVA_FRAMES), key))).isEqualTo("key:" + key);
    }

    @Test
    void keyCountsCharactersNotUtf16Units() {
        String key = "😀".repeat(100);
        assertThat(basis(report(error("E", "m", JAVA_FRAMES), key))).isEqualTo("key:" + key);
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 1000})
    void keyLongerThanHundredCharactersIsIgnored(int length) {
        assertThat(basis(report(error("E", "m", JAVA_FRAMES), "k".repeat(length))))
                .isEqualTo(basis(report(error("E", "m", JAVA_FRAMES), null)))
                .startsWith("stack\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void emptyOrBlankKeyIsIgnored(String key) {
        assertThat(basis(report(error("E", "m", JAVA_FRAMES), key))).startsWith("stack\n");
    }

    @Test
    void lineAndColumnNumbersDoNotChangeTheHash() {
        List<Frame> moved = List.of(
                new Frame("demo.Send$$Lambda$14/0x0000000800c04000", "run", null, -2, 7, null, null),
                new Frame("demo.Send", "lambda$main$3", "Send.java", 90, 12, null, null),
                new Frame("demo.Send", "main", "Send.java", 77, null, null, null));
        assertThat(hash(error("E", "m", moved))).isEqualTo(hash(error("E", "m", JAVA_FRAMES)));
    }

    @Test
    void messageDoesNotChangeTheHashWhenThereAreFrames() {
        assertThat(hash(error("E", "user 1", JAVA_FRAMES))).isEqualTo(hash(error("E", "other text", JAVA_FRAMES)));
    }

    @Test
    void differentTopFrameChangesTheHash() {
        List<Frame> other = List.of(Frame.of("demo.Receive", "run", null, -1), JAVA_FRAMES.get(1), JAVA_FRAMES.get(2));
        assertThat(hash(error("E", "m", other))).isNotEqualTo(hash(error("E", "m", JAVA_FRAMES)));
    }

    @Test
    void differentTypeChangesTheHash() {
        assertThat(hash(error("E1", "m", JAVA_FRAMES))).isNotEqualTo(hash(error("E2", "m", JAVA_FRAMES)));
    }

    @Test
    void onlyTheTopFiveUsableFramesCount() {
        List<Frame> six = List.of(
                Frame.of("Object", null, null, 1), // skipped: nothing stable
                Frame.of("a.A", "a", null, 1),
                Frame.of("b.B", "b", null, 1),
                Frame.of("c.C", "c", null, 1),
                Frame.of("d.D", "d", null, 1),
                Frame.of("e.E", "e", null, 1),
                Frame.of("f.F", "f", null, 1));
        List<Frame> sixthChanged = List.of(
                six.get(0), six.get(1), six.get(2), six.get(3), six.get(4), six.get(5), Frame.of("g.G", "g", null, 1));
        assertThat(basis(report(error("E", "m", six), null)))
                .endsWith("frame:e.E.e")
                .doesNotContain("f.F");
        assertThat(hash(error("E", "m", sixthChanged))).isEqualTo(hash(error("E", "m", six)));
    }

    @Test
    void withoutFramesTheMaskedFirstLineOfTheMessageCounts() {
        ErrorInfo error = error("Error", "  User 42 has no 'cart'\n  at line 3", List.of());
        assertThat(basis(report(error, null))).isEqualTo("""
                        message
                        type:Error
                        message:User <num> has no <str>""");
        assertThat(hash(error("Error", "User 7 has no 'basket'", List.of()))).isEqualTo(hash(error));
        assertThat(hash(error("Error", "Order 7 has no 'basket'", List.of()))).isNotEqualTo(hash(error));
    }

    @Test
    void framesWithNothingStableFallBackToTheMessage() {
        List<Frame> unusable = List.of(new Frame("Object", null, null, 3, 4, null, null));
        assertThat(basis(report(error("Error", "boom", unusable), null))).startsWith("message\n");
    }

    @Test
    void rawFramesAreUsedWhenThatIsAllThereIs() {
        List<Frame> raw = List.of(new Frame(null, null, null, null, null, null, "0  MyApp  0x00000001 main + 12"));
        assertThat(basis(report(error("NSException", "boom", raw), null)))
                .isEqualTo("stack\ntype:NSException\nraw:<num> MyApp <hex> main + <num>");
    }

    @Test
    void typeIsNormalizedLikeAClass() {
        assertThat(hash(error("demo.Send$1", "m", JAVA_FRAMES)))
                .isEqualTo(hash(error("demo.Send$2", "m", JAVA_FRAMES)));
    }

    @Test
    void nullReportIsRejected() {
        assertThatNullPointerException()
                .isThrownBy(() -> fingerprinter.fingerprint(null))
                .withMessage("report");
    }

    private String basis(Report report) {
        return fingerprinter.fingerprint(report).basis();
    }

    private String hash(ErrorInfo error) {
        return fingerprinter.fingerprint(report(error, null)).hash();
    }

    private static ErrorInfo error(String type, String message, List<Frame> frames) {
        return new ErrorInfo(type, message, frames, null, null, null);
    }

    private static Report report(ErrorInfo error, String groupingKey) {
        return new Report(
                "raygun",
                Instant.EPOCH,
                Instant.EPOCH,
                error,
                groupingKey,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
