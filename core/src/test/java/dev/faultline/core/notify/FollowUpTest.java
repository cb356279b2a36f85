package dev.faultline.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.GroupStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FollowUpTest {
    @Test
    void offsetsAndTypes_oneFiveTenThirtyMinutesThenEveryHour() {
        assertThat(IntStream.range(0, 7).mapToObj(FollowUp::offset))
                .containsExactly(
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(30),
                        Duration.ofHours(1),
                        Duration.ofHours(2),
                        Duration.ofHours(3));
        assertThat(IntStream.range(0, 6).mapToObj(FollowUp::type))
                .containsExactly(
                        EventType.ONE_MINUTE_FOLLOW_UP,
                        EventType.FIVE_MINUTE_FOLLOW_UP,
                        EventType.TEN_MINUTE_FOLLOW_UP,
                        EventType.THIRTY_MINUTE_FOLLOW_UP,
                        EventType.HOURLY_FOLLOW_UP,
                        EventType.HOURLY_FOLLOW_UP);
    }

    @Test
    void continues_onlyAfterANewReportWhileActive() {
        assertThat(followUp(3, 4, GroupStatus.ACTIVE).continues()).isTrue();
        assertThat(followUp(4, 4, GroupStatus.ACTIVE).continues()).isFalse();
        for (GroupStatus closed :
                new GroupStatus[] {GroupStatus.RESOLVED, GroupStatus.IGNORED, GroupStatus.PERMANENTLY_IGNORED}) {
            assertThat(followUp(3, 4, closed).continues()).as(closed.code()).isFalse();
        }
    }

    private static FollowUp followUp(long before, long now, GroupStatus status) {
        return new FollowUp(1, 2, Instant.EPOCH, 0, Instant.EPOCH, before, now, status);
    }
}
