package dev.faultline.server.ingest;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.ingest.AttachmentUpload;
import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.ingest.IngestItem;
import dev.faultline.core.ingest.SessionActivity;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Report;
import dev.faultline.protocols.appcenter.AppCenterDecodeException;
import dev.faultline.protocols.appcenter.AppCenterDecoder;
import dev.faultline.protocols.appcenter.AppCenterLimits;
import dev.faultline.protocols.appcenter.AppCenterLog;
import dev.faultline.server.Config;
import dev.faultline.server.http.JsonResponses;
import dev.faultline.server.ingest.Ingestor.Incoming;
import dev.faultline.server.ingest.Rejection.RejectedException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * App Center's ingest API: {@code POST /logs?api-version=1.0.0}, a batch of logs.
 *
 * <p>The Android and Apple SDKs delete every pending log when they get a status they do not retry
 * (any 4xx but 408 and 429), so the status decides whether data is lost. A batch is answered 200
 * when it could be read, even when some of its logs were invalid (those are dropped and counted);
 * 400 only when the body is not a batch at all, 401 without a valid app secret, 413 for a body over
 * the cap, and 429 or 503, which the SDKs retry, with both {@code Retry-After} and {@code
 * x-ms-retry-after-ms}.
 *
 * <p>A gzip request that carries one error log (how the crash SDKs send every crash) is stored as
 * the whole body, with the client's own deflate stream: nothing is compressed a second time, which
 * was the largest single cost of ingesting a crash. The decoder finds the log inside on read.
 */
public final class AppCenterEndpoint {
    private final Config config;
    private final AppKeys secrets;
    private final RateLimits rateLimits;
    private final Ingestor ingestor;
    private final AppCenterDecoder decoder;

    public AppCenterEndpoint(Config config, AppKeys secrets, RateLimits rateLimits, Ingestor ingestor) {
        this.config = requireNonNull(config, "config");
        this.secrets = requireNonNull(secrets, "secrets");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits");
        this.ingestor = requireNonNull(ingestor, "ingestor");
        this.decoder = new AppCenterDecoder(
                new AppCenterLimits(config.maxAttachmentBytes(), config.logMaxAge(), config.logMaxFuture()));
    }

    public void register(RoutesConfig routes) {
        routes.post("/logs", this::logs);
    }

    private void logs(Context ctx) throws IOException {
        App app = null;
        try {
            app = authenticate(ctx);
            Body body = readBody(ctx);
            Instant now = Instant.now();
            String installId = ctx.header("Install-ID");
            installId = installId == null || installId.isBlank() ? null : installId.strip();
            List<AppCenterLog> logs = decode(body.json(), installId, now);
            Batch batch = new Batch(app, installId, now);
            logs.forEach(batch::add);
            if (body.gzip() != null && logs.size() == 1 && batch.reports.size() == 1) {
                // one crash per request, as the SDKs send: store the client's compression as it is
                Incoming only = batch.reports.getFirst();
                batch.reports.set(
                        0, new Incoming(only.report(), body.json(), body.gzip().payload()));
            }
            throttle(app, batch.errors, logs.size());
            for (Map.Entry<DropReason, Integer> dropped : batch.dropped.entrySet()) {
                ingestor.countDropped(app.id(), dropped.getKey(), dropped.getValue());
            }
            int accepted = logs.size() - batch.droppedCount;
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("status", "Success");
            answer.put("accepted", accepted);
            answer.put("dropped", batch.droppedCount);
            App known = app;
            Answers.whenStored(
                    ctx,
                    ingestor.store(app, batch.reports, batch.others, accepted),
                    () -> JsonResponses.json(ctx, 200, answer),
                    rejected -> reject(ctx, known, rejected));
        } catch (RejectedException e) {
            reject(ctx, app, e);
        }
    }

    /** The logs of one request, sorted into what to store and what was dropped. */
    private static final class Batch {
        final App app;
        final String installId;
        final Instant receivedAt;
        final List<Incoming> reports = new ArrayList<>();
        final List<IngestItem> others = new ArrayList<>();
        final Map<DropReason, Integer> dropped = new LinkedHashMap<>();
        int droppedCount;
        int errors;

        Batch(App app, String installId, Instant receivedAt) {
            this.app = app;
            this.installId = installId;
            this.receivedAt = receivedAt;
        }

