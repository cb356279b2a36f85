package dev.faultline.core.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A session seen for an app: its start (App Center {@code startSession}) or a fatal crash that
 * happened in it. A session is counted once however often it is seen; a crash marks it crashed.
 * Sessions are counted per app, version and day (UTC) of their first sighting.
 *
 * @param sessionId the SDK's session id ({@code sid})
 * @param version the application version the session ran
 * @param at when the session started or crashed
 * @param installId the device's install id, or null
 * @param crashed whether this sighting is a fatal crash
 */
public record SessionActivity(
        long appId, String sessionId, String version, Instant at, String installId, boolean crashed)
        implements IngestItem {

    public SessionActivity {
        requireNonNull(sessionId, "sessionId");
        requireNonNull(version, "version");
        requireNonNull(at, "at");
    }
}
