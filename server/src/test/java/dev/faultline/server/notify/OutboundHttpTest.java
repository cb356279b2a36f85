package dev.faultline.server.notify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound helper against a real receiver on a loopback port. */
class OutboundHttpTest {
    private HttpServer receiver;
    private final AtomicInteger followed = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/ok", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "/target");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        receiver.createContext("/target", exchange -> {
            followed.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, endless in effect
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 1024; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the client stopped reading, as it should
            }
        });
        receiver.createContext("/slow", exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + path);
    }

    private static OutboundHttp.Outcome post(OutboundHttp http, URI url) {
        return http.postAsync(url, "{}".getBytes(UTF_8), Map.of("Content-Type", "application/json"))
                .join();
    }

    @Test
    void a2xxSucceeds() {
        OutboundHttp.Outcome outcome = post(new OutboundHttp(Duration.ofSeconds(5), 1024, false), url("/ok"));

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.status()).isEqualTo(204);
    }

    @Test
    void redirectsAreNotFollowed() {
        OutboundHttp.Outcome outcome = post(new OutboundHttp(Duration.ofSeconds(5), 1024, false), url("/redirect"));

        assertThat(outcome.status()).isEqualTo(302);
        assertThat(outcome.error()).isEqualTo("answered 302");
        assertThat(followed).hasValue(0);
    }

    @Test
    void aLargeAnswerIsReadOnlyUpToTheCap() {
        OutboundHttp.Outcome outcome = post(new OutboundHttp(Duration.ofSeconds(5), 1024, false), url("/huge"));

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.status()).isEqualTo(200);
    }

    @Test
    void aSlowReceiverTimesOut() {
        OutboundHttp.Outcome outcome = post(new OutboundHttp(Duration.ofSeconds(1), 1024, false), url("/slow"));

        assertThat(outcome.status()).isNull();
        assertThat(outcome.error()).isEqualTo("no answer within 1 s");
    }

    @Test
    void privateAddressesAreRefusedWhenAskedTo() {
        OutboundHttp.Outcome outcome = post(new OutboundHttp(Duration.ofSeconds(5), 1024, true), url("/ok"));

        assertThat(outcome.status()).isNull();
        assertThat(outcome.error())
                .isEqualTo("IllegalArgumentException: refused: 127.0.0.1 resolves to the non-public address 127.0.0.1");
    }

    @Test
    void privateLoopbackLinkLocalAndUnspecifiedAddressesAreNotPublic() throws IOException {
        for (String address : new String[] {
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "127.0.0.1",
            "169.254.169.254",
            "0.0.0.0",
            "::1",
            "fe80::1",
            "fd00::1",
            "::"
        }) {
            assertThat(OutboundHttp.isPrivate(InetAddress.getByName(address)))
                    .as(address)
                    .isTrue();
        }
        assertThat(OutboundHttp.isPrivate(InetAddress.getByName("93.184.216.34")))
                .isFalse();
        assertThat(OutboundHttp.isPrivate(InetAddress.getByName("2606:2800:220:1::1")))
                .isFalse();
    }

    @Test
    void onlyAbsoluteHttpUrlsAreWebhookUrls() {
        assertThat(OutboundHttp.checkedUrl(" https://hooks.example.com/x?y=1 ").toString())
                .isEqualTo("https://hooks.example.com/x?y=1");
        for (String bad :
                new String[] {"ftp://example.com/", "/relative", "http://", "not a url", "file:///etc/passwd"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutboundHttp.checkedUrl(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
