package dev.faultline.protocols.raygun;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Report;
import java.time.Instant;

/** Small entries for unit tests: a valid minimum with the fields under test spliced in. */
final class Entries {
    static final Instant RECEIVED_AT = Instant.parse("2026-12-01T00:00:00Z");
    static final RaygunDecoder DECODER = new RaygunDecoder(131_072);

    private Entries() {}

    /** A valid entry whose {@code details} also hold {@code detailsFields} (JSON members, comma-separated). */
    static String withDetails(String detailsFields) {
        return """
                {"occurredOn": "2024-05-01T12:34:56Z", "details": {
                  "error": {"className": "E", "message": "m"}, %s}}""".formatted(detailsFields);
    }

    /** A valid entry whose {@code details.error} also holds {@code errorFields}. */
    static String withError(String errorFields) {
        return """
                {"occurredOn": "2024-05-01T12:34:56Z", "details": {
                  "error": {"className": "E", "message": "m", %s}}}""".formatted(errorFields);
    }

    static Decoded decode(String json) {
        return DECODER.decode(json.getBytes(UTF_8), RECEIVED_AT);
    }

    static Report accept(String json) {
        Decoded decoded = decode(json);
        assertThat(decoded).isInstanceOf(Decoded.Accepted.class);
        return ((Decoded.Accepted) decoded).report();
    }
}
