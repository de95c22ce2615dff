package dev.switchboard.gateway.stats;

import dev.switchboard.config.ErrorReason;

/**
 * What the request path records for one attempt of one API on one backend: it counts into the backend's
 * {@link BackendStats} and into the API's own outcome counters, so {@code /metrics} has both views without a second
 * lookup per attempt. One instance per (backend, API), created on first use.
 */
public final class ApiAttemptStats {

    private final BackendStats backend;
    private final OutcomeCounters api = new OutcomeCounters();

    ApiAttemptStats(BackendStats backend) {
        this.backend = backend;
    }

    public void started() {
        backend.started();
    }

    public void responded(int status, long nanos) {
        backend.responded(status, nanos);
        api.responded(status);
    }

    public void failed(ErrorReason reason, long nanos) {
        backend.failed(reason, nanos);
        api.failed(reason);
    }

    public void failedMidResponse(ErrorReason reason) {
        backend.failedMidResponse(reason);
        api.failedMidResponse(reason);
    }

    public void abandoned() {
        backend.abandoned();
    }

    public void bytes(long count) {
        backend.bytes(count);
    }

    /** This API's outcomes on this backend since start (bytes and retries are counted per backend only). */
    public StatsTotals totals() {
        return api.totals(0, 0);
    }
}
