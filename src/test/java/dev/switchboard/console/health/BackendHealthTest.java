package dev.switchboard.console.health;

import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackendHealthTest {

    private static BackendNumbers answered(long requests, double percent5xx, long timeouts, long connectionErrors, long inFlight) {
        return new BackendNumbers(requests, requests, 100 - percent5xx, 0, percent5xx, connectionErrors, timeouts, 0,
                inFlight, 3, 9);
    }

    private static BackendHealth.Verdict classify(BackendNumbers n) {
        return BackendHealth.classify(n, AdminState.ENABLED, Availability.AVAILABLE);
    }

    @Test
    void hystrixThresholdsOnTheFailedShare() {
        assertThat(classify(answered(100, 9, 0, 0, 0)).level()).isEqualTo(HealthLevel.GREEN);
        assertThat(classify(answered(100, 10, 0, 0, 0)).level()).isEqualTo(HealthLevel.YELLOW);
        assertThat(classify(answered(100, 25, 0, 0, 0)).level()).isEqualTo(HealthLevel.ORANGE);
        assertThat(classify(answered(100, 49, 0, 0, 0)).level()).isEqualTo(HealthLevel.ORANGE);
        assertThat(classify(answered(100, 100, 0, 0, 0))).isEqualTo(new BackendHealth.Verdict(HealthLevel.RED, "100% 5xx"));
    }

    @Test
    void timeoutsAndConnectionErrorsCountAsFailures() {
        assertThat(classify(answered(100, 0, 30, 30, 0)))
                .isEqualTo(new BackendHealth.Verdict(HealthLevel.RED, "60% failed (0% 5xx, 30 timed out, 30 connection errors)"));
        assertThat(classify(answered(100, 0, 1, 0, 0))).isEqualTo(new BackendHealth.Verdict(HealthLevel.YELLOW, "1 timed out"));
    }

    @Test
    void attemptsInFlightWithNoAnswerAreAHangWhateverTheBreakerSays() {
        assertThat(classify(answered(0, 0, 0, 0, 4)))
                .isEqualTo(new BackendHealth.Verdict(HealthLevel.RED, "hung, 4 in flight and no answer"));
        assertThat(classify(answered(3, 0, 3, 0, 4)).problem()).startsWith("hung");
    }

    @Test
    void noTrafficOrAnOperatorSwitchOffIsIdleNotGreenAndAnOpenBreakerIsRed() {
        assertThat(classify(answered(0, 0, 0, 0, 0)).level()).isEqualTo(HealthLevel.IDLE);
        assertThat(classify(BackendNumbers.UNKNOWN).level()).isEqualTo(HealthLevel.IDLE);
        assertThat(BackendHealth.classify(answered(0, 0, 0, 0, 0), AdminState.DISABLED, Availability.DISABLED).level())
                .isEqualTo(HealthLevel.IDLE);
        assertThat(BackendHealth.classify(answered(0, 0, 0, 0, 0), AdminState.ENABLED, Availability.UNAVAILABLE_BREAKER))
                .isEqualTo(new BackendHealth.Verdict(HealthLevel.RED, "breaker open"));
    }

    private static BackendNumbers withP99(double p99Millis, double percent5xx) {
        return new BackendNumbers(50, 50, 100 - percent5xx, 0, percent5xx, 0, 0, 0, 3, 100, p99Millis);
    }

    @Test
    void aP99NearTheEffectiveTimeoutIsFlaggedInPlainWordsAndPastItIsRed() {
        Duration twoSeconds = Duration.ofSeconds(2);
        assertThat(BackendHealth.classify(withP99(1500, 0), AdminState.ENABLED, Availability.AVAILABLE, twoSeconds).level())
                .as("75% of the timeout is fine").isEqualTo(HealthLevel.GREEN);
        assertThat(BackendHealth.classify(withP99(1910, 0), AdminState.ENABLED, Availability.AVAILABLE, twoSeconds))
                .isEqualTo(new BackendHealth.Verdict(HealthLevel.ORANGE, "p99 1.9 s near the 2 s timeout"));
        assertThat(BackendHealth.classify(withP99(450, 0), AdminState.ENABLED, Availability.AVAILABLE, Duration.ofMillis(500)))
                .isEqualTo(new BackendHealth.Verdict(HealthLevel.ORANGE, "p99 450 ms near the 0.5 s timeout"));
        assertThat(BackendHealth.classify(withP99(2300, 12), AdminState.ENABLED, Availability.AVAILABLE, twoSeconds))
                .isEqualTo(new BackendHealth.Verdict(HealthLevel.RED, "12% 5xx, p99 2.3 s at or past the 2 s timeout"));
        assertThat(BackendHealth.classify(withP99(1910, 0), AdminState.ENABLED, Availability.AVAILABLE, null).level())
                .as("without a known timeout nothing to compare").isEqualTo(HealthLevel.GREEN);
    }
}
