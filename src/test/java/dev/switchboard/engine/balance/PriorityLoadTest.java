package dev.switchboard.engine.balance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PriorityLoadTest {

    @Test
    void halfHealthyGroupWithFactorOnePointFourKeepsSeventyPercent() {
        assertThat(PriorityLoad.loads(new int[] {1, 2}, new int[] {2, 2}, 1.4)).containsExactly(7000, 3000);
    }

    @Test
    void mostlyHealthyGroupKeepsEverything() {
        assertThat(PriorityLoad.loads(new int[] {3, 2}, new int[] {4, 2}, 1.4)).containsExactly(10_000, 0);
    }

    @Test
    void shortfallIsNormalisedToFullLoad() {
        assertThat(PriorityLoad.loads(new int[] {1, 1}, new int[] {4, 4}, 1.4)).containsExactly(5000, 5000);
    }
}
