package dev.faultline.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.protocols.json.ReportJson;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON answers, including the one error body shape every endpoint uses. */
public final class JsonResponses {
    private static final ObjectMapper MAPPER = ReportJson.mapper();

    private JsonResponses() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"error": "<reason code>", "message": "<what is wrong>"}}. */
    public static void error(Context ctx, int status, String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        json(ctx, status, body);
    }
}
