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
}
