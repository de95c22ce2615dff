package dev.switchboard.fleet;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.options.GetOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the fleet's registry: every gateway seen, and which of them hold a live lease. */
public final class FleetRoster {

    private final KV kv;
    private final FleetKeys keys;

    public FleetRoster(Client client, FleetKeys keys) {
        this.kv = client.getKVClient();
        this.keys = keys;
    }

    /** The fleet's published OPEN breakers, oldest key first: which gateway holds which backend's breaker open. */
    public List<BreakerSignal> openBreakers() {
        return Etcd.await(kv.get(Etcd.bytes(keys.breakersPrefix()), GetOption.builder().isPrefix(true).build()), "reading the fleet's breakers")
                .getKvs().stream().map(k -> FleetJson.read(Etcd.text(k.getValue()), BreakerSignal.class, Etcd.text(k.getKey()))).toList();
    }

    /** Gateways by id; one whose lease expired is listed with {@code alive} false. */
    public List<GatewayStatus> gateways() {
        GetOption prefix = GetOption.builder().isPrefix(true).build();
        List<KeyValue> live = Etcd.await(kv.get(Etcd.bytes(keys.gatewaysPrefix()), prefix), "reading the fleet's gateways").getKvs();
        List<KeyValue> members = Etcd.await(kv.get(Etcd.bytes(keys.membersPrefix()), prefix), "reading the fleet's members").getKvs();
        Set<String> alive = live.stream().map(k -> FleetKeys.lastSegment(Etcd.text(k.getKey()))).collect(Collectors.toSet());
        return members.stream()
                .map(k -> FleetJson.read(Etcd.text(k.getValue()), Registration.class, Etcd.text(k.getKey())))
                .map(r -> GatewayStatus.of(r, alive.contains(r.id())))
                .sorted(Comparator.comparing(GatewayStatus::id)).toList();
    }
}
