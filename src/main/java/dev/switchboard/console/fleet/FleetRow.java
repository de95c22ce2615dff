package dev.switchboard.console.fleet;

import dev.switchboard.fleet.GatewayStatus;
import dev.switchboard.fleet.StoredConfig;

/**
 * A gateway of the fleet as the console lists it.
 *
 * @param drift why it differs from the fleet's config: {@code "behind: revision R of C"}, {@code "hash differs"}, or
 *              null when it serves the current config (or is dead, where drift says nothing)
 */
public record FleetRow(GatewayStatus gateway, String drift) {

    static FleetRow of(GatewayStatus g, StoredConfig current) {
        String drift = null;
        if (current != null && g.alive()) {
            if (g.revision() < current.revision()) {
                drift = "behind: revision " + g.revision() + " of " + current.revision();
            } else if (!current.hash().equals(g.hash())) {
                drift = "hash differs: " + g.hash() + ", fleet " + current.hash();
            }
        }
        return new FleetRow(g, drift);
    }

    public boolean drifting() {
        return drift != null;
    }
}
