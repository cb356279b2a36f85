package dev.faultline.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.server.http.JsonResponses;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/** Reads path parameters, paging parameters and JSON bodies, answering 400 for malformed ones. */
final class Params {
    static final int DEFAULT_PAGE = 50;

    private Params() {}

    static long id(Context ctx, String name) {
        return number(name, ctx.pathParam(name));
    }

    static long number(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a number, got '" + value + "'");
        }
    }

    static int limit(Context ctx, int maxPage) {
        String value = ctx.queryParam("limit");
        if (value == null || value.isBlank()) {
            return Math.min(DEFAULT_PAGE, maxPage);
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit < 1 || limit > maxPage) {
                throw ApiException.badRequest("limit must be between 1 and " + maxPage);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be a number, got '" + value + "'");
        }
    }

    /**
     * The body as a JSON object with no fields but {@code allowed}: a misspelt field is an error
     * rather than a change silently not made.
     */
    static JsonNode object(Context ctx, List<String> allowed) {
        JsonNode body;
        try {
            body = JsonResponses.mapper().readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest(
                        "unknown field '" + name + "'; the fields are " + String.join(", ", allowed));
            }
        }
        return body;
    }
}
