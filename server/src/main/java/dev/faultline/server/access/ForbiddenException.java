package dev.faultline.server.access;

/** The principal sees the thing but may not do this to it (a member managing an app, say): 403. */
public final class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message, null, false, false);
    }
}
