package dev.switchboard.telemetry.server;

import dev.switchboard.config.ErrorReason;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.telemetry.protocol.GatewayState;
import dev.switchboard.gateway.stats.BackendStats;
import dev.switchboard.gateway.stats.StatsTotals;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** {@code GET /metrics}: the gateway's counters in the Prometheus text exposition format (version 0.0.4). */
final class MetricsWriter {

    /** Histogram bucket bounds in seconds, Prometheus' defaults. */
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final StringBuilder out = new StringBuilder(8192);
    private final String gateway;

    private MetricsWriter(String gateway) {
        this.gateway = gateway;
    }

    static String render(Gateway gateway, GatewayState state) {
        MetricsWriter w = new MetricsWriter(gateway.config().gateway().id());
        w.write(gateway, state);
        return w.out.toString();
    }

    private void write(Gateway gw, GatewayState state) {
        header("switchboard_backend_requests_total", "counter", "Attempts sent to a backend that got a response, by status class");
        for (GatewayState.BackendView b : state.backends()) {
            StatsTotals t = gw.stats().backend(b.id()).totals();
            for (int c = 1; c <= 5; c++) {
                sample("switchboard_backend_requests_total", t.statusClass(c), "backend", b.id(), "class", c + "xx");
            }
        }
        header("switchboard_backend_errors_total", "counter", "Attempts that failed without a response, by reason");
        for (GatewayState.BackendView b : state.backends()) {
            StatsTotals t = gw.stats().backend(b.id()).totals();
            Map<ErrorReason, Long> errors = t.errorsByReason();
            for (ErrorReason r : ErrorReason.values()) {
                sample("switchboard_backend_errors_total", errors.getOrDefault(r, 0L), "backend", b.id(), "reason", r.name());
            }
        }
        header("switchboard_backend_latency_seconds", "histogram", "Time from sending an attempt to its response head or failure");
        for (GatewayState.BackendView b : state.backends()) {
            latency(b.id(), gw.stats().backend(b.id()));
        }
        header("switchboard_backend_in_flight", "gauge", "Attempts waiting for a response head");
        for (GatewayState.BackendView b : state.backends()) {
            sample("switchboard_backend_in_flight", gw.stats().backend(b.id()).inFlight(), "backend", b.id());
        }
        header("switchboard_backend_response_bytes_total", "counter", "Response body bytes passed on to clients");
        for (GatewayState.BackendView b : state.backends()) {
            sample("switchboard_backend_response_bytes_total", gw.stats().backend(b.id()).totals().bytes(), "backend", b.id());
        }
        header("switchboard_backend_breaker_state", "gauge", "1 for the breaker's current state");
        for (GatewayState.BackendView b : state.backends()) {
            for (BreakerState s : BreakerState.values()) {
                sample("switchboard_backend_breaker_state", s.name().equals(b.breaker()) ? 1 : 0, "backend", b.id(), "state", s.name());
            }
        }
        header("switchboard_backend_availability", "gauge", "1 for the backend's current availability");
        for (GatewayState.BackendView b : state.backends()) {
            for (Availability a : Availability.values()) {
                sample("switchboard_backend_availability", a.name().equals(b.availability()) ? 1 : 0, "backend", b.id(), "state", a.name());
            }
        }
        header("switchboard_pool_member_weight", "gauge", "Pool member weight after runtime overrides");
        for (GatewayState.PoolView p : state.pools()) {
            for (GatewayState.MemberView m : p.members()) {
                sample("switchboard_pool_member_weight", m.weight(), "pool", p.id(), "backend", m.backendId());
            }
        }
        header("switchboard_pool_picks_total", "counter", "Times a pool picked a member");
        Map<String, Map<String, Long>> picks = gw.stats().picks();
        for (GatewayState.PoolView p : state.pools()) {
            Map<String, Long> members = picks.getOrDefault(p.id(), Map.of());
            for (GatewayState.MemberView m : p.members()) {
                sample("switchboard_pool_picks_total", members.getOrDefault(m.backendId(), 0L), "pool", p.id(), "backend", m.backendId());
            }
        }
        header("switchboard_access_log_dropped_total", "counter", "Access-log lines dropped because the log's queue was full");
        sample("switchboard_access_log_dropped_total", gw.stats().accessLogDropped());
        header("switchboard_config_version", "gauge", "Version of config plus runtime overrides");
        sample("switchboard_config_version", state.version(), "hash", state.hash());
    }

    private void latency(String backend, BackendStats stats) {
        Histogram h = stats.latencySinceStart();
        for (double bound : BUCKETS) {
            long micros = (long) (bound * 1_000_000);
            sample("switchboard_backend_latency_seconds_bucket", h.getCountBetweenValues(0, micros), "backend", backend, "le", Double.toString(bound));
        }
        sample("switchboard_backend_latency_seconds_bucket", h.getTotalCount(), "backend", backend, "le", "+Inf");
        out.append("switchboard_backend_latency_seconds_sum");
        labels("backend", backend);
        out.append(' ').append(h.getTotalCount() == 0 ? 0 : h.getMean() * h.getTotalCount() / 1e6).append('\n');
        sample("switchboard_backend_latency_seconds_count", h.getTotalCount(), "backend", backend);
    }

    private void header(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, long value, String... labels) {
        out.append(name);
        labels(labels);
        out.append(' ').append(value).append('\n');
    }

    private void labels(String... pairs) {
        out.append("{gateway=\"").append(escape(gateway)).append('"');
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(',').append(pairs[i]).append("=\"").append(escape(pairs[i + 1])).append('"');
        }
        out.append('}');
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
