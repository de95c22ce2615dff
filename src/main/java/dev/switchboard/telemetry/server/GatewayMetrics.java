package dev.switchboard.telemetry.server;

import dev.switchboard.config.ErrorReason;
import dev.switchboard.dns.EndpointSnapshot;
import dev.switchboard.dns.ProfileSnapshot;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.EngineSnapshot;
import dev.switchboard.engine.StateHash;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.gateway.ConfigSourceStatus;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.stats.BackendStats;
import dev.switchboard.gateway.stats.StatsTotals;
import dev.switchboard.notify.DeadLetter;
import dev.switchboard.notify.TargetStats;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The gateway's metrics as Prometheus client snapshots, read from its counters and engine state at scrape time.
 * Every label value comes from the config (backend, pool, API, profile and endpoint names) or from a closed set
 * (status class, error reason, states), so the number of series is bounded by the config; see docs/telemetry.md.
 */
final class GatewayMetrics {

    /** Latency bucket bounds in seconds: from a fast loopback backend (1 ms) up to the default request timeout. */
    static final double[] LATENCY_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
            Double.POSITIVE_INFINITY};

    private final Gateway gateway;
    private final String gatewayId;
    private final EngineSnapshot engine;
    private final MetricSnapshots.Builder out = MetricSnapshots.builder();

    private GatewayMetrics(Gateway gateway) {
        this.gateway = gateway;
        this.gatewayId = gateway.config().gateway().id();
        this.engine = gateway.engine().snapshot();
    }

    static MetricSnapshots collect(Gateway gateway) {
        GatewayMetrics m = new GatewayMetrics(gateway);
        m.build();
        m.backends();
        m.apis();
        m.pools();
        m.dns();
        m.notifications();
        return m.out.build();
    }

    private void build() {
        out.metricSnapshot(InfoSnapshot.builder().name("switchboard_build").help("The running build: version and Java runtime")
                .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder()
                        .labels(labels("version", BuildInfo.version(), "java", Runtime.version().toString())).build()).build());
        ConfigSourceStatus source = gateway.configSource();
        // A fleet member's gateway label is its own id: the fleet label (its config store, or the shared gateway.id
        // of hand-synced gateways) and the shared hash are what tell members in step from drifted ones.
        out.metricSnapshot(GaugeSnapshot.builder().name("switchboard_config_version")
                .help("Version of config plus runtime overrides; shared is its hash without the gateway's own id and region")
                .dataPoint(gauge(engine.version(), "hash", engine.hash(), "fleet", source != null ? source.source() : gatewayId,
                        "shared", StateHash.shared(gateway.config(), gateway.engine().overrides()))).build());
        if (source != null) {
            out.metricSnapshot(GaugeSnapshot.builder().name("switchboard_config_source_connected")
                    .help("1 while the fleet's config store is reachable")
                    .dataPoint(gauge(source.connected() ? 1 : 0, "source", source.source())).build());
        }
        out.metricSnapshot(CounterSnapshot.builder().name("switchboard_access_log_dropped")
                .help("Access-log lines dropped because the log's queue was full, or lost while its file could not be written")
                .dataPoint(counter(gateway.stats().accessLogDropped())).build());
    }

    private void backends() {
        CounterSnapshot.Builder requests = CounterSnapshot.builder().name("switchboard_backend_requests")
                .help("Attempts sent to a backend that got a response, by status class");
        CounterSnapshot.Builder errors = CounterSnapshot.builder().name("switchboard_backend_errors")
                .help("Attempts that failed without a response, by reason");
        CounterSnapshot.Builder bytes = CounterSnapshot.builder().name("switchboard_backend_response_bytes")
                .help("Response body bytes passed on to clients");
        CounterSnapshot.Builder retries = CounterSnapshot.builder().name("switchboard_backend_retries")
                .help("Attempts sent to a backend that retried an earlier failed attempt of the same request");
        HistogramSnapshot.Builder latency = HistogramSnapshot.builder().name("switchboard_backend_latency_seconds")
                .help("Time from sending an attempt to its response head or failure (updated each stats period)");
        GaugeSnapshot.Builder inFlight = GaugeSnapshot.builder().name("switchboard_backend_in_flight").help("Attempts waiting for a response head");
        GaugeSnapshot.Builder breaker = GaugeSnapshot.builder().name("switchboard_backend_breaker_state").help("1 for the breaker's current state");
        GaugeSnapshot.Builder availability = GaugeSnapshot.builder().name("switchboard_backend_availability")
                .help("1 for the backend's current availability");
        GaugeSnapshot.Builder admin = GaugeSnapshot.builder().name("switchboard_backend_admin_state")
                .help("1 for the backend's current admin state (ENABLED, DRAIN, MAINTENANCE, DISABLED)");
        for (EngineSnapshot.BackendView b : engine.backends()) {
            BackendStats stats = gateway.stats().backend(b.id());
            StatsTotals t = stats.totals();
            outcomes(requests, errors, t, "backend", b.id());
            bytes.dataPoint(counter(t.bytes(), "backend", b.id()));
            retries.dataPoint(counter(t.retries(), "backend", b.id()));
            latency.dataPoint(histogram(stats.latencySinceStart(), "backend", b.id()));
            inFlight.dataPoint(gauge(stats.inFlight(), "backend", b.id()));
            for (BreakerState s : BreakerState.values()) {
                breaker.dataPoint(gauge(s == b.breaker() ? 1 : 0, "backend", b.id(), "state", s.name()));
            }
            for (Availability a : Availability.values()) {
                availability.dataPoint(gauge(a == b.availability() ? 1 : 0, "backend", b.id(), "state", a.name()));
            }
            for (AdminState a : AdminState.values()) {
                admin.dataPoint(gauge(a == b.adminState() ? 1 : 0, "backend", b.id(), "state", a.name()));
            }
        }
        out.metricSnapshot(requests.build()).metricSnapshot(errors.build()).metricSnapshot(bytes.build())
                .metricSnapshot(retries.build()).metricSnapshot(latency.build())
                .metricSnapshot(inFlight.build()).metricSnapshot(breaker.build()).metricSnapshot(availability.build())
                .metricSnapshot(admin.build());
    }

    private void apis() {
        CounterSnapshot.Builder requests = CounterSnapshot.builder().name("switchboard_api_requests")
                .help("Attempts of an API on a backend that got a response, by status class");
        CounterSnapshot.Builder errors = CounterSnapshot.builder().name("switchboard_api_errors")
                .help("Attempts of an API on a backend that failed without a response, by reason");
        for (EngineSnapshot.BackendView b : engine.backends()) {
            for (Map.Entry<String, StatsTotals> api : gateway.stats().backend(b.id()).apiTotals().entrySet()) {
                outcomes(requests, errors, api.getValue(), "api", api.getKey(), "backend", b.id());
            }
        }
        out.metricSnapshot(requests.build()).metricSnapshot(errors.build());
    }

    private void outcomes(CounterSnapshot.Builder requests, CounterSnapshot.Builder errors, StatsTotals t, String... labels) {
        for (int c = 1; c <= 5; c++) {
            requests.dataPoint(counter(t.statusClass(c), with(labels, "class", c + "xx")));
        }
        Map<ErrorReason, Long> byReason = t.errorsByReason();
        for (ErrorReason r : ErrorReason.values()) {
            errors.dataPoint(counter(byReason.getOrDefault(r, 0L), with(labels, "reason", r.name())));
        }
    }

    private void pools() {
        GaugeSnapshot.Builder weight = GaugeSnapshot.builder().name("switchboard_pool_member_weight").help("Pool member weight after runtime overrides");
        GaugeSnapshot.Builder effective = GaugeSnapshot.builder().name("switchboard_pool_member_effective_weight")
                .help("Weight taking new picks now: 0 while unavailable or draining, reduced in slow start");
        GaugeSnapshot.Builder priority = GaugeSnapshot.builder().name("switchboard_pool_member_priority").help("Pool member priority after runtime overrides");
        GaugeSnapshot.Builder active = GaugeSnapshot.builder().name("switchboard_pool_active_priority")
                .help("Priority group taking new picks; 0 when no member can; a change is a failover");
        GaugeSnapshot.Builder available = GaugeSnapshot.builder().name("switchboard_pool_members_available")
                .help("Members that take new picks now");
        CounterSnapshot.Builder picks = CounterSnapshot.builder().name("switchboard_pool_picks").help("Times a pool picked a member");
        Map<String, Map<String, Long>> picked = gateway.stats().picks();
        for (EngineSnapshot.PoolView p : engine.pools()) {
            Map<String, Long> members = picked.getOrDefault(p.id(), Map.of());
            for (EngineSnapshot.MemberView m : p.members()) {
                weight.dataPoint(gauge(m.weight(), "pool", p.id(), "backend", m.backendId()));
                effective.dataPoint(gauge(m.effectiveWeight(), "pool", p.id(), "backend", m.backendId()));
                priority.dataPoint(gauge(m.priority(), "pool", p.id(), "backend", m.backendId()));
                picks.dataPoint(counter(members.getOrDefault(m.backendId(), 0L), "pool", p.id(), "backend", m.backendId()));
            }
            active.dataPoint(gauge(p.activePriority(), "pool", p.id()));
            available.dataPoint(gauge(p.members().stream().filter(m -> m.availability().pickable()).count(), "pool", p.id()));
        }
        out.metricSnapshot(weight.build()).metricSnapshot(effective.build()).metricSnapshot(priority.build())
                .metricSnapshot(active.build()).metricSnapshot(available.build()).metricSnapshot(picks.build());
    }

    private void dns() {
        GaugeSnapshot.Builder inAnswer = GaugeSnapshot.builder().name("switchboard_dns_endpoint_in_answer")
                .help("1 while a DNS query for the profile may get this endpoint");
        GaugeSnapshot.Builder exists = GaugeSnapshot.builder().name("switchboard_dns_profile_exists").help("0 while the profile answers NXDOMAIN");
        for (ProfileSnapshot p : gateway.trafficProfiles().snapshot()) {
            exists.dataPoint(gauge(p.exists() ? 1 : 0, "profile", p.name()));
            for (EndpointSnapshot e : p.endpoints()) {
                inAnswer.dataPoint(gauge(e.inAnswer() ? 1 : 0, "profile", p.name(), "endpoint", e.name()));
            }
        }
        out.metricSnapshot(inAnswer.build()).metricSnapshot(exists.build());
    }

    private void notifications() {
        CounterSnapshot.Builder delivered = CounterSnapshot.builder().name("switchboard_notifications_delivered")
                .help("Events a webhook target accepted (2xx)");
        CounterSnapshot.Builder dead = CounterSnapshot.builder().name("switchboard_notifications_dead_letters")
                .help("Events a webhook target did not get: its queue was full, or every retry failed");
        GaugeSnapshot.Builder queued = GaugeSnapshot.builder().name("switchboard_notifications_queued").help("Events waiting for a webhook target");
        for (TargetStats t : gateway.notifications().stats()) {
            delivered.dataPoint(counter(t.delivered(), "target", t.target()));
            dead.dataPoint(counter(t.queueFull(), "target", t.target(), "reason", DeadLetter.QUEUE_FULL));
            dead.dataPoint(counter(t.retriesExhausted(), "target", t.target(), "reason", DeadLetter.RETRIES_EXHAUSTED));
            queued.dataPoint(gauge(t.queued(), "target", t.target()));
        }
        out.metricSnapshot(delivered.build()).metricSnapshot(dead.build()).metricSnapshot(queued.build());
    }

    private HistogramDataPointSnapshot histogram(Histogram micros, String... labels) {
        long[] counts = new long[LATENCY_BUCKETS.length];
        long below = 0;
        for (int i = 0; i < LATENCY_BUCKETS.length - 1; i++) {
            long cumulative = micros.getCountBetweenValues(0, (long) (LATENCY_BUCKETS[i] * 1_000_000));
            counts[i] = cumulative - below;
            below = cumulative;
        }
        counts[counts.length - 1] = micros.getTotalCount() - below;
        double sumSeconds = micros.getTotalCount() == 0 ? 0 : micros.getMean() * micros.getTotalCount() / 1e6;
        return HistogramDataPointSnapshot.builder().classicHistogramBuckets(ClassicHistogramBuckets.of(LATENCY_BUCKETS, counts))
                .sum(sumSeconds).labels(labels(labels)).build();
    }

    private CounterDataPointSnapshot counter(double value, String... labels) {
        return CounterDataPointSnapshot.builder().value(value).labels(labels(labels)).build();
    }

    private GaugeDataPointSnapshot gauge(double value, String... labels) {
        return GaugeDataPointSnapshot.builder().value(value).labels(labels(labels)).build();
    }

    /** Every series carries {@code gateway}: the config's {@code gateway.id}. */
    private Labels labels(String... pairs) {
        return Labels.of(with(new String[] {"gateway", gatewayId}, pairs));
    }

    private static String[] with(String[] pairs, String... more) {
        String[] all = new String[pairs.length + more.length];
        System.arraycopy(pairs, 0, all, 0, pairs.length);
        System.arraycopy(more, 0, all, pairs.length, more.length);
        return all;
    }
}
