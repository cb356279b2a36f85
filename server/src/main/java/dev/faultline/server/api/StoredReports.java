package dev.faultline.server.api;

import dev.faultline.core.model.Report;
import dev.faultline.core.store.StoredEvent;
import dev.faultline.protocols.appcenter.AppCenterDecoder;
import dev.faultline.protocols.appcenter.AppCenterLimits;
import dev.faultline.protocols.raygun.Decoded;
import dev.faultline.protocols.raygun.RaygunDecoder;
import java.util.Optional;

/**
 * Normalizes a stored payload again with its protocol's decoder. The decoders are deterministic,
 * so this gives the report that was grouped at ingest (or, after a decoder improvement, a better
 * one). Thread-safe.
 */
public final class StoredReports {
    /** No size limit on read: the payload was within the limit in force when it was accepted. */
    private static final RaygunDecoder RAYGUN = new RaygunDecoder(Integer.MAX_VALUE);

    /** Reading back skips the timestamp window; the limits only matter on arrival. */
    private static final AppCenterDecoder APP_CENTER = new AppCenterDecoder(AppCenterLimits.APP_CENTER);

    private StoredReports() {}

    /** The normalized report, or empty when no decoder of this version can read the payload. */
    public static Optional<Report> report(StoredEvent event) {
        return switch (event.protocol()) {
            case "raygun" ->
                switch (RAYGUN.decode(event.payload().decompress(), event.receivedAt())) {
                    case Decoded.Accepted accepted -> Optional.of(accepted.report());
                    case Decoded.Rejected rejected -> Optional.empty();
                };
            case "appcenter" -> {
                try {
                    yield Optional.of(
                            APP_CENTER.report(event.payload().decompress(), event.installId(), event.receivedAt()));
                } catch (IllegalArgumentException e) {
                    yield Optional.empty();
                }
            }
            default -> Optional.empty();
        };
    }
}
