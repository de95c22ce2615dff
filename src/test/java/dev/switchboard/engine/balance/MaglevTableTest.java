package dev.switchboard.engine.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MaglevTableTest {

    private static final int KEYS = 100_000;

    @Test
    void addingAFifthBackendMovesAboutAFifthOfKeysWhereModuloMovesFourFifths() {
        MaglevTable four = table("a", "b", "c", "d");
        MaglevTable five = table("a", "b", "c", "d", "e");
        int maglevMoved = 0;
        int moduloMoved = 0;
        for (int k = 0; k < KEYS; k++) {
            long h = KeyHash.hash("session-" + k);
            if (four.lookup(h) != five.lookup(h)) {
                maglevMoved++;
            }
            if (Long.remainderUnsigned(h, 4) != Long.remainderUnsigned(h, 5)) {
                moduloMoved++;
            }
        }
        double maglev = (double) maglevMoved / KEYS;
        double modulo = (double) moduloMoved / KEYS;
        assertThat(maglev).as("Maglev share of keys moved").isLessThanOrEqualTo(0.25);
        assertThat(modulo).as("modulo share of keys moved").isGreaterThanOrEqualTo(0.78);
    }

    @Test
    void membersGetEvenShares() {
        MaglevTable t = table("a", "b", "c", "d");
        int[] counts = new int[4];
        for (int k = 0; k < KEYS; k++) {
            counts[t.lookup(KeyHash.hash("k" + k))]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(KEYS / 4 - KEYS / 40, KEYS / 4 + KEYS / 40);
        }
    }

    @Test
    void sharesFollowTheWeights() {
        MaglevTable t = MaglevTable.build(List.of("a", "b"), new int[] {0, 1}, new long[] {70, 30});
        int[] counts = new int[2];
        for (int k = 0; k < KEYS; k++) {
            counts[t.lookup(KeyHash.hash("k" + k))]++;
        }
        assertThat(counts[0]).isBetween(KEYS * 68 / 100, KEYS * 72 / 100);
        assertThat(counts[1]).isBetween(KEYS * 28 / 100, KEYS * 32 / 100);
    }

    @Test
    void refusesMembersWithoutWeight() {
        assertThatThrownBy(
                        () -> MaglevTable.build(List.of("a", "b"), new int[] {0, 1}, new long[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive weight");
    }

    private static MaglevTable table(String... names) {
        long[] even = new long[names.length];
        Arrays.fill(even, 1);
        return MaglevTable.build(List.of(names), IntStream.range(0, names.length).toArray(), even);
    }
}
