package dev.faultline.server;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.grouping.FingerprinterV1;
import dev.faultline.core.store.BatchingReportLog;
import dev.faultline.core.store.DropCounter;
import dev.faultline.server.access.Access;
import dev.faultline.server.api.ApiRoutes;
import dev.faultline.server.api.WebhookRoutes;
import dev.faultline.server.http.JsonResponses;
import dev.faultline.server.http.Tls;
import dev.faultline.server.ingest.AppCenterEndpoint;
import dev.faultline.server.ingest.AppKeys;
import dev.faultline.server.ingest.Ingestor;
import dev.faultline.server.ingest.RateLimits;
import dev.faultline.server.ingest.RaygunEndpoint;
import dev.faultline.server.notify.DeliveryPacing;
import dev.faultline.server.notify.DeliveryWorker;
import dev.faultline.server.notify.EmailWorker;
import dev.faultline.server.notify.OutboundHttp;
import dev.faultline.server.notify.WebhookActions;
import dev.faultline.server.triage.Triage;
import dev.faultline.server.web.AccountPages;
import dev.faultline.server.web.AppPages;
import dev.faultline.server.web.AppSettingsPages;
import dev.faultline.server.web.Assets;
import dev.faultline.server.web.EmailPages;
import dev.faultline.server.web.GroupListPages;
import dev.faultline.server.web.GroupPages;
import dev.faultline.server.web.InvitePages;
import dev.faultline.server.web.Links;
import dev.faultline.server.web.Pages;
import dev.faultline.server.web.SignInPages;
import dev.faultline.server.web.SignInThrottle;
import dev.faultline.server.web.TeamPages;
import dev.faultline.server.web.Templates;
import dev.faultline.server.web.WebAuth;
import dev.faultline.server.web.WebRoutes;
import dev.faultline.server.web.WebhookPages;
import dev.faultline.storage.sqlite.SqliteStore;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A running Faultline: the store, the writer, the HTTP endpoints. The only place that wires
 * concrete classes together. {@link #close()} stops taking requests, commits everything queued and
 * closes the store.
 */
public final class FaultlineServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FaultlineServer.class.getName());

    private final SqliteStore store;
    private final BatchingReportLog reportLog;
    private final DropCounter drops;
    private final ScheduledExecutorService housekeeping;
    private final Javalin http;
    private final Tls tls;
    private final Links links;
    private final Config config;
    private final Templates templates = new Templates();
    private DeliveryWorker deliveries;
    private EmailWorker email;

    private FaultlineServer(Config config) {
        // read before anything opens, so that a bad certificate or key fails start-up cleanly
        this.tls =
                config.tls() ? Tls.fromPem(config.tlsCert(), config.tlsKey(), config.host(), config.httpsPort()) : null;
        this.config = config;
        this.store = SqliteStore.open(config.databaseFile());
        this.reportLog = new BatchingReportLog(store, config.writerQueue(), config.writerBatch());
        this.drops = new DropCounter(store);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("faultline-housekeeping").daemon().factory());
        housekeeping.scheduleWithFixedDelay(drops::flush, 1, 1, TimeUnit.SECONDS);

        Ingestor ingestor =
                new Ingestor(reportLog, new FingerprinterV1(), drops, config.writeTimeout(), config.retryAfter());
        RateLimits rateLimits = new RateLimits();
        RaygunEndpoint raygun =
                new RaygunEndpoint(config, AppKeys.apiKeys(store, config.keyCache()), rateLimits, ingestor);
        AppCenterEndpoint appCenter =
                new AppCenterEndpoint(config, AppKeys.appSecrets(store, config.keyCache()), rateLimits, ingestor);
        Clock clock = Clock.systemUTC();
        Access access = new Access(store);
        Triage triage = new Triage(store, store, access);
        // hourly, the first run a minute after start
        housekeeping.scheduleWithFixedDelay(new RetentionJob(store, clock), 1, 60, TimeUnit.MINUTES);
        ApiRoutes api = new ApiRoutes(store, store, access, triage, drops, config.maxApiPage(), clock);
        WebhookRoutes webhooks = new WebhookRoutes(store, store, access, config.maxApiPage(), clock);
        WebAuth auth = new WebAuth(store, config.sessionLifetime(), clock);
        Pages pages = new Pages(templates, Assets.fromWebjars(), auth);
        this.links = new Links(store, config.linkLifetime(), clock);
        SignInPages signIn = new SignInPages(
                store, auth, links, new SignInThrottle(config.signInFailures(), config.signInWindow()), pages);
        TeamPages teams = new TeamPages(store, store, links, pages, config.publicUrl(), clock);
        InvitePages invites = new InvitePages(store, auth, links, pages);
        AccountPages account = new AccountPages(
                store, auth, new SignInThrottle(config.signInFailures(), config.signInWindow()), pages);
        GroupListPages groupLists = new GroupListPages(store, store, access, triage, pages, clock);
        GroupPages groupPages = new GroupPages(store, store, access, triage, pages, clock);
        AppPages appPages = new AppPages(store, store, access, pages, clock);
        AppSettingsPages appSettings =
                new AppSettingsPages(store, store, access, drops, pages, clock, config.publicUrl(), config.keyGrace());
        WebhookPages webhookPages =
                new WebhookPages(store, store, access, new WebhookActions(store, store, clock), pages, clock);
        EmailPages emailPages =
                new EmailPages(store, store, store, pages, config.email().enabled());

        this.http = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.concurrency.useVirtualThreads = true;
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            javalin.http.maxRequestSize = config.maxRequestBytes();
            raygun.register(javalin.routes);
            appCenter.register(javalin.routes);
            if (tls != null) {
                tls.addConnectors(javalin);
            }
            WebRoutes.register(javalin, auth, pages);
            api.register(javalin.routes);
            webhooks.register(javalin.routes);
            signIn.register(javalin.routes);
            groupLists.register(javalin.routes);
            groupPages.register(javalin.routes);
            appPages.register(javalin.routes);
            appSettings.register(javalin.routes);
            webhookPages.register(javalin.routes);
            teams.register(javalin.routes);
            invites.register(javalin.routes);
            account.register(javalin.routes);
            emailPages.register(javalin.routes);
            javalin.routes.get("/health", ctx -> JsonResponses.json(ctx, 200, java.util.Map.of("status", "ok")));
            javalin.routes.error(404, ctx -> {
                if (!WebRoutes.notFoundPage(ctx, pages) && ctx.result() == null) {
                    JsonResponses.error(ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path());
                }
            });
            javalin.routes.exception(Exception.class, (e, ctx) -> {
                LOG.log(Level.SEVERE, "unexpected error on " + ctx.method() + " " + ctx.path(), e);
                if (WebAuth.isPage(ctx.path())) {
                    pages.message(
                            ctx, 500, "Something went wrong", "The server failed to show this page.", "/", "Home");
                } else {
                    JsonResponses.error(ctx, 500, "internal_error", "the server failed to handle this request");
                }
            });
        });
    }

    /** Opens the store under the configured data folder and starts listening. */
    public static FaultlineServer start(Config config) {
        return start(config, Clock.systemUTC());
    }

    /** As {@link #start(Config)}, with the clock of notifications and follow-ups (tests move it). */
    static FaultlineServer start(Config config, Clock notificationClock) {
        requireNonNull(config, "config");
        FaultlineServer server = new FaultlineServer(config);
        try {
            server.http.start();
            server.setupLink = server.links.firstAdminSetup(server.consoleUrl(config));
            server.deliveries = server.startDeliveries(notificationClock);
            if (config.email().enabled()) {
                server.email = EmailWorker.start(
                        server.store,
                        server.store,
                        server.templates,
                        notificationClock,
                        server.linkBase(),
                        config.email());
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private Optional<String> setupLink = Optional.empty();

    /** Started once the port is known, which the links in payloads may need. */
    private DeliveryWorker startDeliveries(Clock clock) {
        OutboundHttp outbound = new OutboundHttp(
                config.webhookTimeout(), config.webhookMaxResponseBytes(), config.webhookBlockPrivate());
        return DeliveryWorker.start(
                store,
                store,
                outbound,
                clock,
                linkBase(),
                config.webhookFirstRetry(),
                config.webhookRetryPeriod(),
                config.webhookPacing(),
                DeliveryPacing.machineCpuLoad());
    }

    /** The address links in webhook payloads and email start with. */
    private String linkBase() {
        return config.publicUrl() != null ? config.publicUrl() : "http://localhost:" + port();
    }

    /** The address links printed on the console start with. */
    private String consoleUrl(Config config) {
        if (config.publicUrl() != null) {
            return config.publicUrl();
        }
        String host = "0.0.0.0".equals(config.host()) ? "localhost" : config.host();
        return "http://" + host + ":" + port();
    }

    /**
     * The one-time link for creating the first administrator, made at start when no user existed;
     * empty otherwise.
     */
    public Optional<String> setupLink() {
        return setupLink;
    }

    /** The HTTP port actually bound (useful when the configured port is 0). */
    public int port() {
        return http.port();
    }

    /** The HTTPS port actually bound, or empty when HTTPS is not configured. */
    public OptionalInt httpsPort() {
        return tls == null ? OptionalInt.empty() : OptionalInt.of(tls.port());
    }

    public SqliteStore store() {
        return store;
    }

    /**
     * Stops in an order that answers every accepted request: the report log first (new reports get
     * 503, queued ones are committed and answered), then HTTP. Stopping HTTP first would cut off
     * clients whose reports still commit, and they would send them again.
     */
    @Override
    public void close() {
        reportLog.close();
        http.stop();
        if (email != null) {
            email.close();
        }
        if (deliveries != null) {
            deliveries.close();
        }
        housekeeping.shutdownNow();
        drops.flush();
        store.close();
    }
}
