package dev.switchboard.console.fleet;

import dev.switchboard.console.ConsoleSession;
import dev.switchboard.console.remote.RemoteGatewayFeed;
import dev.switchboard.fleet.Etcd;
import dev.switchboard.fleet.FleetAddress;
import dev.switchboard.fleet.FleetKeys;
import dev.switchboard.fleet.FleetRoster;
import dev.switchboard.fleet.FleetStore;
import dev.switchboard.fleet.GatewayStatus;
import io.etcd.jetcd.Client;
import java.time.Clock;
import java.util.List;

/** {@code switchboard console --fleet}: the fleet's live gateways from its registry, each watched with the fleet's token. */
public final class FleetDiscovery {

    private FleetDiscovery() {
    }

    /**
     * Adds a feed for every live gateway of {@code address} that has an admin listener.
     *
     * @return the gateways found (those without an admin URL are listed but not watched)
     * @throws dev.switchboard.fleet.EtcdUnavailableException when etcd does not answer
     */
    public static List<GatewayStatus> addGateways(ConsoleSession session, FleetAddress address, String token, String operator) {
        try (Client client = Etcd.connectChecked(address)) {
            FleetKeys keys = new FleetKeys(address.fleet());
            FleetViewModel fleet = new FleetViewModel(new FleetStore(client, keys, Clock.systemUTC()), new FleetRoster(client, keys), operator);
            List<GatewayStatus> found = fleet.refresh().joined();
            for (GatewayStatus g : found) {
                RemoteGatewayFeed feed = FleetFeeds.feed(g, token);
                if (feed != null) {
                    session.add(feed);
                }
            }
            return found;
        }
    }
}
