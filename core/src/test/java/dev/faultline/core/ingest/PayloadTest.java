package dev.faultline.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void roundTripsEmptySmallAndIncompressibleBodies() {
        byte[] random = new byte[200_000];
        new Random(7).nextBytes(random);
        byte[][] bodies = {
            new byte[0],
            "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
            random,
            "x".repeat(300_000).getBytes(StandardCharsets.UTF_8)
        };

        for (byte[] body : bodies) {
            Payload payload = Payload.compress(body);
            assertThat(payload.size()).isEqualTo(body.length);
            assertThat(payload.decompress()).isEqualTo(body);
            assertThat(Payload.ofCompressed(payload.compressed(), payload.size()))
                    .isEqualTo(payload);
        }
    }

    @Test
    void reusedDeflatersCarryNothingOverFromTheLastBody() {
        byte[] first = "first body, quite long ".repeat(50).getBytes(StandardCharsets.UTF_8);
        byte[] second = "second".getBytes(StandardCharsets.UTF_8);

        Payload once = Payload.compress(second);
        for (int i = 0; i < 100; i++) {
            Payload.compress(first);
        }
        Payload again = Payload.compress(second);

        assertThat(again).isEqualTo(once);
        assertThat(again.decompress()).isEqualTo(second);
    }

    @Test
    void compressesRepetitiveJson() {
        byte[] body = "{\"frame\":{\"className\":\"demo.Main\",\"line\":1}},"
                .repeat(100)
                .getBytes(StandardCharsets.UTF_8);

        assertThat(Payload.compress(body).compressed().length).isLessThan(body.length / 5);
    }

    @Test
    void aGzipBodysDeflateStreamBecomesAPayloadWithoutCompressingAgain() throws Exception {
        byte[] body = "{\"logs\":[{\"type\":\"managedError\"}]}".repeat(50).getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream gzip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gzip)) {
            out.write(body);
        }
        byte[] member = gzip.toByteArray();
        int header = 10; // GZIPOutputStream writes no optional header fields

        Payload payload = Payload.ofRawDeflate(member, header, member.length - header - 8, body);

        assertThat(payload.decompress()).isEqualTo(body);
        assertThat(payload.size()).isEqualTo(body.length);
        assertThat(payload.compressed()).hasSize(2 + member.length - header - 8 + 4);
        Payload wrongContent = Payload.ofRawDeflate(member, header, member.length - header - 8, new byte[body.length]);
        org.assertj.core.api.Assertions.assertThatThrownBy(wrongContent::decompress)
                .isInstanceOf(IllegalStateException.class);
    }
}
