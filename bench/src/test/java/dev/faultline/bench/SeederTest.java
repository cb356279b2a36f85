package dev.faultline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeederTest {

    @Test
    void bodiesHoldOneAppsEventsInSendOrderEachEventOnce() {
        int[] order = SeedPlan.create(5000, 100).sendOrder();

        List<int[]> batches = Seeder.batches(order);

        List<Integer> seen = new ArrayList<>();
        for (int[] batch : batches) {
            assertThat(batch.length).isBetween(1, Seeder.BATCH);
            int app = SeedPlan.appOf(order[batch[0]]);
            assertThat(Arrays.stream(batch).map(index -> SeedPlan.appOf(order[index])))
                    .containsOnly(app);
            for (int index = 1; index < batch.length; index++) {
                assertThat(batch[index]).isGreaterThan(batch[index - 1]);
            }
            Arrays.stream(batch).forEach(seen::add);
        }
        assertThat(seen).hasSize(5000).doesNotHaveDuplicates();
        assertThat(batches.stream().filter(batch -> batch.length < Seeder.BATCH))
                .hasSizeLessThanOrEqualTo(SeedPlan.APPS);
    }
}
