package dev.faultline.server.notify;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.notify.Delivery;
import dev.faultline.core.notify.Outbox;
import dev.faultline.core.notify.Outcome;
import dev.faultline.core.notify.Webhook;
import dev.faultline.core.store.Store;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Posts due deliveries from the outbox, off the ingest path: every poll it takes a batch, sends each
 * post without waiting (the HTTP client's own threads carry them), waits for all, records their
 * outcomes in one transaction and takes the next batch at the next tick, so a slow receiver holds up
 * the others by at most the timeout. {@link Outbox#due} gives at most one delivery per webhook and
 * group, so a group's notifications arrive in order. A failure is retried after the first retry
 * wait, doubling each time up to an hour, until the retry period since the notification has passed;
 * then the delivery is failed. Each poll first sends the follow-ups that are due ({@link
 * FollowUpScheduler}). Thread-safe.
 */
public final class DeliveryWorker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final Outbox outbox;
    private final WebhookPayloads payloads;
    private final OutboundHttp http;
    private final FollowUpScheduler followUps;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration retryPeriod;
    private final DeliveryPacing pacing;
    private final DoubleSupplier cpuLoad;
    private final ScheduledExecutorService poller;
    private volatile boolean closed;

    private DeliveryWorker(
            Outbox outbox,
            WebhookPayloads payloads,
            OutboundHttp http,
            Clock clock,
            Duration firstRetry,
            Duration retryPeriod,
            DeliveryPacing pacing,
            DoubleSupplier cpuLoad) {
        this.outbox = outbox;
        this.payloads = payloads;
        this.http = http;
        this.followUps = new FollowUpScheduler(outbox, clock);
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.retryPeriod = retryPeriod;
        this.pacing = pacing;
        this.cpuLoad = cpuLoad;
        this.poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("faultline-webhooks").daemon().factory());
    }

    /**
     * Starts polling at {@code pacing}, the first time one poll interval from now, asking {@code
     * cpuLoad} how busy the machine is each poll ({@link DeliveryPacing#machineCpuLoad}).
     *
     * @param baseUrl the dashboard's address, for the links in payloads
     */
    public static DeliveryWorker start(
            Outbox outbox,
            Store store,
            OutboundHttp http,
            Clock clock,
            String baseUrl,
            Duration firstRetry,
            Duration retryPeriod,
            DeliveryPacing pacing,
            DoubleSupplier cpuLoad) {
        DeliveryWorker worker = new DeliveryWorker(
                requireNonNull(outbox, "outbox"),
                new WebhookPayloads(store, baseUrl),
                requireNonNull(http, "http"),
                requireNonNull(clock, "clock"),
                firstRetry,
                retryPeriod,
                requireNonNull(pacing, "pacing"),
                requireNonNull(cpuLoad, "cpuLoad"));
        long every = pacing.poll().toMillis();
        worker.poller.scheduleWithFixedDelay(worker::pollSafely, every, every, TimeUnit.MILLISECONDS);
        return worker;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // a failed poll (the store closing, a bug) must not end the schedule
            LOG.log(Level.WARNING, "webhook delivery poll failed", e);
        }
    }

    /**
     * Sends the due follow-ups, then posts one batch of due deliveries, a smaller one while the
     * machine is busy ({@link DeliveryPacing}). One batch per tick bounds the CPU delivery takes from
     * ingestion on a small machine: draining a backlog batch after batch was measured to halve ingest
     * throughput on 2 cores, and even one batch of 50 per tick took a sixth of it while ingestion
     * saturated the machine.
     */
    void poll() {
        int batch = pacing.batchAt(cpuLoad.getAsDouble());
        followUps.run(batch);
        if (closed) {
            return;
        }
        List<Delivery> due = outbox.due(clock.instant(), batch);
        if (!due.isEmpty()) {
            postAll(due);
        }
    }

    /**
     * Posts a batch concurrently and records the outcomes in one write transaction once all posts are
     * done: one commit per batch rather than per delivery, so that deliveries take the store's single
     * writer from ingestion as little as possible. The bodies are built first, on this thread, each
     * notification's once ({@link WebhookPayloads.Batch}), and each webhook is read once.
     */
    private void postAll(List<Delivery> due) {
        WebhookPayloads.Batch bodies = payloads.batch();
        Map<Long, Optional<Webhook>> webhooks = new HashMap<>();
        Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> posts = new ArrayList<>();
        for (Delivery delivery : due) {
            try {
                // deleted meanwhile, with its deliveries: nothing to record
                webhooks.computeIfAbsent(delivery.webhookId(), outbox::webhook).ifPresent(webhook -> {
                    Optional<byte[]> body = bodies.body(webhook.style(), delivery.notification());
                    if (body.isEmpty()) {
                        outcomes.add(
                                Outcome.failed(delivery.id(), null, "the group or its app no longer exists", 0, null));
                    } else {
                        posts.add(attempt(delivery, webhook, body.get()).thenAccept(outcomes::add));
                    }
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "delivery " + delivery.id() + " could not be attempted", e);
            }
        }
        CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).join();
        outbox.record(List.copyOf(outcomes));
    }

    /** Posts one delivery; a failure of any kind is an outcome to retry. */
    private CompletableFuture<Outcome> attempt(Delivery delivery, Webhook webhook, byte[] body) {
        CompletableFuture<OutboundHttp.Outcome> posting;
        try {
            posting = http.postAsync(URI.create(webhook.url()), body, headers(webhook, delivery, body));
        } catch (RuntimeException e) { // a bug, not the receiver: logged, and retried like a failure
            LOG.log(Level.WARNING, "delivery " + delivery.id() + " could not be attempted", e);
            return CompletableFuture.completedFuture(
                    Outcome.failed(delivery.id(), null, "internal error: " + e, 0, retryAt(delivery)));
        }
        return posting.thenApply(posted -> posted.succeeded()
                ? Outcome.delivered(delivery.id(), posted.status(), posted.durationMillis(), clock.instant())
                : Outcome.failed(
                        delivery.id(), posted.status(), posted.error(), posted.durationMillis(), retryAt(delivery)));
    }

    private Map<String, String> headers(Webhook webhook, Delivery delivery, byte[] body) {
        return Map.of(
                "Content-Type",
                "application/json",
                "User-Agent",
                "Faultline",
                Signatures.HEADER,
                Signatures.header(webhook.secret(), clock.instant().getEpochSecond(), body),
                "X-Faultline-Event",
                delivery.notification().type().wireName(),
                "X-Faultline-Delivery",
                Long.toString(delivery.id()));
    }

    /**
     * When to try again after this failure, or null to give up: the first retry wait times two to the
     * attempts made before this one, at most an hour, while within the retry period of the
     * notification. A resent old delivery therefore gets one attempt.
     */
    Instant retryAt(Delivery delivery) {
        Instant now = clock.instant();
        Duration wait = backoff(firstRetry, delivery.attempts());
        Instant next = now.plus(wait);
        return next.isAfter(delivery.notification().at().plus(retryPeriod)) ? null : next;
    }

    static Duration backoff(Duration first, int attemptsBefore) {
        if (attemptsBefore >= 20) {
            return MAX_BACKOFF;
        }
        Duration wait = first.multipliedBy(1L << attemptsBefore);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    @Override
    public void close() {
        closed = true;
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
