package dev.switchboard.engine.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WeightedScheduleTest {

    @Test
    void seventyThirtyGivesExactlySevenAndThreeInEveryCycleOfTen() {
        int[] schedule = WeightedSchedule.build(new long[] {70, 30});
        assertThat(schedule).hasSize(10);
        assertThat(count(schedule, 0)).isEqualTo(7);
        assertThat(count(schedule, 1)).isEqualTo(3);
    }

    @Test
    void fiveOneOneKeepsProportionsAndInterleaves() {
        int[] schedule = WeightedSchedule.build(new long[] {5, 1, 1});
        assertThat(schedule).containsExactly(0, 0, 0, 1, 2, 0, 0);
    }

    @Test
    void zeroWeightsNeverAppearAndAllZeroIsEmpty() {
        assertThat(WeightedSchedule.build(new long[] {0, 2, 0, 4})).containsOnly(1, 3).hasSize(3);
        assertThat(WeightedSchedule.build(new long[] {0, 0})).isEmpty();
    }

    @Test
    void hugeWeightSumsAreScaledProportionallyUnderTheCap() {
        long[] weights = new long[1000];
        Arrays.setAll(weights, i -> 10_000 + i);
        weights[0] = 20_000;
        int[] schedule = WeightedSchedule.build(weights);
        assertThat(schedule.length).isLessThanOrEqualTo(WeightedSchedule.MAX_LENGTH).isGreaterThan(1 << 19);
        assertThat((double) count(schedule, 0) / count(schedule, 2)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.01));
    }

    private static int count(int[] schedule, int member) {
        return (int) Arrays.stream(schedule).filter(m -> m == member).count();
    }
}
