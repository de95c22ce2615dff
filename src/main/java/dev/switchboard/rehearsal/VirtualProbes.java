package dev.switchboard.rehearsal;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.HealthProbeConfig;
import dev.switchboard.config.StatusCodeRange;
import dev.switchboard.config.scenario.BackendPhase;

/**
 * Active health probes against the simulated backends, timed as the gateway's prober times them: the first at the
 * start, each next one an interval after the previous one ended, a probe failing at its timeout when the backend
 * hangs or is slower. Results go to the engine like the gateway's.
 */
final class VirtualProbes {

    private VirtualProbes() {
    }

    /** Starts a probe cycle for every probed backend; probes stop at {@code endNanos}. */
    static void start(RehearsalRun run, long endNanos) {
        for (BackendConfig backend : run.config().backends().values()) {
            if (!backend.isPool() && backend.healthProbe() != null) {
                run.time().at(0, new Probe(run, backend.id(), backend.healthProbe(), endNanos));
            }
        }
    }

    /** One backend's probe cycle: alternately sends a probe and reports its result. */
    private static final class Probe extends VirtualTime.Event {
        private final RehearsalRun run;
        private final String backendId;
        private final HealthProbeConfig config;
        private final long endNanos;
        private boolean sent;
        private boolean success;
        private String detail;

        Probe(RehearsalRun run, String backendId, HealthProbeConfig config, long endNanos) {
            this.run = run;
            this.backendId = backendId;
            this.config = config;
            this.endNanos = endNanos;
        }

        @Override
        void fire() {
            long now = run.time().nanos();
            if (sent) {
                sent = false;
                run.engine().reportProbe(backendId, success, detail);
                if (now + config.interval().toNanos() < endNanos) {
                    run.time().at(now + config.interval().toNanos(), this);
                }
                return;
            }
            sent = true;
            BackendPhase phase = run.backends().phase(backendId, now);
            long timeout = config.timeout().toNanos();
            if (phase.refuse()) {
                answer(now, false, "cannot connect: connection refused");
            } else if (phase.hang() || phase.latency().toNanos() >= timeout) {
                answer(now + timeout, false, "no response within " + config.timeout());
            } else {
                int status = run.backends().status(phase);
                answer(now + phase.latency().toNanos(), StatusCodeRange.anyContains(config.expectedStatusCodeRanges(), status),
                        "status " + status);
            }
        }

        private void answer(long at, boolean ok, String why) {
            success = ok;
            detail = why;
            run.time().at(at, this);
        }
    }
}
