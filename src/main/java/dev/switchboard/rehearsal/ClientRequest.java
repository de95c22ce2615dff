package dev.switchboard.rehearsal;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.ErrorReason;
import dev.switchboard.config.scenario.BackendPhase;
import dev.switchboard.engine.Attempts;
import dev.switchboard.engine.BackendHandle;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.NoneAvailable;
import dev.switchboard.engine.Pick;
import dev.switchboard.engine.retry.RetryDecision;

/**
 * One client request through the gateway's attempt loop, in virtual time: pick a backend (the engine's
 * {@link Engine#pick} with this request's {@link Attempts}), send the attempt to the simulated backend, record its
 * outcome and virtual latency ({@link Engine#recordOutcome}; latency-aware pools learn from it), ask the
 * {@code RetryPlanner} whether and when to try again, wait, repeat. Deadlines, statuses and which outcomes retry
 * follow the gateway's {@code ProxyExchange}; {@code RehearsalMatchesGatewayTest} runs both on the same scenario and
 * compares them.
 *
 * <p>The request is its own event: each {@link #fire()} runs the step it is waiting for.
 */
final class ClientRequest extends VirtualTime.Event {

    /** What the gateway answers when no backend response reaches the client. */
    static final int NO_API_STATUS = 404;
    static final int CONNECT_FAILED_STATUS = 502;
    static final int TIMEOUT_STATUS = 504;

    private enum Step { ATTEMPT, RESPONSE, FAILURE }

    private final RehearsalRun run;
    private final ScenarioRequest request;
    private final boolean first;
    private final Engine engine;
    private ApiConfig api;
    private long deadline;
    private Attempts attempts;
    private Step step;
    private BackendHandle handle;
    private String previousBackend;
    private int status;
    private String retryAfter;
    private ErrorReason reason;
    /** Virtual time the current attempt was sent, for its latency. */
    private long attemptStart;

    ClientRequest(RehearsalRun run, ScenarioRequest request, boolean first) {
        this.run = run;
        this.request = request;
        this.first = first;
        this.engine = run.engine();
    }

    /** The request arrives at the gateway now. */
    void start() {
        if (request.route() == null) {
            run.recorder().finished(NO_API_STATUS, 0, first);
            return;
        }
        if (request.answer() != null) {
            run.recorder().finished(request.answer().status(), 0, first);
            return;
        }
        api = request.route().api();
        deadline = run.time().nanos() + api.timeouts().total().toNanos();
        attempts = new Attempts(api.retry() == null || api.retry().otherBackend());
        attempt();
    }

    @Override
    void fire() {
        switch (step) {
            case ATTEMPT -> attempt();
            case RESPONSE -> onResponse();
            case FAILURE -> onFailure();
        }
    }

    private void attempt() {
        Pick pick = engine.pick(request.route().targetId(), request.affinityKey(), attempts);
        if (pick instanceof NoneAvailable none) {
            run.recorder().poolExhausted(!run.apim() && none.retryAfterSeconds() >= 0);
            run.recorder().finished(none.status(), attempts.count(), first);
            return;
        }
        handle = (BackendHandle) pick;
        long now = run.time().nanos();
        attemptStart = now;
        run.recorder().attempt(handle.backendId(), previousBackend);
        previousBackend = handle.backendId();
        BackendPhase phase = run.backends().phase(handle.backendId(), now);
        long perTryEnd = now + api.timeouts().perTry().toNanos();
        if (phase.refuse()) {
            fail(ErrorReason.BackendConnectionFailure, now);
        } else if (phase.hang() || now + phase.latency().toNanos() >= perTryEnd) {
            fail(ErrorReason.Timeout, perTryEnd);
        } else {
            // Like the sim-backend, the answer is decided when the request arrives and sent after the latency.
            status = run.backends().status(phase);
            retryAfter = SimulatedBackends.retryAfter(phase, status);
            long at = now + phase.latency().toNanos();
            if (at >= deadline) {
                fail(ErrorReason.Timeout, deadline);
            } else {
                step = Step.RESPONSE;
                run.time().at(at, this);
            }
        }
    }

    private void fail(ErrorReason why, long at) {
        reason = why;
        step = Step.FAILURE;
        run.time().at(Math.min(at, deadline), this);
    }

    private void onResponse() {
        engine.recordOutcome(handle, status, null, retryAfter, run.time().nanos() - attemptStart);
        if (!retryLater(status, null)) {
            run.recorder().finished(status, attempts.count(), first);
        }
    }

    private void onFailure() {
        engine.recordOutcome(handle, 0, reason, null, run.time().nanos() - attemptStart);
        // At the total deadline the gateway answers 504 whatever the retry policy says.
        if (run.time().nanos() >= deadline || !retryLater(0, reason)) {
            boolean timedOut = reason == ErrorReason.Timeout || run.time().nanos() >= deadline;
            run.recorder().finished(timedOut ? TIMEOUT_STATUS : CONNECT_FAILED_STATUS, attempts.count(), first);
        }
    }

    /** Schedules the next attempt when the retry policy asks for one that starts before the deadline. */
    private boolean retryLater(int lastStatus, ErrorReason lastReason) {
        if (api.retry() == null) {
            return false;
        }
        RetryDecision decision = engine.retryPlanner().decide(api.retry(), attempts.count(), lastStatus, lastReason);
        long at = run.time().nanos() + decision.delay().toNanos();
        if (!decision.retry() || at >= deadline) {
            return false;
        }
        step = Step.ATTEMPT;
        run.time().at(at, this);
        return true;
    }
}
