package dev.faultline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A minimal blocking HTTP/1.1 client: one socket and one platform thread per connection; each request is one
 * prepared byte array (head and body) written with a single call, and the response is read to its end.
 *
 * <p>Chosen over the JDK {@code HttpClient} because the load generator shares the machine's cores with the
 * server it measures, so every CPU cycle it spends is taken from the server. Against the bare server on 2 cores
 * (64 connections, 10 s measured, see RATIONALE.md) this client spent about 26 us of bench CPU per request and
 * the server reached about 22,000 requests/s; {@code HttpClient} (HTTP/1.1, virtual threads) spent about 280 us
 * per request and the server reached about 4,000/s; this client on virtual threads spent about 64 us and
 * reached about 6,000/s. The JDK client stays selectable ({@code --client jdk}) so the comparison can be repeated.
 * Thread-safe; its connections are not.
 */
final class SocketClient implements LoadClient {

    private final Scenario scenario;
    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final byte[][] requests;
    private final int[] bodyStarts;

    SocketClient(Scenario scenario, String host, int port, int timeoutMillis) {
        this.scenario = scenario;
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
        List<RequestTemplate> templates = scenario.templates();
        this.requests = new byte[templates.size()][];
        this.bodyStarts = new int[templates.size()];
        for (int index = 0; index < templates.size(); index++) {
            RequestTemplate template = templates.get(index);
            byte[] head = head(template, host + ":" + port);
            byte[] request = new byte[head.length + template.body().length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(template.body(), 0, request, head.length, template.body().length);
            requests[index] = request;
            bodyStarts[index] = head.length;
        }
    }

    static byte[] head(RequestTemplate template, String hostHeader) {
        StringBuilder head = new StringBuilder(256)
                .append("POST ")
                .append(template.path())
                .append(" HTTP/1.1\r\nHost: ")
                .append(hostHeader)
                .append("\r\n");
        for (Map.Entry<String, String> header : template.headers().entrySet()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(template.body().length).append("\r\n");
        head.append("Connection: keep-alive\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public Connection connect() {
        return new SocketConnection();
    }

    @Override
    public Thread.Builder workerThreads() {
        // Platform threads: measured cheaper than virtual threads here, which add a poller hand-off to every
        // blocking read (see the class comment).
        return Thread.ofPlatform().daemon(true).name("load-socket-", 0).stackSize(256 * 1024);
    }

    @Override
    public void close() {}

    private final class SocketConnection implements Connection {

        private final byte[][] ownRequests = new byte[requests.length][];
        private final KeepAliveConnection connection = new KeepAliveConnection(host, port, timeoutMillis);

        SocketConnection() {
            for (int index = 0; index < requests.length; index++) {
                ownRequests[index] = requests[index].clone(); // stamped in place on every send
            }
        }

        @Override
        public HttpResponse send(int template, long sequence) throws IOException {
            byte[] request = ownRequests[template];
            scenario.templates().get(template).stamp(request, bodyStarts[template], sequence);
            return connection.exchange(request);
        }

        @Override
        public void reset() {
            connection.reset();
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
