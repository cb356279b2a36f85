package dev.faultline.server.notify;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way Faultline sends requests to URLs that users typed in: redirects are never followed,
 * connecting and the whole exchange have time limits, at most {@code maxResponseBytes} of the answer
 * are read (and thrown away: only the status matters), and optionally private, loopback, link-local
 * and unspecified addresses are refused. Thread-safe.
 */
public final class OutboundHttp {
    private final HttpClient client;
    private final Duration timeout;
    private final int maxResponseBytes;
    private final boolean blockPrivate;

    public OutboundHttp(Duration timeout, int maxResponseBytes, boolean blockPrivate) {
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
        this.blockPrivate = blockPrivate;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /**
     * How one request went.
     *
     * @param status the answer's status, or null when there was none
     * @param error why it failed, or null for a 2xx answer
     */
    record Outcome(Integer status, String error, long durationMillis) {
        boolean succeeded() {
            return error == null;
        }
    }

    /** A URL a webhook may have: absolute http or https with a host; fails with a message for the client. */
    public static URI checkedUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("url is not a valid URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("url must be an absolute http:// or https:// URL, got '" + url + "'");
        }
        return uri;
    }

    /**
     * POSTs {@code body} without waiting: the outcome completes on the client's own threads, never
     * exceptionally for what the receiver or the network did. The private-address check (a DNS
     * lookup) runs on the caller's thread.
     */
    CompletableFuture<Outcome> postAsync(URI url, byte[] body, Map<String, String> headers) {
        long started = System.nanoTime();
        try {
            if (blockPrivate) {
                refusePrivate(url.getHost());
            }
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(url).timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            CompletableFuture<HttpResponse<Long>> sent =
                    client.sendAsync(request.build(), info -> new Discarding(maxResponseBytes));
            // the request timeout ends at the answer's headers; this bounds the body too
            return sent.copy()
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((response, failure) -> {
                        if (failure == null) {
                            int status = response.statusCode();
                            String error = status >= 200 && status < 300 ? null : "answered " + status;
                            return new Outcome(status, error, millisSince(started));
                        }
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                        if (cause instanceof TimeoutException) {
                            sent.cancel(true);
                            return new Outcome(
                                    null, "no answer within " + timeout.toSeconds() + " s", millisSince(started));
                        }
                        return new Outcome(null, describe(cause), millisSince(started));
                    });
        } catch (IOException | IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(null, describe(e), millisSince(started)));
        }
    }

    /**
     * Checks every address the host resolves to. Road not taken: pinning the checked address for the
     * connection (the client resolves again, so a DNS answer that changes within the second could
     * slip through); the JDK client has no hook for it, and this setting is a guard for honest
     * mistakes and casual probing, not a sandbox.
     */
    private static void refusePrivate(String host) throws UnknownHostException {
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (isPrivate(address)) {
                throw new IllegalArgumentException(
                        "refused: " + host + " resolves to the non-public address " + address.getHostAddress());
            }
        }
    }

    static boolean isPrivate(InetAddress address) {
        boolean uniqueLocal = address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
        return address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()
                || uniqueLocal;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String kind = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** Counts the answer's bytes up to a cap, keeps none, and stops reading at the cap. */
    private static final class Discarding implements HttpResponse.BodySubscriber<Long> {
        private final CompletableFuture<Long> result = new CompletableFuture<>();
        private final long cap;
        private Flow.Subscription subscription;
        private long read;

        Discarding(long cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<Long> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                read += buffer.remaining();
            }
            if (read >= cap) {
                subscription.cancel();
                result.complete(read);
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(read);
        }
    }
}
