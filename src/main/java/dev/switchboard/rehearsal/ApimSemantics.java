package dev.switchboard.rehearsal;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.Balancer;
import dev.switchboard.config.BreakerRule;
import dev.switchboard.config.CircuitBreakerConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.PoolConfig;
import dev.switchboard.config.RetryPolicy;
import dev.switchboard.config.WhenAllUnavailable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A config limited to what Azure API Management does, so a rehearsal shows APIM's behaviour beside ours: one breaker
 * rule per backend that resets when its trip ends (no half-open trials), no active probes or slow start, strict
 * weighted priority groups (no latency-aware balancer or spill), an exhausted pool answering 503 (the rehearsal drops
 * its Retry-After), and retries that may pick the backend that just failed. Every change is named, so nothing differs
 * silently.
 */
final class ApimSemantics {

    /** The limited config and one line per kind of change, naming the backends, pools or apis it touched. */
    record Limited(GatewayConfig config, List<String> adjustments) {
    }

    private final Map<String, List<String>> notes = new LinkedHashMap<>();

    private ApimSemantics() {
    }

    static Limited apply(GatewayConfig config) {
        ApimSemantics limits = new ApimSemantics();
        Map<String, BackendConfig> backends = new LinkedHashMap<>();
        config.backends().forEach((id, b) -> backends.put(id, b.isPool() ? limits.pool(b) : limits.single(b)));
        List<ApiConfig> apis = config.apis().stream().map(limits::api).toList();
        GatewayConfig limited = new GatewayConfig(config.gateway(), backends, apis, config.diagnostics(), config.admin(),
                config.trafficProfiles(), config.dns(), config.notifications());
        List<String> adjustments = new ArrayList<>();
        limits.notes.forEach((what, ids) -> adjustments.add(what + ": " + String.join(", ", ids)));
        return new Limited(limited, adjustments);
    }

    private BackendConfig single(BackendConfig b) {
        CircuitBreakerConfig breaker = b.circuitBreaker();
        if (breaker != null && !breaker.rules().isEmpty()) {
            if (breaker.rules().size() > 1) {
                note("only the first breaker rule kept (APIM allows one rule per backend)", b.id());
            }
            BreakerRule r = breaker.rules().getFirst();
            note("breaker closes when its trip ends, without half-open trial requests", b.id());
            breaker = new CircuitBreakerConfig(List.of(new BreakerRule(r.name(), r.failureCondition(), r.tripDuration(),
                    r.acceptRetryAfter(), r.maxTripDuration(), 0)));
        }
        if (b.healthProbe() != null) {
            note("no active health probe (APIM has none)", b.id());
        }
        if (b.slowStart() != null) {
            note("no slow start", b.id());
        }
        return new BackendConfig(b.id(), b.type(), b.url(), b.description(), breaker, null, null, null, b.tls());
    }

    private BackendConfig pool(BackendConfig b) {
        PoolConfig p = b.pool();
        if (p.overprovisioningFactor() != null) {
            note("strict priority groups, no gradual spill", b.id());
        }
        if (p.balancer() != Balancer.WEIGHTED) {
            note("balancer ignored, picks follow the weights (APIM has no balancer setting)", b.id());
        }
        if (p.spillWhenSlow() != null) {
            note("spillWhenSlow ignored (APIM has no such setting)", b.id());
        }
        note("an exhausted pool answers 503 without Retry-After", b.id());
        PoolConfig limited = new PoolConfig(p.services(), p.sessionAffinity(), WhenAllUnavailable.DEFAULT, null);
        return new BackendConfig(b.id(), b.type(), b.url(), b.description(), null, limited, null, null, b.tls());
    }

    private ApiConfig api(ApiConfig a) {
        RetryPolicy r = a.retry();
        if (r == null || !r.otherBackend()) {
            return a;
        }
        note("a retry may pick the backend that just failed", a.name());
        RetryPolicy same = new RetryPolicy(r.statusCodeRanges(), r.errorReasons(), r.count(), r.interval(), r.maxInterval(),
                r.delta(), r.firstFastRetry(), false, r.condition());
        return new ApiConfig(a.name(), a.host(), a.path(), a.backendId(), a.rules(), same, a.timeouts(), a.maxBufferedBody(),
                a.preserveHost(), a.actions());
    }

    private void note(String what, String id) {
        notes.computeIfAbsent(what, k -> new ArrayList<>()).add(id);
    }
}
