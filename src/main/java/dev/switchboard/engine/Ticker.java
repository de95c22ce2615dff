package dev.switchboard.engine;

import java.time.Instant;
import java.time.InstantSource;

/**
 * The engine's clock: monotonic nanos for windows, trips and ramps, and wall time for event timestamps and
 * HTTP-date Retry-After. Injected so tests run every time-based behaviour in virtual time.
 */
public interface Ticker extends InstantSource {

    /** Monotonic time in nanoseconds; only differences are meaningful. */
    long nanos();

    static Ticker system() {
        return SystemTicker.INSTANCE;
    }
}

enum SystemTicker implements Ticker {
    INSTANCE;

    @Override
    public long nanos() {
        return System.nanoTime();
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }
}
