package dev.faultline.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tiny webhook receivers on loopback ports in the bench process: each answers every request 200 with no body and
 * counts it. They cost the bench little, so what the run measures is the server's cost of notifying. Thread-safe.
 */
final class WebhookReceivers implements AutoCloseable {

    private record Receiver(HttpServer server, AtomicLong posts) {}

    private final List<Receiver> receivers;

    private WebhookReceivers(List<Receiver> receivers) {
        this.receivers = List.copyOf(receivers);
    }

    /** Starts {@code count} receivers on free ports of {@code host}. */
    static WebhookReceivers start(String host, int count) {
        List<Receiver> receivers = new ArrayList<>();
        try {
            for (int index = 0; index < count; index++) {
                HttpServer server = HttpServer.create(new InetSocketAddress(host, 0), 64);
                AtomicLong posts = new AtomicLong();
                server.createContext("/", exchange -> {
                    try (exchange;
                            InputStream body = exchange.getRequestBody()) {
                        body.transferTo(OutputStream.nullOutputStream());
                        posts.incrementAndGet();
                        exchange.sendResponseHeaders(200, -1);
                    }
                });
                server.start();
                receivers.add(new Receiver(server, posts));
            }
        } catch (IOException e) {
            receivers.forEach(receiver -> receiver.server().stop(0));
            throw new BenchFailure("cannot start a webhook receiver on " + host + ": " + e.getMessage(), e);
        }
        return new WebhookReceivers(receivers);
    }

    /** The receivers' URLs, in order. */
    List<String> urls() {
        return receivers.stream()
                .map(receiver -> "http://" + receiver.server().getAddress().getHostString() + ":"
                        + receiver.server().getAddress().getPort() + "/hook")
                .toList();
    }

    /** Requests each receiver has had so far, in order. */
    List<Long> posts() {
        return receivers.stream().map(receiver -> receiver.posts().get()).toList();
    }

    @Override
    public void close() {
        receivers.forEach(receiver -> receiver.server().stop(0));
    }
}
