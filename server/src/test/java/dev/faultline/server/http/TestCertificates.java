package dev.faultline.server.http;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates and keys made at test time, and HTTP clients that trust them. */
public final class TestCertificates {
    private TestCertificates() {}

    public static HttpClient clientTrusting(X509Certificate certificate) throws Exception {
        return HttpClient.newBuilder()
                .sslContext(sslContextTrusting(certificate))
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    public static SSLContext sslContextTrusting(X509Certificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    public static KeyPair keyPair(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        switch (algorithm) {
            case "RSA" -> generator.initialize(2048);
            case "EC" -> generator.initialize(256);
            default -> {}
        }
        return generator.generateKeyPair();
    }

    /** Valid for localhost and 127.0.0.1 unless the subject names another host. */
    public static X509Certificate certificate(
            String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys, boolean authority)
            throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name(issuer),
                new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))),
                new X500Name(subject),
                subjectKeys.getPublic());
        if (authority) {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        } else if (subject.equals("CN=localhost")) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")
            }));
        }
        String signature = switch (issuerKeys.getPrivate().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(signature).build(issuerKeys.getPrivate())));
    }

    public static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    /**
     * A self-signed certificate for localhost with a new key of {@code algorithm}, written as PEM
     * files into {@code folder}, and the server settings that serve HTTPS with them on a free port.
     */
    public static SelfSigned selfSigned(Path folder, String algorithm) throws Exception {
        KeyPair keys = keyPair(algorithm);
        X509Certificate certificate = certificate("CN=localhost", keys, "CN=localhost", keys, false);
        Path cert = Files.writeString(folder.resolve("cert.pem"), pem(certificate));
        Path key = Files.writeString(folder.resolve("key.pem"), pem(new JcaPKCS8Generator(keys.getPrivate(), null)));
        return new SelfSigned(
                certificate,
                Map.of(
                        "FAULTLINE_TLS_CERT", cert.toString(),
                        "FAULTLINE_TLS_KEY", key.toString(),
                        "FAULTLINE_HTTPS_PORT", "0"));
    }

    /** A certificate and the settings that serve it; see {@link #selfSigned}. */
    public record SelfSigned(X509Certificate certificate, Map<String, String> settings) {}
}
