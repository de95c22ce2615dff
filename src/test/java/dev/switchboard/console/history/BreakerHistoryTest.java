package dev.switchboard.console.history;

import dev.switchboard.engine.breaker.BreakerState;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

import static dev.switchboard.console.common.Frames.backend;
import static org.assertj.core.api.Assertions.assertThat;

class BreakerHistoryTest {

    @Test
    void repeatsMergeAndSegmentsOlderThanTheWindowGoButTheOneCoveringItsEdgeStays() {
        BreakerHistory h = new BreakerHistory(10_000);
        h.record(0, backend("a", BreakerState.CLOSED));
        h.record(1_000, backend("a", BreakerState.CLOSED));
        h.record(2_000, backend("a", BreakerState.OPEN));
        h.record(5_000, backend("a", BreakerState.HALF_OPEN));
        h.record(6_000, backend("a", BreakerState.CLOSED));
        assertThat(h.segments()).extracting(BreakerHistory.Segment::state).containsExactly(
                BreakerState.CLOSED, BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED);
        h.record(16_000, backend("a", BreakerState.OPEN));
        assertThat(h.segments()).extracting(BreakerHistory.Segment::startMillis).containsExactly(5_000L, 6_000L, 16_000L);
        assertThat(h.current()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void aGapEndsTheLastLiveStateARemovalIsAGapOfItsOwnAndTheCurrentStateIsTheLastLiveOne() {
        BreakerHistory h = new BreakerHistory(60_000);
        h.record(0, backend("a", BreakerState.OPEN));
        h.recordGap(2_000);
        h.recordGap(3_000);
        h.recordRemoved(4_000);
        h.recordRemoved(5_000);
        assertThat(h.segments()).extracting(BreakerHistory.Segment::startMillis).containsExactly(0L, 2_000L, 4_000L);
        assertThat(h.segments()).extracting(BreakerHistory.Segment::removed).containsExactly(false, false, true);
        assertThat(h.segments().getLast().gap()).isTrue();
        assertThat(h.current()).isEqualTo(BreakerState.OPEN);
        assertThat(h.removedBefore(4_000)).isFalse();
        assertThat(h.removedBefore(4_001)).isTrue();
        h.record(9_000, backend("a", BreakerState.CLOSED));
        assertThat(h.segments()).extracting(BreakerHistory.Segment::state)
                .containsExactly(BreakerState.OPEN, null, null, BreakerState.CLOSED);
        assertThat(h.segments().stream().map(BreakerHistory.Segment::reason).filter(Objects::nonNull)).hasSize(4);
        assertThat(h.removedBefore(Long.MAX_VALUE)).as("back in the config").isFalse();
    }

    @Test
    void changesTheGatewayRecordedDuringAGapAreDrawnIntoItAsRecoveredAndLiveDataEndsThem() {
        BreakerHistory h = new BreakerHistory(60_000);
        h.record(0, backend("a", BreakerState.CLOSED));
        h.recordGap(2_000);
        assertThat(h.inGap()).isTrue();
        // The gateway's record, as a reconnect's ring brings it: one change before the gap, two inside, one after.
        h.fillGap(List.of(new BreakerHistory.Segment(1_000, BreakerState.CLOSED, null, null, "before the gap"),
                new BreakerHistory.Segment(4_000, BreakerState.OPEN, null, null, "rule 'five-xx': 5 failures"),
                new BreakerHistory.Segment(7_000, BreakerState.HALF_OPEN, null, null, "trial"),
                new BreakerHistory.Segment(9_500, BreakerState.CLOSED, null, null, "after")), 9_000);
        h.record(9_000, backend("a", BreakerState.HALF_OPEN));

        assertThat(h.segments()).extracting(BreakerHistory.Segment::startMillis).containsExactly(0L, 2_000L, 4_000L, 7_000L, 9_000L);
        assertThat(h.segments()).extracting(BreakerHistory.Segment::state)
                .containsExactly(BreakerState.CLOSED, null, BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.HALF_OPEN);
        assertThat(h.segments()).extracting(BreakerHistory.Segment::recovered).containsExactly(false, false, true, true, false);
        assertThat(h.inGap()).isFalse();
        h.fillGap(List.of(new BreakerHistory.Segment(9_200, BreakerState.OPEN, null, null, "late")), 9_300);
        assertThat(h.segments()).as("no gap to fill: nothing changes").hasSize(5);
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
