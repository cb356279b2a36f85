package dev.faultline.bench;

/**
 * The statuses an SDK takes as delivered. The load generator counts those as successes and times only them; every
 * other status is an error.
 */
enum SuccessStatus {
    /** Raygun SDKs: 202 and nothing else; some resend a report answered 200, forever (CLIENTS.md). */
    EXACTLY_202,
    /** App Center SDKs: any 2xx; they do not read the body. */
    ANY_2XX;

    boolean matches(int status) {
        return switch (this) {
            case EXACTLY_202 -> status == 202;
            case ANY_2XX -> status >= 200 && status < 300;
        };
    }
}
