package dev.faultline.protocols.raygun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.grouping.Fingerprint;
import dev.faultline.core.grouping.FingerprinterV1;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Decodes and fingerprints every golden single entry many times in one JVM and requires the same
 * result every time. Why: Temurin 25.0.3's C2 once miscompiled the decoder (scalar replacement of
 * a small local list), so that after some thousand warm iterations an inner-error list came out
 * as {@code [null]} in about half the runs; unit tests, which run each input a few times, never
 * reach compiled code. Each golden input is repeated on its own, the one that triggered it first,
 * so that C2 compiles against one shape as it did then. It is a tripwire, not a proof: whether C2
 * goes wrong depends on the profile it compiles against.
 */
class RaygunDecoderSoakIT {
    private static final int ROUNDS_FIRST = 20_000;
    private static final int ROUNDS = 5_000;

    /** Comparing every result would change what C2 compiles; a throw surfaces at once anyway. */
    private static final int CHECK_EVERY = 1_000;

    /** The entry that made C2 miscompile, when compiled against it first. */
    private static final String FIRST = "raygun4node-2.2.8-single";

    @Test
    void decodingStaysTheSameOnceCompiled() throws Exception {
        RaygunDecoder decoder = new RaygunDecoder(131_072);
        FingerprinterV1 fingerprinter = new FingerprinterV1();
        Instant receivedAt = Instant.parse("2026-12-01T00:00:00Z");
        List<String> names = Stream.concat(
                        Stream.of(FIRST), RaygunGoldenTest.names().filter(name -> !name.endsWith("-bulk")))
                .distinct()
                .toList();
        for (String name : names) {
            byte[] body = Files.readAllBytes(RaygunGoldenTest.FOLDER.resolve(name + ".input.json"));
            Decoded first = decoder.decode(body, receivedAt);
            Fingerprint firstFingerprint = fingerprint(fingerprinter, first);
            int rounds = name.equals(FIRST) ? ROUNDS_FIRST : ROUNDS;
            for (int round = 1; round <= rounds; round++) {
                Decoded again = decoder.decode(body, receivedAt);
                if (round % CHECK_EVERY == 0) {
                    assertThat(again).as("%s, round %d", name, round).isEqualTo(first);
                    assertThat(fingerprint(fingerprinter, again))
                            .as("%s, round %d", name, round)
                            .isEqualTo(firstFingerprint);
                }
            }
        }
    }

    private static Fingerprint fingerprint(FingerprinterV1 fingerprinter, Decoded decoded) {
        return decoded instanceof Decoded.Accepted accepted ? fingerprinter.fingerprint(accepted.report()) : null;
    }
}
