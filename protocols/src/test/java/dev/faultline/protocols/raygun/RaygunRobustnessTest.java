package dev.faultline.protocols.raygun;

import static dev.faultline.protocols.raygun.Entries.RECEIVED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.grouping.FingerprinterV1;
import dev.faultline.core.model.Report;
import dev.faultline.protocols.json.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Never throws for bad input", checked the blunt way: every golden input cut short at every byte,
 * and with every value in it replaced by each JSON type in turn, decodes to a result, and every
 * accepted result fingerprints and survives a JSON round trip.
 */
class RaygunRobustnessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> REPLACEMENTS = List.of(
            NODES.nullNode(),
            NODES.numberNode(-1),
            NODES.numberNode(1e300),
            NODES.textNode(""),
            NODES.textNode("x"),
            NODES.booleanNode(true),
            NODES.arrayNode(),
            NODES.arrayNode().add("s"),
            NODES.objectNode());

    private final FingerprinterV1 fingerprinter = new FingerprinterV1();

    static List<String> names() throws Exception {
        return RaygunGoldenTest.names().filter(name -> !name.endsWith("-bulk")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void truncatedBodiesNeverThrow(String name) throws Exception {
        byte[] body = Files.readAllBytes(RaygunGoldenTest.FOLDER.resolve(name + ".input.json"));
        for (int length = 0; length < body.length; length++) {
            byte[] cut = Arrays.copyOf(body, length);
            assertThatCode(() -> check(Entries.DECODER.decode(cut, RECEIVED_AT)))
                    .doesNotThrowAnyException();
            assertThatCode(() -> {
                        try {
                            Entries.DECODER.decodeBulk(cut, RECEIVED_AT).forEach(this::check);
                        } catch (RaygunDecodeException expected) {
                            assertThat(expected.getMessage()).isNotBlank();
                        }
                    })
                    .doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void everyValueOfEveryTypeNeverThrows(String name) throws Exception {
        JsonNode original = JSON.readTree(Files.readAllBytes(RaygunGoldenTest.FOLDER.resolve(name + ".input.json")));
        List<Consumer<JsonNode>> mutations = new ArrayList<>();
        collectSlots(original, mutations);
        int decoded = 0;
        for (int slot = 0; slot < mutations.size(); slot++) {
            for (JsonNode replacement : REPLACEMENTS) {
                JsonNode copy = original.deepCopy();
                List<Consumer<JsonNode>> copySlots = new ArrayList<>();
                collectSlots(copy, copySlots);
                copySlots.get(slot).accept(replacement);
                byte[] body = JSON.writeValueAsBytes(copy);
                check(Entries.DECODER.decode(body, RECEIVED_AT));
                decoded++;
            }
        }
        assertThat(decoded).isGreaterThan(REPLACEMENTS.size());
    }

    private void check(Decoded decoded) {
        assertThat(decoded).isNotNull();
        if (decoded instanceof Decoded.Accepted accepted) {
            assertThat(fingerprinter.fingerprint(accepted.report()).hash()).hasSize(32);
            try {
                byte[] json = ReportJson.mapper().writeValueAsBytes(accepted.report());
                assertThat(ReportJson.mapper().readValue(json, Report.class)).isEqualTo(accepted.report());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        } else {
            assertThat(((Decoded.Rejected) decoded).message()).isNotBlank();
        }
    }

    /** One setter per value in the tree (depth first), so each can be replaced in a fresh copy. */
    private static void collectSlots(JsonNode node, List<Consumer<JsonNode>> slots) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String field : names) {
                slots.add(value -> object.set(field, value));
                collectSlots(object.get(field), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int index = 0; index < array.size(); index++) {
                int at = index;
                slots.add(value -> array.set(at, value));
                collectSlots(array.get(index), slots);
            }
        }
    }
}
