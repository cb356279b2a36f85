package dev.faultline.protocols.raygun;

import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimingProbeTest {
    @Test
    void time() throws Exception {
        RaygunDecoder decoder = new RaygunDecoder(131072);
        for (String name :
                new String[] {"raygun4node-2.2.8-single", "raygun4java-3.0.0-send", "raygun4net-aggregate"}) {
            byte[] body = Files.readAllBytes(RaygunGoldenTest.FOLDER.resolve(name + ".input.json"));
            Instant now = Instant.now();
            int i = 0;
            for (; i < 300_000; i++) {
                try {
                    decoder.decode(body, now);
                } catch (RuntimeException e) {
                    System.out.println("PROBE " + name + " failed at iteration " + i + ": " + e);
                    StackTraceElement[] st = e.getStackTrace();
                    for (int k = 0; k < Math.min(12, st.length); k++) System.out.println("PROBE   at " + st[k]);
                    break;
                }
            }
            System.out.println("PROBE " + name + " ran " + i);
        }
    }
}
