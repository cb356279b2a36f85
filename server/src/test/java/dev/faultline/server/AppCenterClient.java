package dev.faultline.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/** Sends {@code /logs} requests the way the App Center SDKs do, and the test bodies they send. */
final class AppCenterClient {
    static final String INSTALL_ID = "3f6b1b57-1c1d-4e0e-9a57-7a2c9b0c1d2e";

    private static final Pattern TIMESTAMP = Pattern.compile("(\"timestamp\"\\s*:\\s*\")[^\"]*(\")");

    private final HttpClient http;
    private final URI base;

    AppCenterClient(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** POSTs a body as the Android SDK does: lower-case parameter, JSON, gzip when asked. */
    HttpResponse<String> post(String secret, String installId, byte[] body, boolean gzip) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/logs?api-version=1.0.0"))
                .header("Content-Type", "application/json");
        if (secret != null) {
            request.header("App-Secret", secret);
        }
        if (installId != null) {
            request.header("Install-ID", installId);
        }
        if (gzip) {
            request.header("Content-Encoding", "gzip");
            body = gzip(body);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return TestServer.send(http, request);
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A fixture or doc sample from the test resources, as written. */
    static String resource(String name) {
        try (InputStream in = AppCenterClient.class.getResourceAsStream("/appcenter/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /appcenter/" + name);
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body with every {@code timestamp} set to now: the fixtures and doc samples carry the
     * dates they were written on, which fall out of the 25-day window as time passes.
     */
    static byte[] fresh(String body) {
        Matcher matcher = TIMESTAMP.matcher(body);
        return matcher.replaceAll("$1" + Instant.now() + "$2").getBytes(UTF_8);
    }

    /** A minimal valid managed error (a crash) with its own id and message. */
    static String crash(String id, String message, String sessionId, String version) {
        return """
                {"type":"managedError","timestamp":"%s","sid":"%s","device":{"sdkName":"appcenter.android",
                "sdkVersion":"5.0.6","osName":"Android","osVersion":"14","locale":"en_US","timeZoneOffset":0,
                "appVersion":"%s","appBuild":"1"},"id":"%s","processId":1,"processName":"demo","fatal":true,
                "exception":{"type":"java.lang.IllegalStateException","message":"%s","frames":[{"className":
                "demo.%s","methodName":"run","fileName":"Main.java","lineNumber":3}]}}""".formatted(Instant.now(), sessionId, version, id, message, message.replaceAll("[^A-Za-z]", ""));
    }

    static String startSession(String sessionId, String version) {
        return """
                {"type":"startSession","timestamp":"%s","sid":"%s","device":{"sdkName":"appcenter.android",
                "sdkVersion":"5.0.6","osName":"Android","osVersion":"14","locale":"en_US","timeZoneOffset":0,
                "appVersion":"%s","appBuild":"1"}}""".formatted(Instant.now(), sessionId, version);
    }

    static String attachment(String id, String errorId, String fileName, String base64) {
        return """
                {"type":"errorAttachment","timestamp":"%s","device":{"sdkName":"appcenter.android",
                "sdkVersion":"5.0.6","osName":"Android","osVersion":"14","locale":"en_US","timeZoneOffset":0,
                "appVersion":"1.0","appBuild":"1"},"id":"%s","errorId":"%s","contentType":"text/plain",
                "fileName":"%s","data":"%s"}""".formatted(Instant.now(), id, errorId, fileName, base64);
    }

    static byte[] logs(String... logs) {
        return ("{\"logs\":[" + String.join(",", logs) + "]}").getBytes(UTF_8);
    }
}
