package dev.faultline.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.ErrorInfo;
import dev.faultline.core.model.Report;
import dev.faultline.core.model.UserInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceJsonTest {

    @Test
    void writesTagsTheSentUserFieldsAndNestedCustomDataEscaped() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", List.of(1, 2.5, true));
        nested.put("none", null);
        nested.put("nan", Double.NaN);
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("quote\"back\\slash", "line\nbreak\u0001 and </script>");
        custom.put("nested", nested);
        Report report =
                report(List.of("a", "b"), new UserInfo("u-1", null, true, "u@example.com", null, "Uma"), custom);

        assertThat(InstanceJson.of(report))
                .isEqualTo("{\"tags\":[\"a\",\"b\"],"
                        + "\"user\":{\"identifier\":\"u-1\",\"anonymous\":true,\"email\":\"u@example.com\",\"firstName\":\"Uma\"},"
                        + "\"customData\":{\"quote\\\"back\\\\slash\":\"line\\nbreak\\u0001 and </script>\","
                        + "\"nested\":{\"list\":[1,2.5,true],\"none\":null,\"nan\":null}}}");
    }

    @Test
    void aReportWithoutUserHasNoUserField() {
        assertThat(InstanceJson.of(report(List.of(), null, Map.of()))).isEqualTo("{\"tags\":[],\"customData\":{}}");
    }

    private static Report report(List<String> tags, UserInfo user, Map<String, Object> customData) {
        return new Report(
                "raygun",
                Instant.EPOCH,
                Instant.EPOCH,
                new ErrorInfo("Error", "boom", List.of(), null, null, null),
                null,
                null,
                null,
                null,
                user,
                null,
                tags,
                customData,
                null,
                null,
                null,
                null,
                null);
    }
}
