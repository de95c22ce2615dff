package dev.switchboard.engine;

import java.time.Duration;
import java.time.Instant;

/** Virtual clock for tests: time moves only when the test advances it. */
public final class ManualTicker implements Ticker {

    private static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    private volatile long nanos = 1_000_000_000L;

    @Override
    public long nanos() {
        return nanos;
    }

    @Override
    public Instant instant() {
        return EPOCH.plusNanos(nanos);
    }

    public void advance(Duration d) {
        nanos += d.toNanos();
    }

    public void advanceSeconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }
}
