package dev.switchboard.engine;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.BackendType;
import dev.switchboard.config.BreakerRule;
import dev.switchboard.config.CircuitBreakerConfig;
import dev.switchboard.config.ErrorReason;
import dev.switchboard.config.FailureCondition;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.GatewaySettings;
import dev.switchboard.config.HealthProbeConfig;
import dev.switchboard.config.PoolConfig;
import dev.switchboard.config.PoolMember;
import dev.switchboard.config.RetryPolicy;
import dev.switchboard.config.SessionAffinityConfig;
import dev.switchboard.config.SlowStartConfig;
import dev.switchboard.config.StatusCodeRange;
import dev.switchboard.config.TimeoutsConfig;
import dev.switchboard.config.TlsConfig;
import dev.switchboard.config.WhenAllUnavailable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Small builders for engine tests (the JSON loader is another engineer's work). */
public final class TestConfigs {

    public static final List<StatusCodeRange> GATEWAY_ERRORS = List.of(new StatusCodeRange(502, 504));
    public static final List<StatusCodeRange> SERVER_ERRORS = List.of(new StatusCodeRange(500, 599));

    private TestConfigs() {
    }

    public static BackendConfig single(String id) {
        return single(id, null);
    }

    public static BackendConfig single(String id, CircuitBreakerConfig breaker) {
        return new BackendConfig(id, BackendType.SINGLE, "http://" + id + ".test/api", null, breaker, null, null, null,
                TlsConfig.DEFAULT);
    }

    public static BackendConfig withProbe(BackendConfig b, int healthy, int unhealthy) {
        return new BackendConfig(b.id(), b.type(), b.url(), b.description(), b.circuitBreaker(), b.pool(),
                new HealthProbeConfig("/health", Duration.ofSeconds(5), Duration.ofSeconds(1), healthy, unhealthy,
                        List.of(new StatusCodeRange(200, 299))),
                b.slowStart(), b.tls());
    }

    public static BackendConfig withSlowStart(BackendConfig b, Duration duration, int minPercent) {
        return new BackendConfig(b.id(), b.type(), b.url(), b.description(), b.circuitBreaker(), b.pool(),
                b.healthProbe(), new SlowStartConfig(duration, minPercent), b.tls());
    }

    public static BackendConfig pool(String id, PoolMember... members) {
        return pool(id, new PoolConfig(List.of(members), null, WhenAllUnavailable.DEFAULT, null));
    }

    public static BackendConfig pool(String id, PoolConfig pool) {
        return new BackendConfig(id, BackendType.POOL, null, null, null, pool, null, null, TlsConfig.DEFAULT);
    }

    public static PoolConfig poolConfig(List<PoolMember> members, boolean affinity, WhenAllUnavailable when,
                                        Double overprovisioning) {
        return new PoolConfig(members,
                affinity ? new SessionAffinityConfig(SessionAffinityConfig.AffinitySource.Cookie, "session") : null,
                when, overprovisioning);
    }

    public static PoolMember member(String id, Integer weight, Integer priority) {
        return new PoolMember(id, weight, priority);
    }

    public static CircuitBreakerConfig breaker(BreakerRule... rules) {
        return new CircuitBreakerConfig(List.of(rules));
    }

    /** count failures (502-504 or connection failure) in interval trip for trip. */
    public static BreakerRule countRule(String name, int count, Duration interval, Duration trip,
                                        boolean acceptRetryAfter) {
        return new BreakerRule(name, new FailureCondition(count, null, interval, GATEWAY_ERRORS,
                Set.of(ErrorReason.BackendConnectionFailure), FailureCondition.DEFAULT_MINIMUM_REQUESTS), trip,
                acceptRetryAfter, BreakerRule.DEFAULT_MAX_TRIP_DURATION, BreakerRule.DEFAULT_HALF_OPEN_REQUESTS);
    }

    public static BreakerRule percentRule(String name, int percentage, int minimumRequests, Duration interval,
                                          Duration trip) {
        return new BreakerRule(name, new FailureCondition(null, percentage, interval, SERVER_ERRORS, Set.of(),
                minimumRequests), trip, false, BreakerRule.DEFAULT_MAX_TRIP_DURATION,
                BreakerRule.DEFAULT_HALF_OPEN_REQUESTS);
    }

    public static BreakerRule withHalfOpen(BreakerRule r, int halfOpenRequests) {
        return new BreakerRule(r.name(), r.failureCondition(), r.tripDuration(), r.acceptRetryAfter(),
                r.maxTripDuration(), halfOpenRequests);
    }

    public static BreakerRule withMaxTrip(BreakerRule r, Duration max) {
        return new BreakerRule(r.name(), r.failureCondition(), r.tripDuration(), r.acceptRetryAfter(), max,
                r.halfOpenRequests());
    }

    public static RetryPolicy retry(int count, Duration interval, Duration delta, Duration max, boolean fast,
                                    boolean otherBackend) {
        return new RetryPolicy(SERVER_ERRORS, Set.of(ErrorReason.BackendConnectionFailure), count, interval, max, delta,
                fast, otherBackend);
    }

    public static ApiConfig api(String name, String host, String path, String backendId) {
        return new ApiConfig(name, host, path, backendId, List.of(), null, TimeoutsConfig.DEFAULTS,
                ApiConfig.DEFAULT_MAX_BUFFERED_BODY, false);
    }

    public static GatewayConfig gateway(BackendConfig... backends) {
        return gateway(List.of(backends), List.of());
    }

    public static GatewayConfig gateway(List<BackendConfig> backends, List<ApiConfig> apis) {
        Map<String, BackendConfig> map = new LinkedHashMap<>();
        backends.forEach(b -> map.put(b.id(), b));
        return new GatewayConfig(GatewaySettings.DEFAULTS, map, apis, false);
    }

    /** n single backends b0..b(n-1) plus a pool "pool" over them with the given weights (null = unweighted). */
    public static GatewayConfig weightedPool(int n, Integer weight, boolean affinity) {
        List<BackendConfig> backends = new ArrayList<>();
        List<PoolMember> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            backends.add(single("b" + i));
            members.add(member("b" + i, weight == null ? null : weight + i % 3, null));
        }
        backends.add(pool("pool", poolConfig(members, affinity, WhenAllUnavailable.DEFAULT, null)));
        return gateway(backends, List.of());
    }

    public static Engine engine(GatewayConfig config, ManualTicker ticker) {
        return new Engine(config, ticker, new SplittableRandom(42));
    }

    /** Counts picks per backend id over n picks. */
    public static Map<String, Integer> tally(Engine engine, String target, int n) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(id(engine.pick(target, null, null)), 1, Integer::sum);
        }
        return counts;
    }

    public static String id(Pick pick) {
        return pick instanceof BackendHandle h ? h.backendId() : "none";
    }
}
