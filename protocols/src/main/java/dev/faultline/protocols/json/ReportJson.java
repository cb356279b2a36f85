package dev.faultline.protocols.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of the normalized model ({@code Report} and its parts), shared by the REST API and
 * the golden tests.
 *
 * <p>Records are written with their components in declaration order, instants as ISO-8601 strings
 * ({@code 2024-05-01T12:34:56.789Z}), null components left out (null values inside free-form maps
 * are kept). Reading a report back from this JSON gives an equal report; unknown properties are
 * ignored on reading, so that JSON written by a newer version stays readable.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
            .build();

    private ReportJson() {}

    /**
     * The shared mapper. Thread-safe; it is shared, so never reconfigure it: derive a writer or
     * reader ({@code mapper().writerWithDefaultPrettyPrinter()}) for other needs.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
