package dev.switchboard.fleet;

import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.EngineListener;
import dev.switchboard.engine.EngineSnapshot;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.engine.breaker.BreakerTransition;
import dev.switchboard.gateway.Gateway;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.PutOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes this gateway's OPEN breakers under the fleet, each on its own lease whose time-to-live is the trip time
 * left, so a signal disappears when the trip ends even if the gateway dies; a breaker that closes early deletes its
 * signal. Engine events arrive under the engine's lock, so the work hops onto the member's thread.
 */
final class BreakerPublisher implements EngineListener {

    private static final Logger LOG = LoggerFactory.getLogger(BreakerPublisher.class);

    private final Gateway gateway;
    private final FleetKeys keys;
    private final String gatewayId;
    private final Executor executor;
    private final Clock clock;
    /** Set while etcd is reachable; only touched on the member's thread. */
    private Client client;

    BreakerPublisher(Gateway gateway, FleetKeys keys, String gatewayId, Executor executor, Clock clock) {
        this.gateway = gateway;
        this.keys = keys;
        this.gatewayId = gatewayId;
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (event instanceof BreakerTransition t && (t.to() == BreakerState.OPEN || t.from() == BreakerState.OPEN)) {
            executor.execute(() -> publish(t.backendId(), t.reason()));
        }
    }

    /** etcd is reachable through {@code connected}: publishes every breaker open now. */
    void attach(Client connected) {
        client = connected;
        for (EngineSnapshot.BackendView b : gateway.engine().snapshot().backends()) {
            if (b.breaker() == BreakerState.OPEN) {
                publish(b.id(), b.reason());
            }
        }
    }

    void detach() {
        client = null;
    }

    private void publish(String backendId, String reason) {
        if (client == null) {
            return;
        }
        String key = keys.breaker(backendId, gatewayId);
        Duration left = gateway.engine().snapshot().backends().stream().filter(b -> b.id().equals(backendId))
                .filter(b -> b.breaker() == BreakerState.OPEN).map(EngineSnapshot.BackendView::openRemaining).findFirst().orElse(null);
        if (left == null || left.isZero()) {
            client.getKVClient().delete(Etcd.bytes(key), DeleteOption.DEFAULT);
            return;
        }
        long ttlSeconds = Math.max(1, (left.toMillis() + 999) / 1000);
        String value = FleetJson.write(new BreakerSignal(gatewayId, backendId, clock.instant().plus(left).toString(), reason));
        Client c = client;
        c.getLeaseClient().grant(ttlSeconds)
                .thenCompose(lease -> c.getKVClient().put(Etcd.bytes(key), Etcd.bytes(value), PutOption.builder().withLeaseId(lease.getID()).build()))
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        LOG.warn("could not publish the open breaker of {} to the fleet: {}", backendId, error.toString());
                    }
                });
    }
}
