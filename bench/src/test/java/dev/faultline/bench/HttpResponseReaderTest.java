package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {

    private static HttpResponseReader reader(String wire) {
        return new HttpResponseReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void readsKeepAliveResponsesOneAfterAnother() throws IOException {
        HttpResponseReader reader = reader("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 400 Bad Request\r\ncontent-length: 13\r\nContent-Type: text/plain\r\n\r\nmissing field");

        HttpResponse first = reader.read();
        HttpResponse second = reader.read();

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.body()).isEmpty();
        assertThat(first.keepAlive()).isTrue();
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.bodyText()).isEqualTo("missing field");
    }

    @Test
    void keepsHeadersInOrderAndFindsThemInAnyCase() throws IOException {
        HttpResponse response = reader("HTTP/1.1 302 Found\r\nLocation: /\r\n"
                        + "Set-Cookie: faultline_form=; Path=/; Max-Age=0\r\n"
                        + "set-cookie: faultline_session=abc; Path=/; HttpOnly\r\nContent-Length: 0\r\n\r\n")
                .read();

        assertThat(response.header("location")).isEqualTo("/");
        assertThat(response.header("X-Missing")).isNull();
        assertThat(response.headers("Set-Cookie"))
                .containsExactly("faultline_form=; Path=/; Max-Age=0", "faultline_session=abc; Path=/; HttpOnly");
    }

    @Test
    void readsChunkedBodiesWithExtensionsAndTrailers() throws IOException {
        HttpResponse response = reader("HTTP/1.1 429 Too Many Requests\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n")
                .read();

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.bodyText()).isEqualTo("hello, world");
        assertThat(response.keepAlive()).isTrue();
    }

    @Test
    void connectionCloseAndHttp10EndKeepAlive() throws IOException {
        assertThat(reader("HTTP/1.1 202 Accepted\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok")
                        .read()
                        .keepAlive())
                .isFalse();
        assertThat(reader("HTTP/1.0 202 Accepted\r\nContent-Length: 0\r\n\r\n")
                        .read()
                        .keepAlive())
                .isFalse();
    }

    @Test
    void bodyWithoutLengthRunsToTheEndOfTheStream() throws IOException {
        HttpResponse response = reader("HTTP/1.1 500 Server Error\r\n\r\nboom").read();

        assertThat(response.bodyText()).isEqualTo("boom");
        assertThat(response.keepAlive()).isFalse();
    }

    @Test
    void skipsInterimResponses() throws IOException {
        HttpResponse response = reader(
                        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n")
                .read();

        assertThat(response.status()).isEqualTo(202);
    }

    @Test
    void readsResponsesSplitIntoOneByteReads() throws IOException {
        byte[] wire = "HTTP/1.1 202 Accepted\r\nContent-Length: 3\r\n\r\n{ }".getBytes(StandardCharsets.ISO_8859_1);
        InputStream trickle = new ByteArrayInputStream(wire) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };

        HttpResponse response = new HttpResponseReader(trickle).read();

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.bodyText()).isEqualTo("{ }");
    }

    @Test
    void rejectsTruncatedAndMalformedResponses() {
        assertThatThrownBy(() -> reader("").read()).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> reader("HTTP/1.1 202 Accepted\r\nContent-Length: 10\r\n\r\nshort")
                        .read())
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> reader("SSH-2.0-OpenSSH\r\n\r\n").read())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not an HTTP/1.x status line");
    }
}
