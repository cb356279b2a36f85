package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.bench.SeedPlan.SeedEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeedPlanTest {

    private static final Instant SEED_TIME = Instant.parse("2026-11-22T18:00:00Z");

    @Test
    void zipfCountsAddUpNeverIncreaseAndLeaveNoGroupEmpty() {
        int[] counts = SeedPlan.zipfCounts(1_000_000, 10_000);

        assertThat(Arrays.stream(counts).asLongStream().sum()).isEqualTo(1_000_000);
        for (int group = 1; group < counts.length; group++) {
            assertThat(counts[group]).isLessThanOrEqualTo(counts[group - 1]);
        }
        // 1/rank of what is left after one event each: H(10,000) is 9.79, so the largest holds about a tenth.
        assertThat(counts[0]).isBetween(101_000, 102_200);
        assertThat(counts[9]).isBetween(10_100, 10_220);
        assertThat(counts[9_999]).isBetween(10, 12);
        assertThat(IntStream.of(counts).limit(100).sum()).isGreaterThan(500_000);
    }

    @Test
    void zipfCountsOfAsManyEventsAsGroupsAreOneEach() {
        assertThat(SeedPlan.zipfCounts(10, 10)).containsOnly(1);
        assertThat(SeedPlan.zipfCounts(11, 10)).containsExactly(2, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    }

    @Test
    void oneGroupInTenBelongsToTheSecondApp() {
        assertThat(IntStream.range(0, 10_000).filter(group -> SeedPlan.appOf(group) == 1))
                .hasSize(1000)
                .contains(9, 19, 9_999);
        assertThat(SeedPlan.appOf(0)).isZero();
    }

    @Test
    void classNamesAreDistinctAndSearchableByFourDigits() {
        SeedPlan plan = SeedPlan.create(2000, 1000);

        assertThat(plan.className(42)).isEqualTo("com.example.bench.Failure0042");
        assertThat(IntStream.range(0, 1000).mapToObj(plan::className).filter(name -> name.contains("Failure004")))
                .hasSize(10);
        assertThat(SeedPlan.create(200_000, 100_000).className(42)).isEqualTo("com.example.bench.Failure00042");
        assertThat(plan.className(1000)).isEqualTo("com.example.bench.Emerging1000");
    }

    @Test
    void sendOrderHoldsEachGroupItsCountTimesShuffledTheSameWayEveryTime() {
        SeedPlan plan = SeedPlan.create(5000, 100);
        int[] order = plan.sendOrder();

        int[] seen = new int[100];
        for (int group : order) {
            seen[group]++;
        }
        assertThat(seen).isEqualTo(IntStream.range(0, 100).map(plan::count).toArray());
        assertThat(order).isEqualTo(SeedPlan.create(5000, 100).sendOrder());
        assertThat(Arrays.copyOf(order, 20)).isNotEqualTo(new int[20]); // not group 0's run first
    }

    @Test
    void seedEventsSpreadOverTheLastThirtyDaysWithThePlansValues() {
        SeedPlan plan = SeedPlan.create(100_000, 1000);
        Set<String> versions = new HashSet<>();
        Set<String> users = new HashSet<>();
        int withoutUser = 0;
        for (int index = 0; index < 100_000; index++) {
            int group = index % 1000;
            SeedEvent event = plan.seedEvent(index, group, SEED_TIME);
            assertThat(event.group()).isEqualTo(group);
            assertThat(event.app()).isEqualTo(SeedPlan.appOf(group));
            assertThat(event.className()).isEqualTo(plan.className(group));
            assertThat(event.occurredOn()).isBetween(SEED_TIME.minus(SeedPlan.SPREAD), SEED_TIME);
            assertThat(SeedPlan.TAGS).containsAll(event.tags());
            assertThat(SeedPlan.OS_NAMES.get(event.app())).contains(event.osName());
            versions.add(event.version());
            if (event.user() == null) {
                withoutUser++;
            } else {
                assertThat(event.user()).matches("user-\\d{4}");
                users.add(event.user());
            }
        }
        assertThat(versions).containsExactlyInAnyOrderElementsOf(SeedPlan.VERSIONS);
        assertThat(users).hasSizeBetween(1900, SeedPlan.USERS);
        assertThat(withoutUser).isBetween(9_000, 11_000);
        assertThat(plan.seedEvent(7, 3, SEED_TIME)).isEqualTo(plan.seedEvent(7, 3, SEED_TIME));
    }

    @Test
    void liveEventsOccurNowHalfOfThemInTheNewestRelease() {
        SeedPlan plan = SeedPlan.create(1000, 100);
        int latest = 0;
        for (int sequence = 0; sequence < 10_000; sequence++) {
            SeedEvent event = plan.liveEvent(sequence, SEED_TIME);
            assertThat(event.occurredOn()).isEqualTo(SEED_TIME);
            if (event.version().equals(SeedPlan.VERSIONS.getLast())) {
                latest++;
            }
        }
        assertThat(latest).isBetween(4_700, 5_300);
    }

    @Test
    void liveEventsHitHotGroupsMostAndStartAFewNewOnes() {
        SeedPlan plan = SeedPlan.create(100_000, 1000);
        int[] hits = new int[1000];
        int fresh = 0;
        for (int sequence = 0; sequence < 50_000; sequence++) {
            int group = plan.liveEvent(sequence, SEED_TIME).group();
            if (group >= 1000) {
                fresh++;
            } else {
                hits[group]++;
            }
        }
        assertThat(fresh).isBetween(800, 1200);
        assertThat(hits[0]).isGreaterThan(hits[1]).isGreaterThan(hits[99] * 20);
    }

    @Test
    void rejectsPlansItCannotFill() {
        assertThatThrownBy(() -> SeedPlan.create(100, 5)).hasMessageContaining("at least 10 groups");
        assertThatThrownBy(() -> SeedPlan.create(99, 100)).hasMessageContaining("every group needs an event");
    }
}
