package dev.faultline.bench;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK {@code HttpClient} over HTTP/1.1 with one virtual thread per connection; its pool opens as many
 * connections as there are requests in flight. Kept for comparison with {@link SocketClient}. Thread-safe.
 */
final class JdkClient implements LoadClient {

    private final Scenario scenario;
    private final String baseUri;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;

    JdkClient(Scenario scenario, String host, int port, int timeoutMillis) {
        this.scenario = scenario;
        this.baseUri = "http://" + host + ":" + port;
        this.timeout = Duration.ofMillis(timeoutMillis);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    @Override
    public Connection connect() {
        return new JdkConnection();
    }

    @Override
    public Thread.Builder workerThreads() {
        return Thread.ofVirtual().name("load-jdk-", 0);
    }

    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdownNow();
    }

    private final class JdkConnection implements Connection {

        private final List<RequestTemplate> templates = scenario.templates();
        private final byte[][] bodies = new byte[templates.size()][];
        private final URI[] uris = new URI[templates.size()];

        JdkConnection() {
            for (int index = 0; index < bodies.length; index++) {
                bodies[index] = templates.get(index).body().clone(); // stamped in place on every send
                uris[index] = URI.create(baseUri + templates.get(index).path());
            }
        }

        @Override
        public HttpResponse send(int template, long sequence) throws IOException {
            RequestTemplate requestTemplate = templates.get(template);
            byte[] body = bodies[template];
            requestTemplate.stamp(body, 0, sequence);
            HttpRequest.Builder request = HttpRequest.newBuilder(uris[template])
                    .timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            requestTemplate.headers().forEach(request::header);
            try {
                java.net.http.HttpResponse<byte[]> response = client.send(request.build(), BodyHandlers.ofByteArray());
                List<Map.Entry<String, String>> headers = new ArrayList<>();
                response.headers()
                        .map()
                        .forEach((name, values) -> values.forEach(value -> headers.add(Map.entry(name, value))));
                return new HttpResponse(response.statusCode(), headers, response.body(), true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
        }

        @Override
        public void reset() {}

        @Override
        public void close() {}
    }
}
