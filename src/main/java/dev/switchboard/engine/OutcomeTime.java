package dev.switchboard.engine;

/**
 * The engine's time as of its latest outcome. Latency-aware picks decay costs with it instead of reading the clock:
 * the decay is on a 10 s scale, a clock read costs a third of a pick, and outcomes arrive whenever traffic flows.
 */
final class OutcomeTime {

    private volatile long nanos;

    OutcomeTime(long startNanos) {
        this.nanos = startNanos;
    }

    /** Moves forward only; two outcomes racing may leave the earlier time, one outcome behind at most. */
    void advance(long nowNanos) {
        if (nowNanos - nanos > 0) {
            nanos = nowNanos;
        }
    }

    long nanos() {
        return nanos;
    }
}
