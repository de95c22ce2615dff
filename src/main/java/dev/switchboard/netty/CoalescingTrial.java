package dev.switchboard.netty;

/**
 * Whether coalesced waits let a busy loop complete more I/O per second than waking on the first event, found by
 * trying both ({@link CoalescingIoHandler}). Busy share alone cannot tell: a loop sharing saturated cores with its
 * peers is as busy at 16 concurrent clients, where each coalesced wait's latency costs an eighth of the requests, as
 * at 64, where the wake-ups it saves are worth a tenth more. With clients that wait for their answers, as wrk and
 * most callers do, the mode that completes more per second is the faster one.
 *
 * <p>A trial alternates the two modes over {@value #WINDOWS} windows of {@value #WINDOW_NANOS} ns in the order
 * off, on, on, off, so a load that drifts during the trial favours neither. Coalescing wins only if it completes at
 * least {@value #MARGIN} times as much per second; a tie keeps the lower latency of waking at once. The winner then
 * holds for {@value #FIRST_HOLD_NANOS} ns, doubling each time the next trial confirms it, up to {@value
 * #MAX_HOLD_NANOS} ns, so a change of load is found within that. Fed by its loop alone; it reads no clock.
 */
final class CoalescingTrial {

    static final long WINDOW_NANOS = 20_000_000L;
    static final int WINDOWS = 8;
    static final double MARGIN = 1.03;
    static final long FIRST_HOLD_NANOS = 500_000_000L;
    static final long MAX_HOLD_NANOS = 4_000_000_000L;

    private boolean coalescing;
    private boolean trying = true;
    private int window;
    private long elapsed;
    /** Per mode (0 off, 1 on) during a trial: nanoseconds spent and completions handled. */
    private final long[] nanos = new long[2];
    private final long[] completions = new long[2];
    private long hold;

    /** Whether the loop's next wait should coalesce. */
    boolean coalescing() {
        return trying ? modeOf(window) : coalescing;
    }

    /** Counts {@code spent} ns of loop time, in which it handled {@code handled} completions. */
    void record(long spent, long handled) {
        elapsed += spent;
        if (!trying) {
            if (elapsed >= hold) {
                startTrial();
            }
            return;
        }
        int mode = modeOf(window) ? 1 : 0;
        nanos[mode] += spent;
        completions[mode] += handled;
        if (elapsed >= WINDOW_NANOS) {
            elapsed = 0;
            if (++window == WINDOWS) {
                decide();
            }
        }
    }

    /** Forgets any trial and result, as after a quiet spell: the next load is tried afresh. */
    void restart() {
        coalescing = false;
        hold = 0;
        startTrial();
    }

    private void decide() {
        boolean wins = completions[1] * nanos[0] >= MARGIN * completions[0] * nanos[1] && completions[1] > 0;
        hold = wins == coalescing && hold > 0 ? Math.min(2 * hold, MAX_HOLD_NANOS) : FIRST_HOLD_NANOS;
        coalescing = wins;
        trying = false;
    }

    private void startTrial() {
        trying = true;
        window = 0;
        elapsed = 0;
        nanos[0] = nanos[1] = 0;
        completions[0] = completions[1] = 0;
    }

    /** Off, on, on, off, off, on, on, off. */
    private static boolean modeOf(int window) {
        return ((window + 1) & 2) != 0;
    }
}
