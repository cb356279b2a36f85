package dev.faultline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The App Center scenario: crashes as the Android SDK 5.0.6 sends them, one {@code managedError} log per request
 * to {@code /logs}, gzipped because the body is over the SDK's 1,400-byte threshold. The log is the SDK's own
 * serialization (the managedError fixture) with a real-sized stack read from {@code printStackTrace} text. Each
 * template is one install (its {@code Install-ID}, session, user, device and crash); every send gets a fresh log
 * {@code id} and recent times through {@link SplicedGzip}, so the server stores each request as a new event.
 */
final class AppCenterScenario {

    static final String PATH = "/logs?api-version=1.0.0";
    static final String APP_SECRET = "3f6d2a1c-8b4e-4c7a-9e05-b1d2c3a4f5e6";
    static final int INSTALLS = 300;
    /** The Android SDK gzips a body of this many bytes or more; a crash with its stack always is. */
    static final int GZIP_THRESHOLD = 1400;

    private static final String API_KEY = "BENCH_KEY"; // unused by App Center SDKs; fixed so every run's app is alike
    private static final String FIXTURE = "android-5.0.6-2-managedError.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ID = "~id~".repeat(9);
    private static final String TIMESTAMP = "~timestamp~~".repeat(2);
    private static final String LAUNCH = "~launch~~~~~".repeat(2);
    private static final String NEW_GROUP = "~new-group~~~~~";
    private static final List<SplicedGzip.Slot> SLOTS = List.of(
            new SplicedGzip.Slot(ID, new LogId()),
            new SplicedGzip.Slot(TIMESTAMP, new LogTime(0)),
            new SplicedGzip.Slot(LAUNCH, new LogTime(90_000)));

    /** A crash one release of the app sends; the same trace in two releases is one group seen in two versions. */
    private record Crash(String trace, String appVersion, String appBuild, int threadId, String threadName) {}

    private record Device(
            String model, String oemName, String osVersion, String osBuild, int osApiLevel, String locale) {}

    private static final List<Crash> CRASHES = List.of(
            new Crash("token-refresh.txt", "1.2.3", "42", 318, "RxCachedThreadScheduler-2"),
            new Crash("inflate-price-view.txt", "1.2.3", "42", 2, "main"),
            new Crash("token-refresh.txt", "1.2.4", "43", 318, "RxCachedThreadScheduler-2"),
            new Crash("order-json.txt", "1.2.4", "43", 411, "OkHttp Dispatcher"));
    private static final List<Device> DEVICES = List.of(
            new Device("Pixel 7", "Google", "14", "UQ1A.240205.004", 34, "en_US"),
            new Device("SM-G991B", "samsung", "13", "TP1A.220624.014", 33, "de_DE"),
            new Device("Redmi Note 9 Pro", "Xiaomi", "12", "SKQ1.211019.001", 31, "en_IN"));

    private AppCenterScenario() {}

    /**
     * {@link #INSTALLS} templates, install i sending crash i mod 4 from device i mod 3, walked in order. With
     * {@code newGroupPercent} above 0, the top exception's {@code type} has room for a {@link NewGroupSuffix}, and
     * that share of the sends is a crash of a type never seen before.
     */
    static Scenario create(int newGroupPercent) {
        List<SplicedGzip.Slot> slots = new ArrayList<>(SLOTS);
        if (newGroupPercent > 0) {
            slots.add(new SplicedGzip.Slot(NEW_GROUP, new NewGroupSuffix(newGroupPercent)));
        }
        ObjectNode fixture = (ObjectNode) parse(resource(FIXTURE)).get("logs").get(0);
        List<ObjectNode> exceptions = CRASHES.stream()
                .map(crash -> StackTraceText.parse(
                        new String(resource("stack-traces/" + crash.trace()), StandardCharsets.UTF_8)))
                .toList();
        Random random = new Random(20261122); // the same installs in every run
        List<RequestTemplate> templates = new ArrayList<>();
        for (int install = 0; install < INSTALLS; install++) {
            int crash = install % CRASHES.size();
            ObjectNode log = log(
                    fixture,
                    install,
                    random,
                    CRASHES.get(crash),
                    withRoom(exceptions.get(crash), newGroupPercent > 0),
                    DEVICES.get(install % DEVICES.size()));
            byte[] json = bytes(
                    JSON.createObjectNode().set("logs", JSON.createArrayNode().add(log)));
            if (json.length < GZIP_THRESHOLD) {
                throw new IllegalStateException("a body of " + json.length + " bytes is not gzipped by the SDK");
            }
            SplicedGzip body = SplicedGzip.of(json, slots);
            Map<String, String> headers = Map.of(
                    "App-Secret",
                    APP_SECRET,
                    "Install-ID",
                    uuid(random).toString(),
                    "Content-Type",
                    "application/json",
                    "Content-Encoding",
                    "gzip");
            templates.add(new RequestTemplate(PATH, headers, body.body(), 1, List.of(body)));
        }
        return new Scenario(
                "appcenter",
                List.of("--api-key", API_KEY, "--app-secret", APP_SECRET),
                SuccessStatus.ANY_2XX,
                templates,
                IntStream.range(0, INSTALLS).toArray());
    }

    /** The fixture's log, in the SDK's field order, with this install's values and the placeholders. */
    private static ObjectNode log(
            ObjectNode fixture, int install, Random random, Crash crash, ObjectNode exception, Device device) {
        ObjectNode log = fixture.deepCopy();
        log.put("timestamp", TIMESTAMP);
        log.put("sid", uuid(random).toString());
        log.put("userId", "user-" + (install + 1));
        ObjectNode sdkDevice = (ObjectNode) log.get("device");
        sdkDevice.put("model", device.model());
        sdkDevice.put("oemName", device.oemName());
        sdkDevice.put("osVersion", device.osVersion());
        sdkDevice.put("osBuild", device.osBuild());
        sdkDevice.put("osApiLevel", device.osApiLevel());
        sdkDevice.put("locale", device.locale());
        sdkDevice.put("appVersion", crash.appVersion());
        sdkDevice.put("appBuild", crash.appBuild());
        log.put("id", ID);
        log.put("processId", 2000 + random.nextInt(30_000));
        log.put("errorThreadId", crash.threadId());
        log.put("errorThreadName", crash.threadName());
        log.put("appLaunchTimestamp", LAUNCH);
        log.set("exception", exception);
        // The error thread's stack is the top exception's, without the SDK's own handler frames above it.
        ObjectNode thread = JSON.createObjectNode().put("id", crash.threadId()).put("name", crash.threadName());
        thread.set("frames", exception.get("frames"));
        log.set("threads", JSON.createArrayNode().add(thread));
        return log;
    }

    /** The exception, with the new-group placeholder after its type if {@code room}; the thread's frames stay shared. */
    private static ObjectNode withRoom(ObjectNode exception, boolean room) {
        if (!room) {
            return exception;
        }
        ObjectNode copy = exception.deepCopy();
        copy.put("type", exception.path("type").asText() + NEW_GROUP);
        return copy;
    }

    /** A version 4 UUID from {@code random}, as {@code UUID.randomUUID()} makes on a device. */
    private static UUID uuid(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    private static ObjectNode parse(byte[] json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("fixture is not JSON", e);
        }
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        String resource = "/fixtures/appcenter/" + name;
        try (InputStream in = AppCenterScenario.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
