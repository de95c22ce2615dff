package dev.switchboard.engine;

import dev.switchboard.engine.balance.BackendLoad;
import dev.switchboard.engine.routing.BackendUrl;

/**
 * A pickable backend as the gateway sees it: one preallocated instance per pool member (or per single backend)
 * and engine state, returned by every pick of it. Pass it back to {@link Engine#recordOutcome}.
 */
public final class BackendHandle implements Pick {

    private final String targetId;
    private final String backendId;
    private final BackendUrl url;
    /** {@link BackendUrl#authority()}, made once rather than per request. */
    private final String authority;
    private final int memberIndex;
    final BackendRuntime runtime;
    final Availability availability;
    /**
     * The backend's load when a latency-aware pool reads it (least-request, peak-ewma or spillWhenSlow), else null:
     * fixed per handle, so an attempt's end undoes exactly what its pick counted, even across a config swap, and
     * picks that no balancer reads skip the atomic add.
     */
    final BackendLoad load;

    BackendHandle(String targetId, BackendRuntime runtime, BackendUrl url, int memberIndex, Availability availability,
                  boolean loadTracked) {
        this.targetId = targetId;
        this.backendId = runtime.id();
        this.runtime = runtime;
        this.load = loadTracked ? runtime.load() : null;
        this.url = url;
        this.authority = url.authority();
        this.memberIndex = memberIndex;
        this.availability = availability;
    }

    /** Counts the attempt in flight, for the balancers that read it. */
    void started() {
        if (load != null) {
            load.started();
        }
    }

    /** Undoes {@link #started} for a pick not made after all (a half-open member without a trial permit). */
    void unstarted() {
        if (load != null) {
            load.ended(-1, 0);
        }
    }

    /** The pool or single backend the pick was made for. */
    public String targetId() {
        return targetId;
    }

    public String backendId() {
        return backendId;
    }

    public BackendUrl url() {
        return url;
    }

    /** The Host value of this backend: {@link BackendUrl#authority()}. */
    public String authority() {
        return authority;
    }

    /** Index in the pool's services list; -1 for a single backend. */
    public int memberIndex() {
        return memberIndex;
    }

    @Override
    public boolean none() {
        return false;
    }

    /** Admits a pick: always, except a half-open breaker that has no trial permit left (lock-free). */
    boolean admit() {
        return availability != Availability.HALF_OPEN || runtime.breaker().tryAcquireTrial();
    }

    @Override
    public String toString() {
        return backendId + "@" + targetId;
    }
}
