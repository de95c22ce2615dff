package dev.switchboard.engine.balance;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What the latency-aware balancers know of one backend: attempts in flight (picked, no response head yet) and the
 * peak-EWMA of response-head latency. Finagle's and Linkerd's metric: a sample above the average replaces it (quick
 * to react to a slow backend), one below moves it by 1 - e^(-dt/tau) for the time dt since the previous sample,
 * and read between samples it decays towards 0 with the same time constant, so an avoided backend is tried again.
 *
 * <p>Reads are lock-free and allocation-free; an outcome takes the monitor of this backend only.
 */
public final class BackendLoad {

    /** Finagle's and Linkerd's default decay time: the cost's mean lifetime. */
    public static final double DECAY_NANOS = 10e9;
    /**
     * dt/tau in {@link Decay#sixtyFourthHalvings}'s steps: one multiplication, not a division, on every sample of a
     * pick (the division was a tenth of a peak-ewma pick).
     */
    private static final double STEPS_PER_NANO = Decay.STEPS_PER_UNIT / DECAY_NANOS;
    /** Finagle's cost of a backend with requests in flight but no latency yet: worse than any measured one. */
    private static final double PENALTY = Long.MAX_VALUE >> 16;
    private static final VarHandle IN_FLIGHT;

    static {
        try {
            IN_FLIGHT = MethodHandles.lookup().findVarHandle(BackendLoad.class, "inFlight", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A field, not an AtomicInteger: one pointer less to follow on every pick. */
    private volatile int inFlight;
    private volatile double ewmaNanos;
    private volatile long stampNanos;

    /** A pick: one more attempt in flight. */
    public void started() {
        IN_FLIGHT.getAndAdd(this, 1);
    }

    /**
     * The attempt's first outcome (or its end without one).
     *
     * @param latencyNanos attempt start to response head or failure; negative when unknown (no sample)
     */
    public void ended(long latencyNanos, long nowNanos) {
        // Never below 0, even if a caller ends an attempt twice.
        int n;
        do {
            n = inFlight;
        } while (n > 0 && !IN_FLIGHT.compareAndSet(this, n, n - 1));
        if (latencyNanos >= 0) {
            observe(latencyNanos, nowNanos);
        }
    }

    private synchronized void observe(double rtt, long now) {
        double w = weight(now - stampNanos);
        double ewma = ewmaNanos;
        ewmaNanos = rtt > ewma ? rtt : ewma * w + rtt * (1 - w);
        stampNanos = now;
    }

    public int inFlight() {
        return inFlight;
    }

    /** The peak-EWMA latency now, decayed since the last sample; 0 before any. */
    public double latencyNanos(long nowNanos) {
        double ewma = ewmaNanos;
        return ewma == 0 ? 0 : ewma * weight(nowNanos - stampNanos);
    }

    /** Finagle's load: latency x (in flight + 1), or a penalty when requests are in flight but none has answered yet. */
    public double peakEwmaCost(long nowNanos) {
        double latency = latencyNanos(nowNanos);
        int pending = inFlight;
        return latency == 0 && pending > 0 ? PENALTY + pending : latency * (pending + 1);
    }

    /**
     * e^(-dt/tau), the same way for every gap: a short form for gaps under 10 ms (1 - dt/tau) and exp for the others
     * was a branch on each sampled member's age, mispredicted when the ages mix, and peak-ewma picks measured
     * 36-70 ns over the same pool depending on that mix alone.
     */
    private static double weight(long elapsedNanos) {
        return Decay.sixtyFourthHalvings(Math.max(0, elapsedNanos) * STEPS_PER_NANO);
    }
}
