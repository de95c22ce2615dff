package dev.switchboard.telemetry.server;

import java.util.function.LongSupplier;

/** A rate limit: {@code rate} takes per second, bursts up to {@code burst}; the clock is injectable for tests. */
final class TokenBucket {

    private final double rate;
    private final double burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long lastNanos;

    TokenBucket(double rate, double burst) {
        this(rate, burst, System::nanoTime);
    }

    TokenBucket(double rate, double burst, LongSupplier nanoTime) {
        this.rate = rate;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.lastNanos = nanoTime.getAsLong();
    }

    /** Takes one token if there is one. */
    synchronized boolean tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * rate);
        lastNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
