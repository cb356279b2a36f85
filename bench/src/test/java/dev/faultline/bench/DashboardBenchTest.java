package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DashboardBenchTest {

    @Test
    void findsTheJsonTheServerCommandPrintsAfterAnyLogLines() {
        assertThat(DashboardBench.jsonStart("{\n  \"id\" : 1\n}")).isZero();
        assertThat(DashboardBench.jsonStart("WARN something\n[ {\n} ]")).isEqualTo(15);
        assertThat(DashboardBench.jsonStart("no json at all")).isZero();
    }
}
