package dev.switchboard.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescingTrialTest {

    private static final long MS = 1_000_000L;

    @Test
    void aTrialAlternatesOffOnOnOffSoThatDriftFavoursNeither() {
        CoalescingTrial trial = new CoalescingTrial();
        List<Boolean> modes = new ArrayList<>();
        for (int window = 0; window < CoalescingTrial.WINDOWS; window++) {
            modes.add(trial.coalescing());
            run(trial, CoalescingTrial.WINDOW_NANOS, 100, 100);
        }

        assertThat(modes).containsExactly(false, true, true, false, false, true, true, false);
    }

    @Test
    void coalescingThatCompletesMorePerSecondWinsAndHoldsHalfASecond() {
        CoalescingTrial trial = new CoalescingTrial();
        trial(trial, 100, 110);

        assertThat(trial.coalescing()).isTrue();
        run(trial, CoalescingTrial.FIRST_HOLD_NANOS - MS, 100, 110);
        assertThat(trial.coalescing()).as("still holding").isTrue();
        run(trial, MS, 100, 110);
        assertThat(trial.coalescing()).as("a new trial starts with its off window").isFalse();
    }

    @Test
    void coalescingThatCompletesLessLoses() {
        assertThat(resultOfOneTrial(100, 87)).isFalse();
    }

    @Test
    void aNearTieKeepsWakingAtOnceForItsLowerLatency() {
        assertThat(resultOfOneTrial(100, 102)).isFalse();
        assertThat(resultOfOneTrial(0, 0)).as("nothing completed either way").isFalse();
    }

    @Test
    void eachConfirmingTrialDoublesTheHoldUpToFourSeconds() {
        CoalescingTrial trial = new CoalescingTrial();
        List<Long> holds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            trial(trial, 100, 110);
            holds.add(holdOf(trial));
        }

        assertThat(holds).containsExactly(500 * MS, 1000 * MS, 2000 * MS, 4000 * MS, 4000 * MS, 4000 * MS);
    }

    @Test
    void aTrialThatTurnsTheResultOverHoldsHalfASecondAgain() {
        CoalescingTrial trial = new CoalescingTrial();
        trial(trial, 100, 110);
        holdOf(trial);
        trial(trial, 100, 110);
        holdOf(trial);
        trial(trial, 100, 80);

        assertThat(trial.coalescing()).isFalse();
        assertThat(holdOf(trial)).isEqualTo(500 * MS);
    }

    @Test
    void restartForgetsTheResultAndTriesAfresh() {
        CoalescingTrial trial = new CoalescingTrial();
        trial(trial, 100, 110);
        trial.restart();

        assertThat(trial.coalescing()).as("window 0 of a new trial").isFalse();
        trial(trial, 100, 110);
        assertThat(holdOf(trial)).as("no earlier result to confirm").isEqualTo(500 * MS);
    }

    private static boolean resultOfOneTrial(long offPerMs, long onPerMs) {
        CoalescingTrial trial = new CoalescingTrial();
        trial(trial, offPerMs, onPerMs);
        return trial.coalescing();
    }

    /** Runs one whole trial with the given completions per millisecond in each mode. */
    private static void trial(CoalescingTrial trial, long offPerMs, long onPerMs) {
        run(trial, CoalescingTrial.WINDOWS * CoalescingTrial.WINDOW_NANOS, offPerMs, onPerMs);
    }

    /** Feeds {@code nanos} of loop time in 1 ms steps, each with the completions of the mode the trial is in. */
    private static void run(CoalescingTrial trial, long nanos, long offPerMs, long onPerMs) {
        for (long t = 0; t < nanos; t += MS) {
            trial.record(MS, trial.coalescing() ? onPerMs : offPerMs);
        }
    }

    /** How long the result holds before the next trial, found by running into it. */
    private static long holdOf(CoalescingTrial trial) {
        boolean result = trial.coalescing();
        long held = 0;
        while (trial.coalescing() == result && held < 10_000 * MS) {
            trial.record(MS, 100);
            held += MS;
        }
        // After an off result, the next trial's first window is off too.
        return result ? held : held - CoalescingTrial.WINDOW_NANOS;
    }
}
