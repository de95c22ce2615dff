package dev.switchboard.console.history;

import dev.switchboard.engine.breaker.BreakerState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerHistoryTest {

    @Test
    void repeatsMergeAndSegmentsOlderThanTheWindowGoButTheOneCoveringItsEdgeStays() {
        BreakerHistory h = new BreakerHistory(10_000);
        h.record(0, BreakerState.CLOSED);
        h.record(1_000, BreakerState.CLOSED);
        h.record(2_000, BreakerState.OPEN);
        h.record(5_000, BreakerState.HALF_OPEN);
        h.record(6_000, BreakerState.CLOSED);
        assertThat(h.segments()).extracting(BreakerHistory.Segment::state).containsExactly(
                BreakerState.CLOSED, BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED);
        h.record(16_000, BreakerState.OPEN);
        assertThat(h.segments()).extracting(BreakerHistory.Segment::startMillis).containsExactly(5_000L, 6_000L, 16_000L);
        assertThat(h.current()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void ringBufferKeepsTheNewestPointsInOrder() {
        SeriesBuffer b = new SeriesBuffer(3);
        for (int i = 1; i <= 5; i++) {
            b.add(i, i * 10);
        }
        StringBuilder seen = new StringBuilder();
        b.forEach((t, v) -> seen.append(t).append('=').append(v).append(' '));
        assertThat(seen.toString()).isEqualTo("3.0=30.0 4.0=40.0 5.0=50.0 ");
        assertThat(b.sumOfLast(2)).isEqualTo(90);
        assertThat(b.last()).isEqualTo(50);
    }
}
