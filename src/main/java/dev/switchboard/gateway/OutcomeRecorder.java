package dev.switchboard.gateway;

import dev.switchboard.config.ErrorReason;
import dev.switchboard.engine.BackendHandle;
import dev.switchboard.engine.Engine;
import dev.switchboard.gateway.stats.ApiAttemptStats;
import io.netty.util.concurrent.Ticker;
import java.util.stream.IntStream;

/**
 * Records how one attempt on one backend went, in the engine (breaker, half-open permit) and in the traffic
 * stats (the backend's and its API's). Only the first outcome of an attempt counts as its request; a failure after it (the response broke off)
 * is counted as such.
 */
final class OutcomeRecorder {

    /** Statuses as the log's outcome text, made once: a String per response was an allocation on the event loop. */
    private static final String[] STATUS_TEXT = IntStream.range(0, 600).mapToObj(Integer::toString)
            .toArray(String[]::new);

    private final Engine engine;
    private final BackendHandle backend;
    private final ApiAttemptStats stats;
    private final Ticker ticker;
    private final long startNanos;
    /** The access log's and trace's view of this attempt; null when neither is on. */
    private final ExchangeRecord.Attempt record;
    private boolean counted;

    OutcomeRecorder(Engine engine, BackendHandle backend, ApiAttemptStats stats, Ticker ticker, ExchangeRecord.Attempt record) {
        this.record = record;
        this.engine = engine;
        this.backend = backend;
        this.stats = stats;
        this.ticker = ticker;
        this.startNanos = ticker.nanoTime();
        stats.started();
    }

    /** A response head with {@code status} ({@code reason} null), or a transport failure. */
    void outcome(int status, ErrorReason reason, String retryAfter) {
        long now = ticker.nanoTime();
        long elapsed = now - startNanos;
        engine.recordOutcome(backend, status, reason, retryAfter, counted ? Engine.LATER_OUTCOME : elapsed);
        if (record != null) {
            record.ended(reason != null ? reason.name() : status >= 0 && status < STATUS_TEXT.length ? STATUS_TEXT[status]
                    : Integer.toString(status), now);
        }
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
            if (record != null) {
                record.ended("abandoned", ticker.nanoTime());
            }
        }
        endUncounted();
    }
}
