package dev.switchboard.fleet;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.gateway.Gateway;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.watch.WatchEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fleet's open breakers as this gateway sees them, and the backends a quorum of them takes out here
 * ({@code breakerScope: {"quorum": N}}), handed to the engine as its external-availability input. Used from the
 * member's one thread.
 */
final class QuorumView {

    private final Gateway gateway;
    private final String prefix;
    /** Open breaker signals by key ({@code BACKEND/GATEWAY} under the prefix). */
    private final Map<String, String> open = new HashMap<>();

    QuorumView(Gateway gateway, FleetKeys keys) {
        this.gateway = gateway;
        this.prefix = keys.breakersPrefix();
    }

    /** Starts over from a read of the whole prefix. */
    void reset(List<KeyValue> kvs) {
        open.clear();
        kvs.forEach(kv -> open.put(Etcd.text(kv.getKey()).substring(prefix.length()), Etcd.text(kv.getValue())));
        recompute();
    }

    void onEvent(WatchEvent event) {
        String key = Etcd.text(event.getKeyValue().getKey()).substring(prefix.length());
        if (event.getEventType() == WatchEvent.EventType.DELETE) {
            open.remove(key);
        } else {
            open.put(key, Etcd.text(event.getKeyValue().getValue()));
        }
    }

    /** Without etcd the fleet's view is unknown: only this gateway's own breakers count until it is back. */
    void forget() {
        open.clear();
        recompute();
    }

    void recompute() {
        Map<String, Set<String>> holders = new HashMap<>();
        for (String key : open.keySet()) {
            int slash = key.lastIndexOf('/');
            if (slash > 0) {
                holders.computeIfAbsent(key.substring(0, slash), b -> new TreeSet<>()).add(key.substring(slash + 1));
            }
        }
        gateway.engine().setExternallyUnavailable(unavailable(gateway.config(), holders));
    }

    /** Backends with a quorum scope whose breaker at least that many gateways hold open, with the reason to show. */
    static Map<String, String> unavailable(GatewayConfig config, Map<String, Set<String>> holders) {
        Map<String, String> out = new TreeMap<>();
        for (BackendConfig b : config.backends().values()) {
            Set<String> gateways = holders.getOrDefault(b.id(), Set.of());
            if (b.breakerScope() != null && b.breakerScope().isQuorum() && gateways.size() >= b.breakerScope().quorum()) {
                out.put(b.id(), "breaker open on " + gateways.size() + " of the fleet's gateways (quorum " + b.breakerScope().quorum()
                        + "): " + String.join(", ", gateways));
            }
        }
        return out;
    }
}
