package dev.faultline.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection: head and body written with one call, the response read to its end. Sends
 * requests of any method and target, or prepared bytes ({@link SocketClient}'s stamped templates). It connects on the first send and
 * again after an I/O error. Not thread-safe: one per worker thread.
 */
final class KeepAliveConnection implements AutoCloseable {

    private static final byte[] NO_BODY = new byte[0];

    private final InetSocketAddress address;
    private final String hostHeader;
    private final int timeoutMillis;
    private Socket socket;
    private OutputStream out;
    private HttpResponseReader reader;

    KeepAliveConnection(String host, int port, int timeoutMillis) {
        this.address = new InetSocketAddress(host, port);
        this.hostHeader = host + ":" + port;
        this.timeoutMillis = timeoutMillis;
    }

    HttpResponse get(String target, Map<String, String> headers) throws IOException {
        return send("GET", target, headers, NO_BODY);
    }

    HttpResponse post(String target, Map<String, String> headers, byte[] body) throws IOException {
        return send("POST", target, headers, body);
    }

    /** Sends one request and reads the whole response; after an I/O error the connection is closed and rethrown. */
    private HttpResponse send(String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder(256)
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\nHost: ")
                .append(hostHeader)
                .append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body.length > 0 || method.equals("POST")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: keep-alive\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return exchange(request);
    }

    /**
     * Writes a prepared request (head and body in one array) and reads the whole response; after an I/O error the
     * connection is closed and the error rethrown.
     */
    HttpResponse exchange(byte[] request) throws IOException {
        try {
            if (socket == null) {
                open();
            }
            out.write(request);
            HttpResponse response = reader.read();
            if (!response.keepAlive()) {
                reset();
            }
            return response;
        } catch (IOException | RuntimeException e) {
            reset();
            throw e;
        }
    }

    private void open() throws IOException {
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.setSoTimeout(timeoutMillis);
            opened.connect(address, timeoutMillis);
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        socket = opened;
        out = opened.getOutputStream();
        reader = new HttpResponseReader(opened.getInputStream());
    }

    /** Closes the socket; the next send opens a new one. */
    void reset() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken socket: nothing left to do
            }
        }
        socket = null;
        out = null;
        reader = null;
    }

    @Override
    public void close() {
        reset();
    }
}
