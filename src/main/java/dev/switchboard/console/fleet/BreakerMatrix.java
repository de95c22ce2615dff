package dev.switchboard.console.fleet;

import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.engine.breaker.BreakerState;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every backend's breaker state on every gateway of the fleet, from each gateway's own telemetry (not only the OPEN
 * signals gateways publish in etcd), so HALF_OPEN and forced states show too. Frames arrive on feed threads; the
 * matrix keeps the latest per gateway.
 */
public final class BreakerMatrix {

    private final Map<String, GatewayFrame> latest = new ConcurrentHashMap<>();

    /**
     * One backend across the gateways.
     *
     * @param states   by gateway id, in the order asked for; a gateway whose config lacks the backend is absent
     * @param openOn   the gateways holding it open (OPEN, HALF_OPEN still probing, or FORCED_OPEN)
     * @param diverges some gateways hold it open and others do not: the gateways disagree about the backend
     */
    public record Row(String backend, Map<String, BreakerState> states, List<String> openOn, boolean diverges) {
    }

    public void observe(GatewayFrame frame) {
        latest.put(frame.gatewayId(), frame);
    }

    /** A gateway that left the fleet. */
    public void forget(String gatewayId) {
        latest.remove(gatewayId);
    }

    /** The backends of {@code gateways} (those with telemetry so far), by backend id. */
    public List<Row> rows(Collection<String> gateways) {
        Map<String, Map<String, BreakerState>> byBackend = new TreeMap<>();
        for (String id : gateways) {
            GatewayFrame frame = latest.get(id);
            if (frame != null) {
                for (BackendFrame b : frame.backends()) {
                    byBackend.computeIfAbsent(b.id(), k -> new LinkedHashMap<>()).put(id, b.breaker());
                }
            }
        }
        return byBackend.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList();
    }

    private static Row row(String backend, Map<String, BreakerState> states) {
        List<String> openOn = states.entrySet().stream().filter(s -> open(s.getValue())).map(Map.Entry::getKey).toList();
        return new Row(backend, states, openOn, !openOn.isEmpty() && openOn.size() < states.size());
    }

    private static boolean open(BreakerState state) {
        return state == BreakerState.OPEN || state == BreakerState.HALF_OPEN || state == BreakerState.FORCED_OPEN;
    }
}
