package dev.faultline.storage.testkit;

import dev.faultline.core.grouping.Fingerprint;
import dev.faultline.core.ingest.Ingest;
import dev.faultline.core.ingest.Payload;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Device;
import dev.faultline.core.model.ErrorInfo;
import dev.faultline.core.model.Frame;
import dev.faultline.core.model.Report;
import dev.faultline.core.model.UserInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the reports the contract writes: {@code report().fingerprint("a").at(t).ingest(app)}.
 * Defaults: fingerprint {@code f1} of algorithm {@code v1}, occurred and received at {@link
 * #T0}, an {@code IllegalStateException: boom}, no version, no user, no device, no tags, no log
 * id, and a small payload unique to the report. Not thread-safe; make one per report.
 */
public final class TestReport {
    /** The contract's reference time, on a whole hour. */
    public static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private static final AtomicLong PAYLOADS = new AtomicLong();

    private String algorithm = "v1";
    private String hash = "f1";
    private Instant occurredAt = T0;
    private Instant receivedAt = T0;
    private String type = "java.lang.IllegalStateException";
    private String message = "boom";
    private String version;
    private UserInfo user;
    private String installId;
    private String osName;
    private String model;
    private List<String> tags = List.of();
    private String logId;
    private byte[] payload;

    private TestReport() {}

    public static TestReport report() {
        return new TestReport();
    }

    public TestReport fingerprint(String hash) {
        this.hash = hash;
        return this;
    }

    public TestReport algorithm(String algorithm) {
        this.algorithm = algorithm;
        return this;
    }

    /** Occurred and received at {@code time}. */
    public TestReport at(Instant time) {
        this.occurredAt = time;
        this.receivedAt = time;
        return this;
    }

    public TestReport occurredAt(Instant occurredAt) {
        this.occurredAt = occurredAt;
        return this;
    }

    public TestReport receivedAt(Instant receivedAt) {
        this.receivedAt = receivedAt;
        return this;
    }

    public TestReport error(String type, String message) {
        this.type = type;
        this.message = message;
        return this;
    }

    public TestReport version(String version) {
        this.version = version;
        return this;
    }

    /** A user with this identifier and uuid, either possibly null. */
    public TestReport user(String identifier, String uuid) {
        this.user = new UserInfo(identifier, uuid, null, null, null, null);
        return this;
    }

    public TestReport installId(String installId) {
        this.installId = installId;
        return this;
    }

    /** A device with this operating system name. */
    public TestReport os(String osName) {
        this.osName = osName;
        return this;
    }

    /** A device of this model. */
    public TestReport device(String model) {
        this.model = model;
        return this;
    }

    public TestReport tags(String... tags) {
        this.tags = List.of(tags);
        return this;
    }

    public TestReport logId(String logId) {
        this.logId = logId;
        return this;
    }

    public TestReport payload(byte[] payload) {
        this.payload = payload.clone();
        return this;
    }

    public Report build() {
        Device device = installId == null && osName == null && model == null
                ? null
                : new Device(osName, null, model, null, null, null, null, installId, null);
        ErrorInfo error = new ErrorInfo(
                type, message, List.of(Frame.of("com.example.Checkout", "pay", "Checkout.java", 42)), null, null, null);
        return new Report(
                "raygun",
                occurredAt,
                receivedAt,
                error,
                null,
                version,
                null,
                null,
                user,
                device,
                tags,
                null,
                null,
                null,
                null,
                null,
                logId);
    }

    public Ingest ingest(App app) {
        return ingest(app.id());
    }

    public Ingest ingest(long appId) {
        byte[] raw = payload != null
                ? payload
                : ("{\"report\":" + PAYLOADS.incrementAndGet() + "}").getBytes(StandardCharsets.UTF_8);
        return new Ingest(
                appId, build(), new Fingerprint(algorithm, hash, type + " at Checkout.pay"), Payload.compress(raw));
    }
}
