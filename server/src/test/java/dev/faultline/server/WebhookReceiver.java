package dev.faultline.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real webhook receiver on a loopback port: records every request and answers each path with the
 * statuses queued for it, then 200. A path queued with 302 redirects to {@code /redirected}.
 */
final class WebhookReceiver implements AutoCloseable {
    /** One request as received; header names in lower case. */
    record Received(String path, Map<String, String> headers, byte[] body) {}

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();

    WebhookReceiver() {
        this(0);
    }

    /** On {@code port}, or any free port when 0. */
    WebhookReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, headers, body));
            Deque<Integer> queued = answers.get(path);
            Integer status = queued == null ? null : queued.pollFirst();
            int answer = status == null ? 200 : status;
            if (answer == 302) {
                exchange.getResponseHeaders().add("Location", "/redirected");
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the next requests to {@code path} with these statuses, in order. */
    void answer(String path, Integer... statuses) {
        answers.computeIfAbsent(path, ignored -> new ConcurrentLinkedDeque<>()).addAll(java.util.List.of(statuses));
    }

    /** The next request to {@code path}, waiting up to 15 seconds; requests to other paths are kept. */
    Received next(String path) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            for (Received request : received) {
                if (request.path().equals(path) && received.remove(request)) {
                    return request;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("nothing was posted to " + path + " within 15 s; received " + received);
    }

    /** Everything received so far and not yet taken, oldest first. */
    java.util.List<Received> all() {
        return java.util.List.copyOf(received);
    }

    /** Whether anything has arrived at {@code path} (without taking it). */
    boolean got(String path) {
        return received.stream().anyMatch(request -> request.path().equals(path));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
