package dev.switchboard.engine.retry;

import static dev.switchboard.engine.TestConfigs.retry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ErrorReason;
import dev.switchboard.config.RetryPolicy;
import java.time.Duration;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPlannerTest {

    private static final Duration S1 = Duration.ofSeconds(1);
    private static final Duration S2 = Duration.ofSeconds(2);

    /** A "random" source that always returns the same value. */
    private static RetryPlanner planner(double value) {
        return new RetryPlanner(new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        });
    }

    @Test
    void fixedWaitsTheInterval() {
        RetryPolicy p = retry(3, S1, null, null, false, true);
        assertThat(planner(0.5).delay(p, 1)).isEqualTo(S1);
        assertThat(planner(0.5).delay(p, 3)).isEqualTo(S1);
    }

    @Test
    void linearAddsDeltaPerRetry() {
        RetryPolicy p = retry(5, S1, S2, null, false, true);
        assertThat(planner(0.5).delay(p, 1)).isEqualTo(S1);
        assertThat(planner(0.5).delay(p, 2)).isEqualTo(Duration.ofSeconds(3));
        assertThat(planner(0.5).delay(p, 4)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void exponentialFollowsApimFormulaWithJitterAndCap() {
        RetryPolicy p = retry(10, S1, S2, Duration.ofSeconds(30), false, true);
        assertThat(planner(0.5).delay(p, 1)).isEqualTo(S1);
        assertThat(planner(0.5).delay(p, 2)).isEqualTo(Duration.ofSeconds(3));
        assertThat(planner(0.5).delay(p, 3)).isEqualTo(Duration.ofSeconds(7));
        assertThat(planner(0.0).delay(p, 3)).isEqualTo(Duration.ofMillis(1000 + 3 * 1600));
        assertThat(planner(1.0).delay(p, 3)).isEqualTo(Duration.ofMillis(1000 + 3 * 2400));
        assertThat(planner(0.5).delay(p, 6)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void exponentialGivesApimDocumentedWaits() {
        // APIM's example: interval and delta 10 s, max-interval 100 s wait 10, 20, 40, 80, 100 s (without jitter).
        Duration s10 = Duration.ofSeconds(10);
        RetryPolicy p = retry(5, s10, s10, Duration.ofSeconds(100), false, true);
        RetryPlanner planner = planner(0.5);
        assertThat(IntStream.rangeClosed(1, 5).mapToObj(n -> planner.delay(p, n).toSeconds()))
                .containsExactly(10L, 20L, 40L, 80L, 100L);
    }

    @Test
    void firstFastRetryIsImmediate() {
        RetryPolicy p = retry(3, S1, S2, null, true, true);
        assertThat(planner(0.5).delay(p, 1)).isZero();
        assertThat(planner(0.5).delay(p, 2)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void decidesByConditionAndCount() {
        RetryPolicy p = retry(2, S1, null, null, false, true);
        RetryPlanner planner = planner(0.5);
        assertThat(planner.decide(p, 1, 503, null).retry()).isTrue();
        assertThat(planner.decide(p, 2, 503, null).retry()).isTrue();
        assertThat(planner.decide(p, 3, 503, null).retry()).isFalse();
        assertThat(planner.decide(p, 1, 404, null).retry()).isFalse();
        assertThat(planner.decide(p, 1, 0, ErrorReason.BackendConnectionFailure).retry()).isTrue();
        assertThat(planner.decide(p, 1, 0, ErrorReason.Timeout).retry()).isFalse();
        assertThat(planner.decide(null, 1, 503, null).retry()).isFalse();
        assertThat(planner.decide(p, 1, 503, null).delay()).isEqualTo(S1);
    }
}
