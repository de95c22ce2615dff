package dev.switchboard.gateway;

import dev.switchboard.config.ErrorReason;
import dev.switchboard.engine.BackendHandle;
import dev.switchboard.engine.Engine;
import dev.switchboard.gateway.stats.BackendStats;
import io.netty.util.concurrent.Ticker;

/**
 * Records how one attempt on one backend went, in the engine (breaker, half-open permit) and in the traffic
 * stats. Only the first outcome of an attempt counts as its request; a failure after it (the response broke off)
 * is counted as such.
 */
final class OutcomeRecorder {

    private final Engine engine;
    private final BackendHandle backend;
    private final BackendStats stats;
    private final Ticker ticker;
    private final long startNanos;
    private boolean counted;

    OutcomeRecorder(Engine engine, BackendHandle backend, BackendStats stats, Ticker ticker) {
        this.engine = engine;
        this.backend = backend;
        this.stats = stats;
        this.ticker = ticker;
        this.startNanos = ticker.nanoTime();
        stats.started();
    }

    /** A response head with {@code status} ({@code reason} null), or a transport failure. */
    void outcome(int status, ErrorReason reason, String retryAfter) {
        engine.recordOutcome(backend, status, reason, retryAfter);
        long elapsed = ticker.nanoTime() - startNanos;
        if (counted) {
            stats.failedMidResponse(reason);
        } else if (reason == null) {
            stats.responded(status, elapsed);
        } else {
            stats.failed(reason, elapsed);
        }
        counted = true;
    }

    void bodyBytes(int bytes) {
        stats.bytes(bytes);
    }

    /** The attempt ends without an outcome of the backend's making (the client left, a pooled connection was stale). */
    void endUncounted() {
        if (!counted) {
            counted = true;
            stats.abandoned();
        }
    }

    /** The client left: a pick without an outcome gives back its half-open permit; the stats count it as abandoned. */
    void abandon() {
        if (!counted) {
            engine.abandon(backend);
        }
        endUncounted();
    }
}
