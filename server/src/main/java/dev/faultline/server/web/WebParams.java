package dev.faultline.server.web;

import dev.faultline.core.model.GroupStatus;
import dev.faultline.server.access.NotFoundException;
import io.javalin.http.Context;

/** Reads ids and codes from paths and forms, with messages for the user. */
final class WebParams {

    private WebParams() {}

    /** A numeric path parameter; anything else names nothing, so 404. */
    static long pathId(Context ctx, String name) {
        String value = ctx.pathParam(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new NotFoundException(name.replace("Id", "") + " '" + value + "'");
        }
    }

    /** A number from a form; {@link IllegalArgumentException} naming {@code what} otherwise. */
    static long number(String value, String what) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number");
        }
    }

    static GroupStatus status(String code) {
        try {
            return GroupStatus.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Choose one of the statuses offered.");
        }
    }
}
