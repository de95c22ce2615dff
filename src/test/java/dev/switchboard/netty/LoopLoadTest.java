package dev.switchboard.netty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopLoadTest {

    private static final long MS = 1_000_000L;

    @Test
    void aLoopStartsWakingOnTheFirstEvent() {
        assertThat(new LoopLoad().busyEnough()).isFalse();
    }

    @Test
    void aWindowBusyHalfTheTimeOrMoreIsBusyEnough() {
        LoopLoad load = new LoopLoad();
        window(load, 5 * MS, 5 * MS);

        assertThat(load.busyEnough()).isTrue();
    }

    @Test
    void aWindowBusyLessThanHalfLeavesItOff() {
        LoopLoad load = new LoopLoad();
        window(load, 4 * MS, 6 * MS);

        assertThat(load.busyEnough()).isFalse();
    }

    @Test
    void itDecidesOnlyOnceAWindowIsFull() {
        LoopLoad load = new LoopLoad();
        load.busy(9 * MS);

        assertThat(load.busyEnough()).isFalse();
        load.idle(MS);
        assertThat(load.busyEnough()).isTrue();
    }

    @Test
    void onceOnItStaysOnDownToThirtyPerCentAndTurnsOffBelow() {
        LoopLoad load = new LoopLoad();
        window(load, 8 * MS, 2 * MS);

        window(load, 3 * MS, 7 * MS);
        assertThat(load.busyEnough()).as("30 %% busy: hysteresis keeps it on").isTrue();
        window(load, 2 * MS, 8 * MS);
        assertThat(load.busyEnough()).as("20 %% busy").isFalse();
    }

    @Test
    void aLongQuietSpellEndsItAtTheNextWake() {
        LoopLoad load = new LoopLoad();
        window(load, 10 * MS, 0);

        load.busy(MS / 10);
        load.idle(500 * MS);
        assertThat(load.busyEnough()).isFalse();
    }

    @Test
    void eachWindowStartsAfresh() {
        LoopLoad load = new LoopLoad();
        window(load, 0, 100 * MS);

        window(load, 6 * MS, 4 * MS);
        assertThat(load.busyEnough()).as("a long idle window does not dilute the next").isTrue();
    }

    private static void window(LoopLoad load, long busy, long idle) {
        load.busy(busy);
        load.idle(idle);
    }
}
