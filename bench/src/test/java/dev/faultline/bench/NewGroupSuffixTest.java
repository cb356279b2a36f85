package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class NewGroupSuffixTest {

    @Test
    void theShareOfNewSendsIsExactInEveryHundred() {
        assertThat(LongStream.range(0, 1000)
                        .filter(new NewGroupSuffix(1)::isNew)
                        .count())
                .isEqualTo(10);
        assertThat(LongStream.range(0, 1000)
                        .filter(new NewGroupSuffix(25)::isNew)
                        .count())
                .isEqualTo(250);
        assertThat(LongStream.range(0, 1000)
                        .filter(new NewGroupSuffix(100)::isNew)
                        .count())
                .isEqualTo(1000);
        assertThat(LongStream.range(0, 1000)
                        .filter(new NewGroupSuffix(0)::isNew)
                        .count())
                .isZero();
    }

    @Test
    void aNewSendWritesItsNumberAndTheOthersSpaces() {
        NewGroupSuffix suffix = new NewGroupSuffix(1);
        long fresh = LongStream.range(0, 100).filter(suffix::isNew).findFirst().orElseThrow();
        byte[] buffer = "[xxxxxxxxxxxxxxx]".getBytes(StandardCharsets.US_ASCII);

        suffix.write(buffer, 1, fresh + 100_000);
        assertThat(new String(buffer, StandardCharsets.US_ASCII))
                .isEqualTo("[-new-" + String.format("%010d", fresh + 100_000) + "]");
        suffix.write(buffer, 1, fresh + 1);
        assertThat(new String(buffer, StandardCharsets.US_ASCII)).isEqualTo("[               ]");
    }

    @Test
    void roomGoesAfterEveryEntrysErrorClassNameOnly() {
        String entry = "{\"details\":{\"error\":{\"stackTrace\":[{\"className\":\"Module\"}],"
                + "\"className\":\"Type\\\"Error\",\"innerError\":{\"className\":\"Inner\"}}}}";
        byte[] body = ("[" + entry + "," + entry.replace("Type\\\"Error", "RangeError") + "]")
                .getBytes(StandardCharsets.UTF_8);

        NewGroupSuffix.Room room = NewGroupSuffix.withRoom(body);

        String spaces = " ".repeat(NewGroupSuffix.LENGTH);
        String expected = "[" + entry.replace("Type\\\"Error", "Type\\\"Error" + spaces) + ","
                + entry.replace("Type\\\"Error", "RangeError" + spaces) + "]";
        assertThat(new String(room.body(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(room.offsets()).containsExactly(expected.indexOf(spaces), expected.lastIndexOf(spaces));
    }
}
