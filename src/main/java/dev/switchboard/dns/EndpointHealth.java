package dev.switchboard.dns;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The probe-driven status of one monitored, enabled endpoint: CHECKING until the first result, then ONLINE, or
 * DEGRADED once more probes in a row failed than tolerated; one success makes it ONLINE again (Traffic Manager).
 * Also when its next probe is due. Guarded by its profile's lock.
 */
final class EndpointHealth {

    private static final AtomicLong GENERATIONS = new AtomicLong();

    private final long generation = GENERATIONS.incrementAndGet();
    private MonitorStatus status = MonitorStatus.CHECKING;
    private String reason = "waiting for the first probe";
    private int failures;
    private long nextProbeNanos;
    private boolean probing;
    private Instant lastProbe;

    EndpointHealth(long nowNanos) {
        this.nextProbeNanos = nowNanos;
    }

    long generation() {
        return generation;
    }

    MonitorStatus status() {
        return status;
    }

    String reason() {
        return reason;
    }

    int failures() {
        return failures;
    }

    Instant lastProbe() {
        return lastProbe;
    }

    /** Whether a probe should start now: none is running and the interval since the last start has passed. */
    boolean due(long nowNanos) {
        return !probing && nowNanos - nextProbeNanos >= 0;
    }

    /** A probe starts now; the next one is due an interval after this start. */
    void started(long nowNanos, Duration interval) {
        probing = true;
        nextProbeNanos = nowNanos + interval.toNanos();
    }

    /** @return true when the status changed */
    boolean record(ProbeResult result, int toleratedFailures, Instant at) {
        MonitorStatus before = status;
        probing = false;
        lastProbe = at;
        if (result.success()) {
            failures = 0;
            status = MonitorStatus.ONLINE;
            reason = "probe succeeded: " + result.detail();
        } else {
            failures++;
            status = failures > toleratedFailures ? MonitorStatus.DEGRADED : MonitorStatus.ONLINE;
            reason = failures + " failed probe(s) in a row, " + toleratedFailures + " tolerated; last: " + result.detail();
        }
        return status != before;
    }
}
