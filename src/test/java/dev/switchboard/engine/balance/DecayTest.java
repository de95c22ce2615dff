package dev.switchboard.engine.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecayTest {

    @Test
    void matchesMathExpToWithinThreePartsIn1e8AcrossTheRange() {
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 200_000; i++) {
            // Log-uniform from 1e-9 (a nanosecond of a 10 s decay) to the table's end, plus the table's step edges.
            double x = i % 2 == 0 ? Math.pow(10, random.nextDouble(-9, Math.log10(700))) : (i / 2 % 44_800) * Math.log(2) / 64;
            double exact = Math.exp(-x);
            assertThat(Math.abs(Decay.exp(x) - exact) / exact).as("x = %s", x).isLessThan(3e-8);
        }
    }

    @Test
    void noDecayAtZeroAndMathExpBeyondTheTable() {
        assertThat(Decay.exp(0)).isEqualTo(1.0);
        assertThat(Decay.exp(701) / Math.exp(-701)).isCloseTo(1, within(1e-12));
        assertThat(Decay.exp(10_000)).isZero();
        assertThat(Decay.exp(Double.POSITIVE_INFINITY)).isZero();
    }

    @Test
    void oneDecayTimeIsOneOverE() {
        assertThat(Decay.exp(1)).isCloseTo(1 / Math.E, within(1e-8));
        assertThat(Decay.sixtyFourthHalvings(64)).isCloseTo(0.5, within(1e-8));
    }
}
