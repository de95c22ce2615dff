package dev.switchboard.gateway;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.ErrorReason;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.TlsConfig;
import dev.switchboard.engine.Attempts;
import dev.switchboard.engine.BackendHandle;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.Pick;
import dev.switchboard.engine.PinnedState;
import dev.switchboard.engine.retry.RetryDecision;
import dev.switchboard.engine.routing.RouteMatch;
import io.netty.handler.codec.http.HttpRequest;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the backend of each attempt of one routed request, from the engine state it was routed with, and decides
 * whether a failed attempt is tried again.
 */
final class AttemptPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptPlanner.class);

    private final Engine engine;
    private final PinnedState pinned;
    private final GatewayConfig config;
    private final RouteMatch route;
    private final String affinityKey;
    private final Attempts attempts;
    /** Where picks and retry decisions are written down for the access log and trace; null when neither is on. */
    private final ExchangeRecord record;
    private final ExchangeTimers timers;

    AttemptPlanner(Engine engine, PinnedState pinned, RouteMatch route, HttpRequest request, ExchangeRecord record,
                   ExchangeTimers timers) {
        this.engine = engine;
        this.record = record;
        this.timers = timers;
        this.pinned = pinned;
        this.config = pinned.config();
        this.route = route;
        this.affinityKey = AffinityKeys.of(config.backend(route.targetId()), request);
        ApiConfig api = route.api();
        this.attempts = new Attempts(api.retry() == null || api.retry().otherBackend());
    }

    /** The next attempt's backend, or the target's NoneAvailable. */
    Pick next() {
        if (record == null) {
            return engine.pick(pinned, route.targetId(), affinityKey, attempts);
        }
        PinnedState used = engine.pickState(pinned);
        Pick pick = engine.pick(used, route.targetId(), affinityKey, attempts);
        ExchangeRecord.Attempt attempt = record.picked(used, affinityKey, attempts.preferUntried(), pick, timers.now());
        if (pick.none()) {
            attempt.ended("none-available", timers.now());
        }
        return pick;
    }

    /** The record of the attempt just picked; null when nothing is recorded. */
    ExchangeRecord.Attempt recordedAttempt() {
        return record == null ? null : record.attempts.getLast();
    }

    /** Attempts picked so far. */
    int count() {
        return attempts.count();
    }

    /**
     * The wait before another attempt after one that ended with {@code status} or {@code reason}, or null when the
     * retry policy says stop, there is none, the body cannot be sent again ({@code replayable} false) or the wait
     * would end after the total deadline.
     */
    Duration retryDelay(int status, ErrorReason reason, boolean replayable) {
        ApiConfig api = route.api();
        if (api.retry() == null) {
            return decided(null, "no retry policy");
        }
        if (!replayable) {
            return decided(null, "the body already streamed to the backend");
        }
        RetryDecision decision = engine.retryPlanner().decide(api.retry(), attempts.count(), status, reason);
        if (!decision.retry()) {
            return decided(null, decision.reason());
        }
        if (!timers.beforeDeadline(decision.delay())) {
            return decided(null, "a retry after " + decision.delay() + " would pass the total timeout");
        }
        LOG.debug("{} retry: {}", route.api().name(), decision.reason());
        return decided(decision.delay(), decision.reason());
    }

    private Duration decided(Duration delay, String why) {
        ExchangeRecord.Attempt attempt = recordedAttempt();
        if (attempt != null) {
            attempt.retry(delay, why);
        }
        return delay;
    }

    /** Which pooled connections can serve {@code backend}: its address and, for https, its certificate checks. */
    UpstreamKey upstreamKey(BackendHandle backend) {
        TlsConfig tls = null;
        if (backend.url().tls()) {
            BackendConfig backendConfig = config.backend(backend.backendId());
            tls = backendConfig == null || backendConfig.tls() == null ? TlsConfig.DEFAULT : backendConfig.tls();
        }
        return new UpstreamKey(backend.url().host(), backend.url().port(), tls);
    }
}
