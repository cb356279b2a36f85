package dev.faultline.protocols.raygun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void cutUtf8KeepsWholeCodePointsWithinTheLimit() {
        assertThat(Wire.cutUtf8("abc", 2)).isEqualTo("ab");
        assertThat(Wire.cutUtf8("aé", 2)).isEqualTo("a");
        assertThat(Wire.cutUtf8("aé", 3)).isEqualTo("aé");
        assertThat(Wire.cutUtf8("a€", 3)).isEqualTo("a");
        assertThat(Wire.cutUtf8("a😀", 4)).isEqualTo("a");
        assertThat(Wire.cutUtf8("a😀", 5)).isEqualTo("a😀");
        assertThat(Wire.cutUtf8(null, 5)).isNull();
    }

    @Test
    void cutCharsNeverSplitsASurrogatePair() {
        assertThat(Wire.cutChars("abcdef", 3)).isEqualTo("abc");
        assertThat(Wire.cutChars("ab😀", 3)).isEqualTo("ab");
        assertThat(Wire.cutChars("ab😀", 4)).isEqualTo("ab😀");
    }

    @Test
    void treesKeepOrderNullsAndTheNumberTypesJacksonReadsBack() throws Exception {
        JsonNode node = JSON.readTree("""
                {"z": 1, "a": null, "long": 6320816127, "big": 123456789012345678901234567890, "d": 0.5,
                 "list": [true, "s", null], "nested": {"k": []}}""");
        Object tree = Wire.toJava(node);
        assertThat(tree).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) tree;
        assertThat(map.keySet()).containsExactly("z", "a", "long", "big", "d", "list", "nested");
        assertThat(map.get("z")).isEqualTo(1);
        assertThat(map.containsKey("a")).isTrue();
        assertThat(map.get("long")).isEqualTo(6320816127L);
        assertThat(map.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(map.get("d")).isEqualTo(0.5);
        assertThat(map.get("list")).isEqualTo(Arrays.asList(true, "s", null));
        assertThat(map.get("nested")).isEqualTo(Map.of("k", List.of()));
    }

    @Test
    void booleansAreLenient() throws Exception {
        assertThat(Wire.bool(JSON.readTree("\"TRUE\""))).isTrue();
        assertThat(Wire.bool(JSON.readTree("0"))).isFalse();
        assertThat(Wire.bool(JSON.readTree("\"maybe\""))).isNull();
        assertThat(Wire.bool(null)).isNull();
    }

    @Test
    void parseLongAcceptsOnlyPlainDigits() {
        assertThat(Wire.parseLong("-12")).isEqualTo(-12L);
        assertThat(Wire.parseLong("+7")).isEqualTo(7L);
        assertThat(Wire.parseLong("1e3")).isNull();
        assertThat(Wire.parseLong("")).isNull();
        assertThat(Wire.parseLong("-")).isNull();
        assertThat(Wire.parseLong("1234567890123456789")).isNull();
    }
}
