package dev.faultline.protocols.raygun;

import static dev.faultline.protocols.raygun.Entries.RECEIVED_AT;
import static dev.faultline.protocols.raygun.Entries.withDetails;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.faultline.core.ingest.DropReason;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RaygunBulkTest {
    private final RaygunDecoder decoder = new RaygunDecoder(4096);

    @Test
    void eachElementIsDecodedInOrderWithItsOwnBytesAsOriginal() throws Exception {
        byte[] body = Files.readAllBytes(RaygunGoldenTest.FOLDER.resolve("raygun4node-2.2.8-bulk.input.json"));
        List<Decoded> entries = decoder.decodeBulk(body, RECEIVED_AT);

        assertThat(entries).hasSize(3).allMatch(Decoded.Accepted.class::isInstance);
        String text = new String(body, UTF_8);
        for (Decoded entry : entries) {
            Decoded.Accepted accepted = (Decoded.Accepted) entry;
            String original = new String(accepted.original(), UTF_8);
            assertThat(original).startsWith("{\"occurredOn\"").endsWith("}");
            assertThat(text).contains(original);
            assertThat(decoder.decode(accepted.original(), RECEIVED_AT)).isEqualTo(accepted);
        }
        assertThat(entries)
                .extracting(entry -> ((Decoded.Accepted) entry).report().error().message())
                .containsExactly("batched one", "batched two", "batched three (string)");
    }

    @Test
    void badElementsAreRejectedOneByOne() throws Exception {
        String good = withDetails("\"version\": \"1\"");
        String huge = withDetails("\"pad\": \"" + "x".repeat(5000) + "\"");
        String body = "[" + good + ", 42, {\"details\": {}}, " + huge + ", " + good + ",]";
        List<Decoded> entries = decoder.decodeBulk(body.getBytes(UTF_8), RECEIVED_AT);

        assertThat(entries).hasSize(5);
        assertThat(entries.get(0)).isInstanceOf(Decoded.Accepted.class);
        assertThat(entries.get(1))
                .isEqualTo(new Decoded.Rejected(DropReason.INVALID_REPORT, "entry must be a JSON object"));
        assertThat(entries.get(2)).isEqualTo(new Decoded.Rejected(DropReason.INVALID_REPORT, "occurredOn is missing"));
        assertThat(entries.get(3))
                .isEqualTo(new Decoded.Rejected(
                        DropReason.TOO_LARGE,
                        "entry is " + huge.getBytes(UTF_8).length + " bytes, more than the limit of 4096"));
        assertThat(entries.get(4)).isInstanceOf(Decoded.Accepted.class);
        assertThat(((Decoded.Accepted) entries.get(4)).original()).isEqualTo(good.getBytes(UTF_8));
    }

    @Test
    void emptyArrayHasNoEntries() throws Exception {
        assertThat(decoder.decodeBulk(" [ ] ".getBytes(UTF_8), RECEIVED_AT)).isEmpty();
    }

    @Test
    void multiByteTextKeepsByteExactSlices() throws Exception {
        String entry = withDetails("\"version\": \"ü😀\"");
        List<Decoded> entries = decoder.decodeBulk(("\uFEFF[" + entry + "]").getBytes(UTF_8), RECEIVED_AT);
        assertThat(((Decoded.Accepted) entries.getFirst()).original()).isEqualTo(entry.getBytes(UTF_8));
        assertThat(((Decoded.Accepted) entries.getFirst()).report().version()).isEqualTo("ü😀");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "hello                 | INVALID_JSON   | body is not valid JSON: Unrecognized token 'hello': was"
                        + " expecting (JSON String, Number (or 'NaN'/'+INF'/'-INF'), Array, Object or token 'null',"
                        + " 'true' or 'false') at line 1, column 1",
                "~~                    | INVALID_JSON   | body is not valid JSON: it is empty",
                "[{\"a\": 1}, {\"b\"   | INVALID_JSON   | body is not valid JSON: Unexpected end-of-input"
                        + " within/between Object entries at line 1, column 16",
                "[{}, }                | INVALID_JSON   | body is not valid JSON: Unexpected close marker '}':"
                        + " expected ']' at line 1, column 6",
                "{\"occurredOn\": 1}   | INVALID_REPORT | body must be a JSON array",
                "{\"occurredOn\": 1    | INVALID_JSON   | body is not valid JSON: Unexpected end-of-input: expected"
                        + " close marker for Object at line 1, column 17",
                "42                    | INVALID_REPORT | body must be a JSON array",
            })
    void unreadableArrayThrows(String body, DropReason reason, String message) {
        assertThatExceptionOfType(RaygunDecodeException.class)
                .isThrownBy(() -> decoder.decodeBulk(body.getBytes(UTF_8), RECEIVED_AT))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(reason))
                .withMessage(message);
    }
}
