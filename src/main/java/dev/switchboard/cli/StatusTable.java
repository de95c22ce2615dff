package dev.switchboard.cli;

import dev.switchboard.fleet.GatewayStatus;
import dev.switchboard.fleet.StoredConfig;
import java.io.PrintWriter;
import java.util.List;

/** {@code fleet status} as rows, with drift (a lagging revision or a different hash) marked. */
final class StatusTable {

    private static final String ROW = "%-16s %-12s %-6s %-8s %-9s %-13s %-7s %s%n";

    private final PrintWriter out;

    StatusTable(PrintWriter out) {
        this.out = out;
    }

    void print(List<GatewayStatus> gateways, StoredConfig current) {
        out.printf(ROW, "ID", "REGION", "ALIVE", "VERSION", "REVISION", "HASH", "DRIFT", "LAST REFUSAL");
        for (GatewayStatus g : gateways) {
            String drift = current == null || !g.alive() ? "" : g.revision() < current.revision() ? "behind"
                    : !g.hash().equals(current.hash()) ? "hash" : "";
            String refusal = g.refusal() == null ? "" : "revision " + g.refusal().revision() + ": " + g.refusal().problems().size()
                    + " problem(s), first: " + g.refusal().problems().getFirst();
            out.printf(ROW, g.id(), g.region() == null ? "-" : g.region(), g.alive() ? "yes" : "no", g.version(), g.revision(), g.hash(), drift,
                    refusal);
        }
    }
}
