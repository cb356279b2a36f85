package dev.faultline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Raygun scenario: bodies captured from raygun4node and raygun4java, posted as those SDKs post them. */
final class RaygunScenario {

    static final String API_KEY = "BENCH_KEY";

    private static final List<String> SINGLE_FIXTURES = List.of(
            "raygun4node-2.2.8-single.json",
            "raygun4node-2.2.8-string-error.json",
            "raygun4node-2.2.8-uncaught.json",
            "raygun4java-3.0.0-send.json",
            "raygun4java-3.0.0-unhandled.json");
    private static final String BULK_FIXTURE = "raygun4node-2.2.8-bulk.json";
    private static final Map<String, String> HEADERS = Map.of("X-ApiKey", API_KEY, "Content-Type", "application/json");
    private static final Pattern OCCURRED_ON = Pattern.compile(
            "\"occurredOn\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})", Pattern.CASE_INSENSITIVE);

    private RaygunScenario() {}

    /**
     * Single entries round-robin; {@code bulkPercent} of the requests (spread evenly) post the bulk fixture to
     * {@code /entries/bulk} instead. With {@code newGroupPercent} above 0, every error's {@code className} has
     * room for a {@link NewGroupSuffix}, and that share of the requests puts each of its entries in a new group.
     */
    static Scenario create(int bulkPercent, int newGroupPercent) {
        if (bulkPercent < 0 || bulkPercent > 100) {
            throw new IllegalArgumentException("bulk percent must be 0..100: " + bulkPercent);
        }
        NewGroupSuffix suffix = newGroupPercent > 0 ? new NewGroupSuffix(newGroupPercent) : null;
        List<RequestTemplate> templates = new ArrayList<>();
        for (String fixture : SINGLE_FIXTURES) {
            templates.add(template("/entries", load(fixture), suffix));
        }
        templates.add(template("/entries/bulk", load(BULK_FIXTURE), suffix));
        return new Scenario(
                "raygun",
                List.of("--api-key", API_KEY),
                SuccessStatus.EXACTLY_202,
                templates,
                schedule(SINGLE_FIXTURES.size(), bulkPercent));
    }

    /**
     * A cycle of {@code 100 * singles} slots in which bulk slots are spread evenly (Bresenham) and single slots
     * walk the single fixtures in order; the bulk template's index is {@code singles}.
     */
    static int[] schedule(int singles, int bulkPercent) {
        int[] schedule = new int[100 * singles];
        int nextSingle = 0;
        for (int slot = 0; slot < schedule.length; slot++) {
            boolean bulk = (slot + 1) * bulkPercent / 100 > slot * bulkPercent / 100;
            schedule[slot] = bulk ? singles : nextSingle++ % singles;
        }
        return schedule;
    }

    private static RequestTemplate template(String path, byte[] fixture, NewGroupSuffix suffix) {
        byte[] body = fixture;
        List<Stamp> stamps = new ArrayList<>();
        if (suffix != null) {
            NewGroupSuffix.Room room = NewGroupSuffix.withRoom(fixture);
            body = room.body();
            room.offsets().forEach(offset -> stamps.add(new NewGroupSuffix.At(offset, suffix)));
        }
        stamps.addAll(stamps(body));
        JsonNode tree = parse(body);
        int reports = tree.isArray() ? tree.size() : 1;
        return new RequestTemplate(path, HEADERS, body, reports, stamps);
    }

    static List<Stamp> stamps(byte[] body) {
        // ISO-8859-1 maps byte i to char i, so match positions are byte offsets even in UTF-8 bodies.
        Matcher matcher = OCCURRED_ON.matcher(new String(body, StandardCharsets.ISO_8859_1));
        List<Stamp> stamps = new ArrayList<>();
        while (matcher.find()) {
            long epochSecond = LocalDateTime.parse(matcher.group(1)).toEpochSecond(ZoneOffset.UTC);
            stamps.add(new DateTimeStamp(matcher.start(1), epochSecond));
        }
        return stamps;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("fixture is not JSON", e);
        }
    }

    private static byte[] load(String fixture) {
        String resource = "/fixtures/raygun/" + fixture;
        try (InputStream in = RaygunScenario.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
