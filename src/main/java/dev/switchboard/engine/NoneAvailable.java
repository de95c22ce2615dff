package dev.switchboard.engine;

import dev.switchboard.engine.breaker.BreakerState;
import java.time.Duration;
import java.util.List;

/**
 * "No backend can take this request" for one target: the status to answer with and, computed on demand, the
 * smallest remaining trip time of its members for a Retry-After header.
 */
public final class NoneAvailable implements Pick {

    private final String targetId;
    private final int status;
    private final List<BackendRuntime> members;
    private final Ticker ticker;

    NoneAvailable(String targetId, int status, List<BackendRuntime> members, Ticker ticker) {
        this.targetId = targetId;
        this.status = status;
        this.members = List.copyOf(members);
        this.ticker = ticker;
    }

    public String targetId() {
        return targetId;
    }

    /** HTTP status to answer with (pool's whenAllUnavailable.statusCode, 503 by default). */
    public int status() {
        return status;
    }

    /** Smallest remaining OPEN time among the members, or null when no member's breaker has a deadline. */
    public Duration retryAfter() {
        long now = ticker.nanos();
        long best = Long.MAX_VALUE;
        for (BackendRuntime m : members) {
            if (m.breaker().state() == BreakerState.OPEN) {
                best = Math.min(best, Math.max(0, m.breaker().openUntilNanos() - now));
            }
        }
        return best == Long.MAX_VALUE ? null : Duration.ofNanos(best);
    }

    /** {@link #retryAfter()} rounded up to whole seconds for the header, or -1 when there is none. */
    public long retryAfterSeconds() {
        Duration d = retryAfter();
        return d == null ? -1 : (d.toNanos() + 999_999_999L) / 1_000_000_000L;
    }

    @Override
    public boolean none() {
        return true;
    }

    @Override
    public String toString() {
        return "none available for " + targetId;
    }
}
