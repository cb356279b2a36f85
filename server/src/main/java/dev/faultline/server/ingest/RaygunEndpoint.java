package dev.faultline.server.ingest;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.model.App;
import dev.faultline.protocols.raygun.Decoded;
import dev.faultline.protocols.raygun.RaygunDecodeException;
import dev.faultline.protocols.raygun.RaygunDecoder;
import dev.faultline.server.Config;
import dev.faultline.server.http.Cors;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Raygun's ingest API: {@code POST /entries} (one report) and {@code POST /entries/bulk} (a JSON
 * array of reports). Success is exactly 202: raygun4js and raygun4java resend on anything else.
 */
public final class RaygunEndpoint {
    private final Config config;
    private final AppKeys keys;
    private final RateLimits rateLimits;
    private final Ingestor ingestor;
    private final RaygunDecoder decoder;
    private final Cors cors;

    public RaygunEndpoint(Config config, AppKeys keys, RateLimits rateLimits, Ingestor ingestor) {
        this.config = requireNonNull(config, "config");
        this.keys = requireNonNull(keys, "keys");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits");
        this.ingestor = requireNonNull(ingestor, "ingestor");
        this.decoder = new RaygunDecoder(config.maxEntryBytes());
        this.cors = new Cors(config.corsOrigin());
    }

    public void register(RoutesConfig routes) {
        routes.before("/entries", cors::addHeaders);
        routes.before("/entries/bulk", cors::addHeaders);
        routes.options("/entries", cors::preflight);
        routes.options("/entries/bulk", cors::preflight);
        routes.post("/entries", this::single);
        routes.post("/entries/bulk", this::bulk);
    }

    private void single(Context ctx) throws IOException {
        App app = null;
        try {
            app = authenticate(ctx, 1);
            throttle(app, 1);
            byte[] body = readBody(ctx, config.maxEntryBytes(), "an entry");
            Decoded decoded = decoder.decode(body, Instant.now());
            answerWhenStored(ctx, app, ingestor.store(app, List.of(accepted(decoded))), () -> ctx.status(202));
        } catch (RejectedException e) {
            reject(ctx, app, e);
        }
    }

    private void bulk(Context ctx) throws IOException {
        App app = null;
        try {
            app = authenticate(ctx, 1);
            byte[] body = readBody(ctx, config.maxBulkBytes(), "a bulk body");
            List<Decoded> entries = decodeBulk(body);
            if (entries.size() > config.maxBulkEntries()) {
                throw new RejectedException(
                        Rejection.of(
                                DropReason.TOO_LARGE,
                                "the bulk body has " + entries.size() + " entries; the limit is "
                                        + config.maxBulkEntries()),
                        entries.size());
            }
            List<Incoming> incoming = new ArrayList<>(entries.size());
            for (Decoded entry : entries) {
                switch (entry) {
                    case Decoded.Accepted accepted ->
                        incoming.add(new Incoming(accepted.report(), accepted.original()));
                    case Decoded.Rejected rejected -> ingestor.countDropped(app.id(), rejected.reason(), 1);
                }
            }
            throttle(app, incoming.size());
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("accepted", incoming.size());
            counts.put("dropped", entries.size() - incoming.size());
            answerWhenStored(ctx, app, ingestor.store(app, incoming), () -> JsonResponses.json(ctx, 202, counts));
        } catch (RejectedException e) {
            reject(ctx, app, e);
        }
    }

    private void answerWhenStored(Context ctx, App app, CompletableFuture<?> stored, Runnable answer) {
        Answers.whenStored(ctx, stored, answer, rejected -> reject(ctx, app, rejected));
    }

    private App authenticate(Context ctx, int reports) throws RejectedException {
        String key = ctx.header("X-ApiKey");
        if (key == null || key.isBlank()) {
            key = queryParamIgnoringCase(ctx, "apikey");
        }
        if (key == null || key.isBlank()) {
            throw new RejectedException(
                    Rejection.of(
                            DropReason.MISSING_KEY,
                            "no API key: send it in the X-ApiKey header or the apikey query parameter"),
                    reports);
        }
        return keys.find(key.trim())
                .orElseThrow(() -> new RejectedException(
                        Rejection.of(DropReason.UNKNOWN_KEY, "the API key matches no app"), reports));
    }

    private static String queryParamIgnoringCase(Context ctx, String name) {
        for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
            if (param.getKey().equalsIgnoreCase(name) && !param.getValue().isEmpty()) {
                return param.getValue().getFirst();
            }
        }
        return null;
    }

    private void throttle(App app, int reports) throws RejectedException {
        Duration wait = rateLimits.tryConsume(app, reports);
        if (wait != null) {
            throw new RejectedException(
                    new Rejection(
                            DropReason.RATE_LIMITED,
                            "the app's rate limit of " + app.rateLimitPerMinute() + " reports per minute is exceeded",
                            wait),
                    reports);
        }
    }

    private static byte[] readBody(Context ctx, int cap, String what) throws IOException, RejectedException {
        try {
            byte[] body = BodyReader.read(ctx.req().getInputStream(), ctx.req().getContentLengthLong(), cap);
            return BodyReader.isGzip(ctx.header("Content-Encoding"))
                    ? BodyReader.gunzip(body, cap).inflated()
                    : body;
        } catch (BodyReader.TooLargeException e) {
            throw new RejectedException(
                    Rejection.of(DropReason.TOO_LARGE, what + " may be at most " + cap + " bytes"), 1);
        } catch (BodyReader.NotGzipException e) {
            throw new RejectedException(Rejection.of(DropReason.INVALID_JSON, e.getMessage()), 1);
        }
    }

    private List<Decoded> decodeBulk(byte[] body) throws RejectedException {
        try {
            return decoder.decodeBulk(body, Instant.now());
        } catch (RaygunDecodeException e) {
            throw new RejectedException(Rejection.of(e.reason(), e.getMessage()), 1);
        }
    }

    private static Incoming accepted(Decoded decoded) throws RejectedException {
        return switch (decoded) {
            case Decoded.Accepted accepted -> new Incoming(accepted.report(), accepted.original());
            case Decoded.Rejected rejected ->
                throw new RejectedException(Rejection.of(rejected.reason(), rejected.message()), 1);
        };
    }

    private void reject(Context ctx, App app, RejectedException e) {
        Answers.reject(ctx, ingestor, app, e, status(e.rejection().reason()), false);
    }

    /** The one place that maps a drop reason to Raygun's status codes. */
    static int status(DropReason reason) {
        return switch (reason) {
            case INVALID_JSON, INVALID_REPORT, INVALID_LOG, TIMESTAMP_OUT_OF_RANGE -> 400;
            case MISSING_KEY, UNKNOWN_KEY -> 403;
            case TOO_LARGE -> 413;
            case RATE_LIMITED -> 429;
            case OVERLOADED, STORAGE_ERROR -> 503;
            // accepted, then discarded by the store: never a reason to refuse a request
            case DISCARDED -> throw new IllegalArgumentException("a discarded report is accepted, not refused");
        };
    }
}
