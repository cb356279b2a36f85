package dev.faultline.core.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageMaskTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "User 42 not found                                          | User <num> not found",
                "Cannot read property 'foo' of undefined                    | Cannot read property <str> of undefined",
                "Key \"abc\" is missing                                     | Key <str> is missing",
                "Unexpected token `}` in JSON                               | Unexpected token <str> in JSON",
                "Datei “a.txt” fehlt                                        | Datei <str> fehlt",
                "can't find 'bob'                                           | can't find <str>",
                "Order 3f2504e0-4f89-11d3-9a0c-0305e82c3301 failed          | Order <guid> failed",
                "Order {3F2504E0-4F89-11D3-9A0C-0305E82C3301} failed        | Order <guid> failed",
                "Access violation at 0x0000FFFF                             | Access violation at <hex>",
                "object deadbeef12 vanished                                 | object <hex> vanished",
                "deadbeefcafe has no digit                                  | deadbeefcafe has no digit",
                "took 12ms                                                  | took <num>ms",
                "utf8 and step2 stay                                        | utf8 and step2 stay",
                "version 1.2.3 at 4,5                                       | version <num> at <num>",
                "id=123456789012                                            | id=<num>",
                "'quoted 123' and 0xff                                      | <str> and <hex>",
            })
    void masksVariableParts(String message, String masked) {
        assertThat(MessageMask.mask(message)).isEqualTo(masked);
    }

    @Test
    void keepsOnlyTheFirstLineTrimmed() {
        assertThat(MessageMask.firstLine("  boom 1  \r\n  at x.y(Z.java:3)")).isEqualTo("boom <num>");
        assertThat(MessageMask.firstLine("boom\nsecond")).isEqualTo("boom");
        assertThat(MessageMask.firstLine("")).isEmpty();
    }

    @Test
    void cutsLongMessagesWithoutSplittingASurrogatePair() {
        assertThat(MessageMask.firstLine("x".repeat(10_000))).hasSize(MessageMask.MAX_LENGTH);
        String emojis = "x" + "😀".repeat(600);
        String cut = MessageMask.firstLine(emojis);
        assertThat(cut).hasSize(MessageMask.MAX_LENGTH - 1);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
    }

    @Test
    void rawTextHasItsWhitespaceCollapsed() {
        assertThat(MessageMask.raw("  at demo.Send.main(Send.java:51)\t \n"))
                .isEqualTo("at demo.Send.main(Send.java:<num>)");
    }

    @Test
    void filesMaskOnlyHashLikeRuns() {
        assertThat(MessageMask.maskHexRuns("/v12345678/main.a1b2c3d4e5.js")).isEqualTo("/v12345678/main.<hex>.js");
    }
}
