package dev.faultline.storage.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.faultline.core.ingest.Payload;
import dev.faultline.core.model.Report;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Stores a normalized {@link Report} as deflate-compressed JSON and reads it back equal. Instants
 * are ISO-8601 strings; null record fields are left out, nulls inside free-form maps are kept (they
 * are part of what the SDK sent). Free-form numbers come back as JSON gives them: whole numbers as
 * {@code Integer} when they fit, else {@code Long} or {@code BigInteger}; fractions as {@code
 * Double}, which is also what the protocol decoders produce. Thread-safe.
 */
public final class ReportCodec {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
            .build();
    private static final ObjectWriter WRITER = MAPPER.writerFor(Report.class);
    private static final ObjectReader READER = MAPPER.readerFor(Report.class);

    private ReportCodec() {}

    /** The report as compressed JSON; {@link Payload#size()} is the size of the JSON. */
    public static Payload encode(Report report) {
        try {
            return Payload.compress(WRITER.writeValueAsBytes(report));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("report cannot be written as JSON", e);
        }
    }

    public static Report decode(Payload encoded) {
        try {
            return READER.readValue(encoded.decompress());
        } catch (IOException e) {
            throw new UncheckedIOException("stored report is not readable", e);
        }
    }
}
