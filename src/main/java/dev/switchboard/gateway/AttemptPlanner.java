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

    AttemptPlanner(Engine engine, PinnedState pinned, RouteMatch route, HttpRequest request) {
        this.engine = engine;
        this.pinned = pinned;
        this.config = pinned.config();
        this.route = route;
        this.affinityKey = AffinityKeys.of(config.backend(route.targetId()), request);
        ApiConfig api = route.api();
        this.attempts = new Attempts(api.retry() == null || api.retry().otherBackend());
    }

    /** The next attempt's backend, or the target's NoneAvailable. */
    Pick next() {
        return engine.pick(pinned, route.targetId(), affinityKey, attempts);
    }

    /** Attempts picked so far. */
    int count() {
        return attempts.count();
    }

    /**
     * The wait before another attempt after one that ended with {@code status} or {@code reason}, or null when the
     * retry policy says stop, there is none, or the wait would end after the total deadline.
     */
    Duration retryDelay(int status, ErrorReason reason, ExchangeTimers timers) {
        ApiConfig api = route.api();
        if (api.retry() == null) {
            return null;
        }
        RetryDecision decision = engine.retryPlanner().decide(api.retry(), attempts.count(), status, reason);
        if (!decision.retry() || !timers.beforeDeadline(decision.delay())) {
            return null;
        }
        LOG.debug("{} retry: {}", route.api().name(), decision.reason());
        return decision.delay();
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
