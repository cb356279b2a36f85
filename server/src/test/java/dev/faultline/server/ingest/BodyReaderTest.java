package dev.faultline.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BodyReaderTest {

    @Test
    void readsABodyOfTheDeclaredLength() throws Exception {
        assertThat(BodyReader.read(stream(100), 100, 100)).hasSize(100);
    }

    @Test
    void refusesADeclaredLengthOverTheCapWithoutReading() {
        InputStream never = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read although the declared length is over the cap");
            }
        };

        assertThatThrownBy(() -> BodyReader.read(never, 101, 100)).isInstanceOf(BodyReader.TooLargeException.class);
    }

    @Test
    void chunkedBodiesAreCappedWhileReading() throws Exception {
        assertThat(BodyReader.read(stream(100), -1, 100)).hasSize(100);
        assertThatThrownBy(() -> BodyReader.read(stream(101), -1, 100))
                .isInstanceOf(BodyReader.TooLargeException.class);
    }

    private static InputStream stream(int length) {
        return new ByteArrayInputStream(new byte[length]);
    }

    private static byte[] gzip(byte[] body) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.toByteArray();
    }

    @org.junit.jupiter.api.Test
    void gunzipKeepsTheDeflateStreamOfOneMemberAsThePayload() throws Exception {
        byte[] json = "{\"logs\":[]}".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        BodyReader.Gunzipped one = BodyReader.gunzip(gzip(json), 1 << 20);

        org.assertj.core.api.Assertions.assertThat(one.inflated()).isEqualTo(json);
        org.assertj.core.api.Assertions.assertThat(one.gzip()).isNotNull();
        org.assertj.core.api.Assertions.assertThat(one.payload().decompress()).isEqualTo(json);

        byte[] twoMembers = java.util.Arrays.copyOf(gzip(json), gzip(json).length * 2);
        System.arraycopy(gzip(json), 0, twoMembers, gzip(json).length, gzip(json).length);
        BodyReader.Gunzipped two = BodyReader.gunzip(twoMembers, 1 << 20);
        org.assertj.core.api.Assertions.assertThat(two.inflated()).hasSize(json.length * 2);
        org.assertj.core.api.Assertions.assertThat(two.gzip()).isNull();
        org.assertj.core.api.Assertions.assertThat(two.payload().decompress()).hasSize(json.length * 2);
    }

    @org.junit.jupiter.api.Test
    void gunzipReadsOptionalHeaderFields() throws Exception {
        byte[] plain = gzip("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // the same member with FNAME "a.json" and FCOMMENT "c"
        byte[] named = new byte[plain.length + 9];
        System.arraycopy(plain, 0, named, 0, 10);
        named[3] = 0x18;
        byte[] fields = {'a', '.', 'j', 's', 'o', 'n', 0, 'c', 0};
        System.arraycopy(fields, 0, named, 10, fields.length);
        System.arraycopy(plain, 10, named, 19, plain.length - 10);

        org.assertj.core.api.Assertions.assertThat(
                        new String(BodyReader.gunzip(named, 100).inflated()))
                .isEqualTo("hello");
    }

    @org.junit.jupiter.api.Test
    void gunzipRefusesCorruptTruncatedAndOversizedBodies() throws Exception {
        byte[] body = gzip(new byte[10_000]);
        byte[] badCrc = body.clone();
        badCrc[badCrc.length - 8] ^= 1;
        byte[] truncated = java.util.Arrays.copyOf(body, body.length - 12);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BodyReader.gunzip(badCrc, 1 << 20))
                .isInstanceOf(BodyReader.NotGzipException.class)
                .hasMessage("body is not valid gzip: its checksum does not match");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BodyReader.gunzip(truncated, 1 << 20))
                .isInstanceOf(BodyReader.NotGzipException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> BodyReader.gunzip("not gzip at all, really".getBytes(), 1 << 20))
                .isInstanceOf(BodyReader.NotGzipException.class)
                .hasMessage("body is not valid gzip: it does not start with a gzip header");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BodyReader.gunzip(body, 9_999))
                .isInstanceOf(BodyReader.TooLargeException.class);
        org.assertj.core.api.Assertions.assertThat(
                        BodyReader.gunzip(body, 10_000).inflated())
                .hasSize(10_000);
    }
}
