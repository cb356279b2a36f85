package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class SplicedGzipTest {

    /** Writes the send number as four decimal digits. */
    private static final SplicedGzip.Value NUMBER = new SplicedGzip.Value() {
        @Override
        public int length() {
            return 4;
        }

        @Override
        public void write(byte[] buffer, int at, long sequence) {
            DateTimeStamp.digits(buffer, at, (int) (sequence % 10_000), 4);
        }
    };

    private static String gunzip(byte[] body) throws IOException {
        // GZIPInputStream checks the trailer's CRC-32 and length.
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everySendGunzipsToTheJsonWithItsOwnValues() throws IOException {
        String filler = "\"frames\":[" + "{\"className\":\"android.os.Looper\",\"lineNumber\":288},".repeat(40) + "{}]";
        String json = "{\"id\":\"AAAA\",\"x\":\"é\"," + filler + ",\"time\":\"BBBB\"}";
        SplicedGzip gzip = SplicedGzip.of(
                utf8(json), List.of(new SplicedGzip.Slot("BBBB", NUMBER), new SplicedGzip.Slot("AAAA", NUMBER)));
        byte[] buffer = gzip.body();

        gzip.write(buffer, 0, 1234);
        String first = gunzip(buffer);
        gzip.write(buffer, 0, 98);

        assertThat(first).isEqualTo(json.replace("AAAA", "1234").replace("BBBB", "1234"));
        assertThat(gunzip(buffer)).isEqualTo(json.replace("AAAA", "0098").replace("BBBB", "0098"));
        assertThat(buffer).hasSameSizeAs(gzip.body());
        assertThat(gzip.body().length).isLessThan(json.length() / 4); // the text between values is compressed
        assertThat(gzip.jsonLength()).isEqualTo(utf8(json).length);
        assertThat(gunzip(gzip.body())).isEqualTo(json); // valid before any send, too
    }

    @Test
    void valuesMaySitAtEitherEndAndSideBySide() throws IOException {
        SplicedGzip gzip = SplicedGzip.of(
                utf8("AAAABBBB{\"logs\":[]}CCCC"),
                List.of(
                        new SplicedGzip.Slot("AAAA", NUMBER),
                        new SplicedGzip.Slot("BBBB", NUMBER),
                        new SplicedGzip.Slot("CCCC", NUMBER)));
        byte[] buffer = new byte[3 + gzip.body().length];
        System.arraycopy(gzip.body(), 0, buffer, 3, gzip.body().length);

        gzip.write(buffer, 3, 7);

        assertThat(gunzip(java.util.Arrays.copyOfRange(buffer, 3, buffer.length)))
                .isEqualTo("00070007{\"logs\":[]}0007");
    }

    @Test
    void rejectsPlaceholdersThatAreMissingRepeatedOverlappingOrOfTheWrongLength() {
        assertThatThrownBy(() -> SplicedGzip.of(utf8("{}"), List.of(new SplicedGzip.Slot("AAAA", NUMBER))))
                .hasMessageContaining("exactly once");
        assertThatThrownBy(() -> SplicedGzip.of(utf8("AAAA AAAA"), List.of(new SplicedGzip.Slot("AAAA", NUMBER))))
                .hasMessageContaining("exactly once");
        assertThatThrownBy(() -> SplicedGzip.of(
                        utf8("AAAAA"),
                        List.of(new SplicedGzip.Slot("AAAA", NUMBER), new SplicedGzip.Slot("AAAA", NUMBER))))
                .hasMessageContaining("exactly once");
        assertThatThrownBy(() -> SplicedGzip.of(
                        utf8("xABCDEx"),
                        List.of(new SplicedGzip.Slot("ABCD", NUMBER), new SplicedGzip.Slot("CDEx", NUMBER))))
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> new SplicedGzip.Slot("AAA", NUMBER)).hasMessageContaining("is not 4 long");
    }
}
