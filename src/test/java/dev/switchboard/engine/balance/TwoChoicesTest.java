package dev.switchboard.engine.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TwoChoicesTest {

    @Test
    void cheaperTakesTheSecondSampleOnlyWhenItIsStrictlyCheaper() {
        assertThat(TwoChoices.cheaper(3, 2.0, 7, 1.0)).isEqualTo(7);
        assertThat(TwoChoices.cheaper(3, 1.0, 7, 2.0)).isEqualTo(3);
        assertThat(TwoChoices.cheaper(3, 1.5, 7, 1.5)).isEqualTo(3);
        assertThat(TwoChoices.cheaper(3, 0.0, 7, 0.0)).isEqualTo(3);
        assertThat(TwoChoices.cheaper(0, 1e-300, 999_999, 0.0)).isEqualTo(999_999);
        assertThat(TwoChoices.cheaper(999_999, 0.0, 0, 1e-300)).isEqualTo(999_999);
        // peak-ewma's penalty for requests in flight without a latency, against a measured cost.
        double penalty = Long.MAX_VALUE >> 16;
        assertThat(TwoChoices.cheaper(1, penalty + 1, 2, 20e6 * 4)).isEqualTo(2);
        assertThat(TwoChoices.cheaper(1, penalty + 1, 2, penalty + 2)).isEqualTo(1);
    }

    @Test
    void bothSamplesComeUpInProportionToWeightAndNeverTwice() {
        long[] weights = {1, 2, 3, 0, 4, 5, 6, 7, 8};
        int[] schedule = WeightedSchedule.build(weights);
        int[] members = IntStream.range(0, weights.length).filter(m -> weights[m] > 0).toArray();
        double total = 36;
        int[] firsts = new int[weights.length];
        int[] seconds = new int[weights.length];
        int draws = 200_000;
        for (long i = 0; i < draws; i++) {
            long bits = TwoChoices.mix(i);
            int a = TwoChoices.first(schedule, bits);
            int b = TwoChoices.second(schedule, members, a, bits);
            assertThat(b).isNotEqualTo(a);
            firsts[a]++;
            seconds[b]++;
        }
        assertThat(seconds[3]).isZero();
        for (int m : members) {
            assertThat(firsts[m] / (double) draws).isCloseTo(weights[m] / total, offset(0.004));
            // By weight among the others: up to three draws that may hit a (chance p_a each) before a fallback that
            // only a dominant member needs (here under 0.3 % of the draws).
            double expected = 0;
            for (int a : members) {
                double pa = weights[a] / total;
                expected += a == m ? 0 : pa * (weights[m] / total) * (1 - pa * pa * pa) / (1 - pa);
            }
            assertThat(seconds[m] / (double) draws).isCloseTo(expected, offset(0.004));
        }
    }
}
