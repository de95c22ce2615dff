package dev.switchboard.netty;

/**
 * How busy an event loop has been lately, from the time it spends working and waiting, and so whether it is busy
 * enough for coalescing its wake-ups to be worth trying ({@link CoalescingIoHandler}, {@link CoalescingTrial}). It
 * decides once per window of {@value #WINDOW_NANOS} ns of loop time, with hysteresis, so a loop near the threshold
 * does not flip on every window. Fed with nanosecond spans by its loop alone; it reads no clock, so tests drive it in
 * virtual time.
 */
final class LoopLoad {

    static final long WINDOW_NANOS = 10_000_000L;
    /** Busy share from which coalescing is tried: a loop this loaded may be the shared resource, not the wait. */
    static final double ON = 0.5;
    /** Busy share below which it stops: at light load a wait must wake on the first event. */
    static final double OFF = 0.3;

    private long busy;
    private long idle;
    private boolean busyEnough;

    void busy(long nanos) {
        busy += nanos;
        decideIfWindowFull();
    }

    void idle(long nanos) {
        idle += nanos;
        decideIfWindowFull();
    }

    boolean busyEnough() {
        return busyEnough;
    }

    private void decideIfWindowFull() {
        long total = busy + idle;
        if (total < WINDOW_NANOS) {
            return;
        }
        double share = (double) busy / total;
        busyEnough = busyEnough ? share >= OFF : share >= ON;
        busy = 0;
        idle = 0;
    }
}
