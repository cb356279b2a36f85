package dev.faultline.server.api;

/** Ends an API request with an error status and the standard error body. */
final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " does not exist");
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "invalid_request", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
