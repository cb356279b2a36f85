package dev.faultline.server.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TlsTest {
    @TempDir
    Path folder;

    private Javalin app;

    enum KeyFormat {
        RSA_PKCS8("RSA", "PRIVATE KEY"),
        RSA_PKCS1("RSA", "RSA PRIVATE KEY"),
        EC_PKCS8("EC", "PRIVATE KEY"),
        EC_SEC1("EC", "EC PRIVATE KEY"),
        ED25519_PKCS8("Ed25519", "PRIVATE KEY");

        final String algorithm;
        final String pemType;

        KeyFormat(String algorithm, String pemType) {
            this.algorithm = algorithm;
            this.pemType = pemType;
        }

        String pem(KeyPair keys) throws IOException {
            String pem = switch (this) {
                case RSA_PKCS8, EC_PKCS8, ED25519_PKCS8 ->
                    TestCertificates.pem(new JcaPKCS8Generator(keys.getPrivate(), null));
                case RSA_PKCS1 -> TestCertificates.pem(keys.getPrivate());
                case EC_SEC1 -> TestCertificates.pem(new PemObject(pemType, sec1(keys)));
            };
            assertThat(pem).startsWith("-----BEGIN " + pemType + "-----");
            return pem;
        }

        /**
         * As openssl writes it, with the curve and the public key; BouncyCastle's own conversion of
         * a JDK key leaves both out, and without the curve no reader can use the key.
         */
        private static byte[] sec1(KeyPair keys) throws IOException {
            SubjectPublicKeyInfo publicKey =
                    SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
            BigInteger secret = ((ECPrivateKey) keys.getPrivate()).getS();
            return new org.bouncycastle.asn1.sec.ECPrivateKey(
                            256,
                            secret,
                            publicKey.getPublicKeyData(),
                            publicKey.getAlgorithm().getParameters())
                    .getEncoded();
        }
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(KeyFormat.class)
    void servesHttpsNextToHttp(KeyFormat format) throws Exception {
        KeyPair keys = TestCertificates.keyPair(format.algorithm);
        X509Certificate certificate = TestCertificates.certificate("CN=localhost", keys, "CN=localhost", keys, false);
        Tls tls = Tls.fromPem(
                write("cert.pem", TestCertificates.pem(certificate)),
                write("key.pem", format.pem(keys)),
                "127.0.0.1",
                0);
        start(tls);

        HttpClient client = TestCertificates.clientTrusting(certificate);
        assertThat(get(client, "https://127.0.0.1:" + tls.port() + "/scheme")).isEqualTo("200 https");
        assertThat(get(client, "http://127.0.0.1:" + app.port() + "/scheme")).isEqualTo("200 http");
        assertThat(tls.port()).isNotEqualTo(app.port());
    }

    @Test
    void sendsTheChainToClientsThatTrustOnlyTheIssuer() throws Exception {
        KeyPair issuerKeys = TestCertificates.keyPair("RSA");
        X509Certificate issuer = TestCertificates.certificate("CN=Test CA", issuerKeys, "CN=Test CA", issuerKeys, true);
        KeyPair leafKeys = TestCertificates.keyPair("EC");
        X509Certificate leaf = TestCertificates.certificate("CN=localhost", leafKeys, "CN=Test CA", issuerKeys, false);
        Path fullchain = write("fullchain.pem", TestCertificates.pem(leaf) + TestCertificates.pem(issuer));
        Tls tls = Tls.fromPem(fullchain, write("key.pem", KeyFormat.EC_SEC1.pem(leafKeys)), "127.0.0.1", 0);
        start(tls);

        assertThat(get(TestCertificates.clientTrusting(issuer), "https://127.0.0.1:" + tls.port() + "/scheme"))
                .isEqualTo("200 https");
    }

    @Test
    void answersRequestsForHostsNotOnTheCertificate() throws Exception {
        KeyPair keys = TestCertificates.keyPair("RSA");
        X509Certificate certificate =
                TestCertificates.certificate("CN=crash.example.com", keys, "CN=crash.example.com", keys, false);
        Tls tls = Tls.fromPem(
                write("cert.pem", TestCertificates.pem(certificate)),
                write("key.pem", KeyFormat.RSA_PKCS8.pem(keys)),
                "127.0.0.1",
                0);
        start(tls);

        // a health check or container neighbour reaching the server by another name
        try (SSLSocket socket = (SSLSocket) TestCertificates.sslContextTrusting(certificate)
                .getSocketFactory()
                .createSocket("127.0.0.1", tls.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write("GET /scheme HTTP/1.1\r\nHost: faultline.internal\r\nConnection: close\r\n\r\n"
                            .getBytes(US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), US_ASCII);
            assertThat(response).startsWith("HTTP/1.1 200").endsWith("https");
        }
    }

    @Test
    void missingKeyFileFailsNamingIt() throws Exception {
        KeyPair keys = TestCertificates.keyPair("RSA");
        Path cert = write(
                "cert.pem",
                TestCertificates.pem(TestCertificates.certificate("CN=localhost", keys, "CN=localhost", keys, false)));
        Path missing = folder.resolve("no-such-key.pem");

        assertThatThrownBy(() -> Tls.fromPem(cert, missing, "127.0.0.1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TLS private key file not found: " + missing);
    }

    @Test
    void fileWithoutKeyFailsNamingIt() throws Exception {
        KeyPair keys = TestCertificates.keyPair("RSA");
        Path cert = write(
                "cert.pem",
                TestCertificates.pem(TestCertificates.certificate("CN=localhost", keys, "CN=localhost", keys, false)));

        assertThatThrownBy(() -> Tls.fromPem(cert, cert, "127.0.0.1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TLS private key " + cert + " holds no PEM private key");
    }

    @Test
    void certificateFileWithoutCertificateFailsNamingIt() throws Exception {
        Path key = write("key.pem", KeyFormat.RSA_PKCS8.pem(TestCertificates.keyPair("RSA")));

        assertThatThrownBy(() -> Tls.fromPem(key, key, "127.0.0.1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TLS certificate " + key + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }

    @Test
    void encryptedKeyFailsNamingIt() throws Exception {
        KeyPair keys = TestCertificates.keyPair("RSA");
        Path cert = write(
                "cert.pem",
                TestCertificates.pem(TestCertificates.certificate("CN=localhost", keys, "CN=localhost", keys, false)));
        Path key = write(
                "key.pem",
                TestCertificates.pem(new JcaPKCS8Generator(
                        keys.getPrivate(),
                        new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                                .setProvider(new BouncyCastleProvider())
                                .setPassword("secret".toCharArray())
                                .build())));

        assertThatThrownBy(() -> Tls.fromPem(cert, key, "127.0.0.1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TLS private key " + key + " is encrypted");
    }

    @ParameterizedTest
    @EnumSource(
            value = KeyFormat.class,
            names = {"RSA_PKCS8", "EC_SEC1"})
    void keyOfAnotherCertificateFailsNamingBothFiles(KeyFormat otherKey) throws Exception {
        KeyPair keys = TestCertificates.keyPair("RSA");
        Path cert = write(
                "cert.pem",
                TestCertificates.pem(TestCertificates.certificate("CN=localhost", keys, "CN=localhost", keys, false)));
        Path key = write("other-key.pem", otherKey.pem(TestCertificates.keyPair(otherKey.algorithm)));

        assertThatThrownBy(() -> Tls.fromPem(cert, key, "127.0.0.1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TLS private key " + key + " does not belong to the first certificate in "
                        + cert + " (CN=localhost)");
    }

    private void start(Tls tls) {
        app = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.startup.showOldJavalinVersionWarning = false;
                    config.jetty.host = "127.0.0.1";
                    config.jetty.port = 0;
                    config.routes.get("/scheme", ctx -> ctx.result(ctx.scheme()));
                    tls.addConnectors(config);
                })
                .start();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, US_ASCII);
    }

    private static String get(HttpClient client, String url) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
