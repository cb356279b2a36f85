package dev.faultline.server.http;

import static java.util.Objects.requireNonNull;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS (HTTP/1.1 over TLS) from a PEM certificate chain and a PEM private key, served next to
 * plain HTTP. The files are read and checked in {@link #fromPem}, so a wrong file fails start-up
 * with a message naming it. Keys may be PKCS#8 ({@code PRIVATE KEY}: RSA, EC, Ed25519), PKCS#1 RSA
 * ({@code RSA PRIVATE KEY}) or SEC1 EC ({@code EC PRIVATE KEY}), unencrypted.
 *
 * <p>One instance serves one Javalin; {@link #port()} may be called from any thread once it started.
 *
 * <p>Road not taken: Javalin's ssl-plugin reads PEM itself, but its newest release (6.7.0) is built
 * for Javalin 6 and its {@code onStart} is never called by Javalin 7 (javalin/javalin#2532).
 * sslcontext-kickstart-for-pem wraps the same BouncyCastle parser with two more jars.
 */
public final class Tls {
    // The key store only lives in memory, so its password protects nothing.
    private static final String KEY_STORE_PASSWORD = "faultline";

    private final KeyStore keyStore;
    private final String host;
    private final int port;
    private volatile ServerConnector connector;

    private Tls(KeyStore keyStore, String host, int port) {
        this.keyStore = keyStore;
        this.host = host;
        this.port = port;
    }

    /**
     * Reads and checks the certificate chain (leaf first, as in Let's Encrypt's {@code fullchain.pem})
     * and the private key.
     *
     * @param host the HTTPS interface; null for all of them
     * @param port the HTTPS port; 0 for any free one (see {@link #port()})
     * @throws IllegalArgumentException naming the file that is missing, unreadable, not PEM, or whose
     *     key does not belong to the certificate
     */
    public static Tls fromPem(Path certificateChain, Path privateKey, String host, int port) {
        requireNonNull(certificateChain, "certificateChain");
        requireNonNull(privateKey, "privateKey");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTPS port must be 0-65535, was " + port);
        }
        List<X509Certificate> chain = readCertificates(certificateChain);
        PrivateKey key = readPrivateKey(privateKey);
        checkKeyMatches(key, chain.get(0), privateKey, certificateChain);
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(
                    "faultline", key, KEY_STORE_PASSWORD.toCharArray(), chain.toArray(X509Certificate[]::new));
            return new Tls(keyStore, host, port);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(
                    "cannot use TLS key " + privateKey + " with certificate " + certificateChain + ": " + e, e);
        }
    }

    /**
     * Adds the HTTP connector on {@code config.jetty.host}/{@code config.jetty.port} and the HTTPS
     * one. Javalin adds its own HTTP connector only when none was added, so this adds both, HTTP
     * first: {@code Javalin.port()} keeps answering the HTTP port.
     */
    public void addConnectors(JavalinConfig config) {
        requireNonNull(config, "config");
        config.jetty.addConnector((server, httpConfig) -> {
            ServerConnector http = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
            http.setHost(config.jetty.host);
            http.setPort(config.jetty.port);
            return http;
        });
        config.jetty.addConnector(this::httpsConnector);
    }

    /** The port HTTPS is bound to, once the server started. */
    public int port() {
        ServerConnector bound = connector;
        if (bound == null || bound.getLocalPort() <= 0) {
            throw new IllegalStateException("HTTPS is not listening yet");
        }
        return bound.getLocalPort();
    }

    private ServerConnector httpsConnector(Server server, HttpConfiguration httpConfig) {
        SslContextFactory.Server sslContext = new SslContextFactory.Server();
        sslContext.setKeyStore(keyStore);
        sslContext.setKeyStorePassword(KEY_STORE_PASSWORD);
        HttpConfiguration httpsConfig = new HttpConfiguration(httpConfig);
        // Jetty's SNI host check answers 400 "Invalid SNI" when the Host header is not a name on the
        // certificate; with one certificate that only breaks clients using an IP or internal name.
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        httpsConfig.addCustomizer(secure);
        ServerConnector https = new ServerConnector(
                server,
                new SslConnectionFactory(sslContext, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(httpsConfig));
        https.setHost(host);
        https.setPort(port);
        connector = https;
        return https;
    }

    private static List<X509Certificate> readCertificates(Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object object : readPem(file, "certificate")) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    chain.add(converter.getCertificate(holder));
                } catch (GeneralSecurityException e) {
                    throw new IllegalArgumentException("TLS certificate " + file + " is not usable: " + e, e);
                }
            }
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException(
                    "TLS certificate " + file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    private static PrivateKey readPrivateKey(Path file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object object : readPem(file, "private key")) {
            try {
                if (object instanceof PrivateKeyInfo pkcs8) {
                    return converter.getPrivateKey(pkcs8);
                }
                if (object instanceof PEMKeyPair pkcs1OrSec1) {
                    // not getKeyPair(): the public key is optional in SEC1 EC keys
                    return converter.getPrivateKey(pkcs1OrSec1.getPrivateKeyInfo());
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("TLS private key " + file + " is not usable: " + e.getMessage(), e);
            }
            if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
                throw new IllegalArgumentException("TLS private key " + file
                        + " is encrypted; store it unencrypted (openssl pkey -in encrypted.pem -out key.pem)");
            }
        }
        throw new IllegalArgumentException("TLS private key " + file + " holds no PEM private key");
    }

    /** Every PEM object in the file; other blocks (EC PARAMETERS, a certificate next to a key) included. */
    private static List<Object> readPem(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("TLS " + what + " file not found: " + file);
        }
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file);
                PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read TLS " + what + " " + file + ": " + e, e);
        }
        return objects;
    }

    /**
     * The key store takes a key that belongs to another certificate, and the mistake would first show
     * as failing handshakes; so sign with the key and verify with the certificate's public key (a key
     * of another type fails {@code initVerify}).
     */
    private static void checkKeyMatches(PrivateKey key, X509Certificate leaf, Path keyFile, Path certificateFile) {
        PublicKey publicKey = leaf.getPublicKey();
        String mismatch = "TLS private key " + keyFile + " does not belong to the first certificate in "
                + certificateFile + " (" + leaf.getSubjectX500Principal() + ")";
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null; // an algorithm JSSE may still serve; the handshake will tell
        };
        if (algorithm == null) {
            return;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            if (!verifier.verify(signature)) {
                throw new IllegalArgumentException(mismatch);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(mismatch, e);
        }
    }
}
