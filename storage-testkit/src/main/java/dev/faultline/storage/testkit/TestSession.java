package dev.faultline.storage.testkit;

import static dev.faultline.storage.testkit.TestReport.T0;

import dev.faultline.core.ingest.SessionActivity;
import dev.faultline.core.model.App;
import java.time.Instant;

/**
 * Builds the session sightings the contract writes: {@code session("s1").version("1.1").start(app)}
 * or {@code .crash(app)}. Defaults: version {@code 1.0}, at {@link TestReport#T0}, no install id.
 * Not thread-safe; make one per sighting.
 */
public final class TestSession {
    private final String sessionId;
    private String version = "1.0";
    private Instant at = T0;
    private String installId;

    private TestSession(String sessionId) {
        this.sessionId = sessionId;
    }

    public static TestSession session(String sessionId) {
        return new TestSession(sessionId);
    }

    public TestSession version(String version) {
        this.version = version;
        return this;
    }

    public TestSession at(Instant at) {
        this.at = at;
        return this;
    }

    public TestSession installId(String installId) {
        this.installId = installId;
        return this;
    }

    /** The session's start. */
    public SessionActivity start(App app) {
        return start(app.id());
    }

    public SessionActivity start(long appId) {
        return new SessionActivity(appId, sessionId, version, at, installId, false);
    }

    /** A fatal crash in the session. */
    public SessionActivity crash(App app) {
        return new SessionActivity(app.id(), sessionId, version, at, installId, true);
    }
}
