package dev.faultline.server;

import static dev.faultline.server.AppCenterClient.INSTALL_ID;
import static dev.faultline.server.AppCenterClient.fresh;
import static dev.faultline.server.AppCenterClient.resource;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.server.http.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in HTTPS that the App Center Android SDK needs: a crash sent over TLS with gzip, as
 * the SDK sends it, is stored; plain HTTP keeps working beside it.
 */
class AppCenterHttpsIT {
    @TempDir
    Path dataDir;

    @TempDir
    Path certificates;

    @Test
    void aGzippedCrashOverHttpsIsStored() throws Exception {
        TestCertificates.SelfSigned tls = TestCertificates.selfSigned(certificates, "RSA");
        X509Certificate certificate = tls.certificate();
        Map<String, String> settings = tls.settings();

        try (TestServer server = TestServer.start(dataDir, settings)) {
            int httpsPort = server.server.httpsPort().orElseThrow();
            HttpClient https = TestCertificates.clientTrusting(certificate);
            AppCenterClient client = new AppCenterClient(https, URI.create("https://127.0.0.1:" + httpsPort + "/"));

            HttpResponse<String> response = client.post(
                    server.app.appSecret(), INSTALL_ID, fresh(resource("android-5.0.6-2-managedError.json")), true);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.uri().getScheme()).isEqualTo("https");
            assertThat(server.api("/api/v1/apps/" + server.app.id() + "/groups")
                            .at("/items/0/className")
                            .asText())
                    .isEqualTo("java.lang.IllegalStateException");
            // an untrusting client refuses the self-signed certificate: it really is TLS
            AppCenterClient untrusting =
                    new AppCenterClient(HttpClient.newHttpClient(), URI.create("https://127.0.0.1:" + httpsPort + "/"));
            assertThatThrownBy(() -> untrusting.post(server.app.appSecret(), INSTALL_ID, "{}".getBytes(UTF_8), false))
                    .hasStackTraceContaining("javax.net.ssl.SSLHandshakeException");
        }
    }

    @Test
    void aMissingKeyFileStopsTheStartWithItsName() {
        Path missing = certificates.resolve("missing-key.pem");
        Map<String, String> settings = Map.of(
                "FAULTLINE_TLS_CERT", certificates.resolve("cert.pem").toString(),
                "FAULTLINE_TLS_KEY", missing.toString());

        assertThatThrownBy(() -> TestServer.start(dataDir, settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cert.pem");
    }
}
