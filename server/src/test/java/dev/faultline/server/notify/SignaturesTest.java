package dev.faultline.server.notify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignaturesTest {
    private static final byte[] BODY = "{\"event\":\"error_notification\"}".getBytes(UTF_8);

    @Test
    void aSignatureIsTheHmacOfTimestampDotBody() {
        // openssl: printf '1700000000.{"event":"error_notification"}' | openssl dgst -sha256 -hmac secret
        assertThat(Signatures.header("secret", 1_700_000_000L, BODY))
                .isEqualTo("t=1700000000,v1=1a0635850f9b8ce977e8c45566bb4729d487983ae6aba4994cb5970cb53fc2eb");
    }

    @Test
    void verifyAcceptsItsOwnSignatureWithinTheTolerance() {
        String header = Signatures.header("secret", 1_000, BODY);

        assertThat(Signatures.verify("secret", header, BODY, 1_200, 300)).isTrue();
        assertThat(Signatures.verify("secret", header, BODY, 1_400, 300)).isFalse();
        assertThat(Signatures.verify("other", header, BODY, 1_000, 300)).isFalse();
        assertThat(Signatures.verify("secret", header, "{}".getBytes(UTF_8), 1_000, 300))
                .isFalse();
        assertThat(Signatures.verify("secret", header.replace("t=1000", "t=1001"), BODY, 1_000, 300))
                .isFalse();
        assertThat(Signatures.verify("secret", "t=1000,v1=zz", BODY, 1_000, 300))
                .isFalse();
        assertThat(Signatures.verify("secret", null, BODY, 1_000, 300)).isFalse();
    }

    @Test
    void secretsAreRandomAndPrefixed() {
        assertThat(Signatures.newSecret()).startsWith("whsec_").hasSize(6 + 64).isNotEqualTo(Signatures.newSecret());
    }
}
