package dev.faultline.protocols.appcenter;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The limits App Center enforced, which its SDKs expect.
 *
 * @param maxAttachmentBytes the largest attachment, decoded (App Center: 7 MB)
 * @param maxAge how far in the past a log's timestamp may lie (App Center: 25 days)
 * @param maxFuture how far in the future a log's timestamp may lie (App Center: 3 days)
 */
public record AppCenterLimits(int maxAttachmentBytes, Duration maxAge, Duration maxFuture) {

    /** App Center's own limits. */
    public static final AppCenterLimits APP_CENTER =
            new AppCenterLimits(7 * 1024 * 1024, Duration.ofDays(25), Duration.ofDays(3));

    public AppCenterLimits {
        requireNonNull(maxAge, "maxAge");
        requireNonNull(maxFuture, "maxFuture");
        if (maxAttachmentBytes <= 0 || maxAge.isNegative() || maxFuture.isNegative()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