        void add(AppCenterLog log) {
            switch (log) {
                case AppCenterLog.ErrorReport error -> {
                    errors++;
                    reports.add(new Incoming(error.report(), error.original()));
                    Report report = error.report();
                    if (error.crashed() && error.sessionId() != null && report.version() != null) {
                        others.add(new SessionActivity(
                                app.id(), error.sessionId(), report.version(), report.occurredAt(), installId, true));
                    }
                }
                case AppCenterLog.Attachment attachment ->
                    others.add(new AttachmentUpload(
                            app.id(),
                            attachment.id(),
                            attachment.errorId(),
                            attachment.contentType(),
                            attachment.fileName(),
                            attachment.data(),
                            receivedAt));
                case AppCenterLog.SessionStart session ->
                    others.add(new SessionActivity(
                            app.id(), session.sessionId(), session.version(), session.at(), installId, false));
                case AppCenterLog.Accepted accepted -> {
                    // valid, and nothing Faultline keeps
                }
                case AppCenterLog.Rejected rejected -> {
                    dropped.merge(rejected.reason(), 1, Integer::sum);
                    droppedCount++;
                }
            }
        }
    }

    private App authenticate(Context ctx) throws RejectedException {
        String secret = ctx.header("App-Secret");
        if (secret == null || secret.isBlank()) {
            throw new RejectedException(
                    Rejection.of(DropReason.MISSING_KEY, "no app secret: send it in the App-Secret header"), 1);
        }
        return secrets.find(secret.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new RejectedException(
                        Rejection.of(DropReason.UNKNOWN_KEY, "the app secret matches no app"), 1));
    }

    /** Crashes and handled errors count against the app's rate limit; other logs do not. */
    private void throttle(App app, int errors, int logs) throws RejectedException {
        if (errors == 0) {
            return;
        }
        Duration wait = rateLimits.tryConsume(app, errors);
        if (wait != null) {
            throw new RejectedException(
                    new Rejection(
                            DropReason.RATE_LIMITED,
                            "the app's rate limit of " + app.rateLimitPerMinute()
                                    + " crashes and errors per minute is exceeded",
                            wait),
                    logs);
        }
    }

    /** A request body as JSON, and as the gzip it came in, if it did. */
    private record Body(byte[] json, BodyReader.Gunzipped gzip) {}

    private Body readBody(Context ctx) throws IOException, RejectedException {
        int cap = config.maxLogsBytes();
        try {
            byte[] body = BodyReader.read(ctx.req().getInputStream(), ctx.req().getContentLengthLong(), cap);
            if (!BodyReader.isGzip(ctx.header("Content-Encoding"))) {
                return new Body(body, null);
            }
            BodyReader.Gunzipped gunzipped = BodyReader.gunzip(body, cap);
            return new Body(gunzipped.inflated(), gunzipped);
        } catch (BodyReader.TooLargeException e) {
            throw new RejectedException(
                    Rejection.of(DropReason.TOO_LARGE, "a logs body may be at most " + cap + " bytes, inflated or not"),
                    1);
        } catch (BodyReader.NotGzipException e) {
            throw new RejectedException(Rejection.of(DropReason.INVALID_JSON, e.getMessage()), 1);
        }
    }

    private List<AppCenterLog> decode(byte[] body, String installId, Instant now) throws RejectedException {
        try {
            return decoder.decode(body, installId, now);
        } catch (AppCenterDecodeException e) {
            throw new RejectedException(Rejection.of(e.reason(), e.getMessage()), 1);
        }
    }

    private void reject(Context ctx, App app, RejectedException e) {
        Answers.reject(ctx, ingestor, app, e, status(e.rejection().reason()), true);
    }

    /** The one place that maps a drop reason to App Center's status codes. */
    static int status(DropReason reason) {
        return switch (reason) {
            case INVALID_JSON, INVALID_REPORT, INVALID_LOG, TIMESTAMP_OUT_OF_RANGE -> 400;
            case MISSING_KEY, UNKNOWN_KEY -> 401;
            case TOO_LARGE -> 413;
            case RATE_LIMITED -> 429;
            case OVERLOADED, STORAGE_ERROR -> 503;
            // accepted, then discarded by the store: never a reason to refuse a request
            case DISCARDED -> throw new IllegalArgumentException("a discarded report is accepted, not refused");
        };
    }
}
