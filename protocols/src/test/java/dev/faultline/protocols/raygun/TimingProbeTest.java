package dev.faultline.protocols.raygun;

import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimingProbeTest {
    @Test
    void time() throws Exception {
        RaygunDecoder decoder = new RaygunDecoder(131072);
        byte[] body = Files.readAllBytes(RaygunGoldenTest.FOLDER.resolve("raygun4node-2.2.8-single.input.json"));
        Instant now = Instant.now();
        for (int i = 0; i < 200_000; i++) {
            try {
                decoder.decode(body, now);
            } catch (RuntimeException e) {
                System.out.println("PROBE failed at iteration " + i + ": " + e);
                throw e;
            }
        }
        System.out.println("PROBE ok");
    }
}
