package dev.faultline.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionsTest {

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        "1.9.2, 1.10.0",
        "1.0, 1.0.1",
        "1.0-beta, 1.0",
        "1.0-alpha, 1.0-beta",
        "1.0.rc1, 1.0.1",
        "1.2 (34), 1.2 (35)",
        "1.2 (99), 1.3 (1)",
        "2.0.0.0, 10.0.0.0",
        "v1.2, v1.10",
        "0.9, 1",
        "1.0.0-rc.1, 1.0.0-rc.2",
    })
    void ordersAsVersions(String older, String newer) {
        assertThat(Versions.compare(older, newer)).isNegative();
        assertThat(Versions.compare(newer, older)).isPositive();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"1.0, 1.0.0", "1.0.0.0, 1", "01.2, 1.2", "1.0-RC1, 1.0-rc1", "2024.10, 2024.010"})
    void equalVersions(String a, String b) {
        assertThat(Versions.compare(a, b)).isZero();
        assertThat(Versions.compare(b, a)).isZero();
    }

    @ParameterizedTest(name = "resolved in {0}, report from {1}: reopens {2}")
    @CsvSource({"2.0, 1.9, false", "2.0, 2.0, true", "2.0, 2.0.1, true", "2.0, 10.0, true", "2.0,, true"})
    void resolvedInVersionReopensOnlyFromThatVersion(String resolvedIn, String reported, boolean reopens) {
        Group group = new Group(
                1, 1, "v1", "f", "t", "c", "m", GroupStatus.RESOLVED, null, null, 1, 1, null, resolvedIn, null, false);
        assertThat(group.reopenedBy(reported)).isEqualTo(reopens);
    }
}
