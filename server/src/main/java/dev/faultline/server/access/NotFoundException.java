package dev.faultline.server.access;

/**
 * What was asked for does not exist, or the principal may not see it; the two are answered the
 * same (404), so that no one learns what another team has.
 */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " does not exist", null, false, false);
    }
}
