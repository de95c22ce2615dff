package dev.switchboard.console.fleet;

import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.health.BackendStatus;
import dev.switchboard.console.health.GatewayHealth;
import dev.switchboard.console.health.HealthLevel;
import dev.switchboard.engine.breaker.BreakerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every gateway x backend at one moment, Hystrix style: a cell per pair with its request rate, health colour and
 * breaker state, and the backends whose breaker the gateways disagree about. No JavaFX: a view draws it.
 *
 * @param gateways  columns, in the order given
 * @param backends  rows, by id
 * @param cells     [backend][gateway]; null where that gateway's config lacks the backend
 * @param divergent per row: some live gateways hold the breaker open and others do not
 * @param divergence one line per divergent backend: "backend-07: open on gw-03, closed on 9 others"
 * @param failing   backends red on at least one live gateway
 * @param maxPerSecond the highest rate of any cell (cell sizes are relative to it)
 */
public record FleetGrid(List<String> gateways, List<String> backends, Cell[][] cells, boolean[] divergent,
                        List<String> divergence, int failing, double maxPerSecond) {

    /**
     * One backend on one gateway.
     *
     * @param perSecond NaN when not known, and always when the gateway is not live
     * @param live      the gateway is connected and sending: otherwise its numbers are old and the cell is grey
     */
    public record Cell(String gateway, String backend, double perSecond, BackendStatus status, BreakerState breaker,
                       boolean live) {

        /** The health colour; IDLE (nothing to judge) while the gateway is not live. */
        public HealthLevel level() {
            return live ? status.level() : HealthLevel.IDLE;
        }

        /** What a hover shows. */
        public String describe() {
            if (!live) {
                return backend + " on " + gateway + "\nno live data: the gateway is stale or disconnected"
                        + "\nbreaker " + breaker + " when last heard";
            }
            String problem = status.verdict().problem();
            return backend + " on " + gateway + "\n" + (Double.isNaN(perSecond) ? "\u2013"
                    : String.format(Locale.ROOT, "%.1f", perSecond)) + " req/s, health "
                    + level().name().toLowerCase(Locale.ROOT) + (problem.isEmpty() ? "" : " (" + problem + ")")
                    + "\nbreaker " + breaker;
        }
    }

    /** The grid over {@code frames} (the latest of each gateway), with each gateway's numbers from {@code health}. */
    public static FleetGrid of(List<GatewayFrame> frames, Function<String, GatewayHealth> health) {
        List<String> gateways = frames.stream().map(GatewayFrame::gatewayId).toList();
        TreeSet<String> ids = new TreeSet<>();
        BreakerMatrix matrix = new BreakerMatrix();
        List<Map<String, BackendFrame>> byGateway = new ArrayList<>();
        for (GatewayFrame f : frames) {
            // A gateway not heard from may have moved on: its old breaker states are no side in a disagreement.
            if (f.live()) {
                matrix.observe(f);
            }
            Map<String, BackendFrame> backends = new HashMap<>();
            f.backends().forEach(b -> backends.put(b.id(), b));
            byGateway.add(backends);
            ids.addAll(backends.keySet());
        }
        List<String> backends = List.copyOf(ids);
        Cell[][] cells = new Cell[backends.size()][gateways.size()];
        double max = 0;
        int failing = 0;
        for (int r = 0; r < backends.size(); r++) {
            boolean red = false;
            for (int c = 0; c < gateways.size(); c++) {
                BackendFrame b = byGateway.get(c).get(backends.get(r));
                if (b != null) {
                    boolean live = frames.get(c).live();
                    BackendStatus status = health.apply(gateways.get(c)).status(b.id());
                    double rate = live ? status.numbers().perSecond() : Double.NaN;
                    Cell cell = new Cell(gateways.get(c), b.id(), rate, status, b.breaker(), live);
                    cells[r][c] = cell;
                    max = Double.isNaN(rate) ? max : Math.max(max, rate);
                    red |= cell.level() == HealthLevel.RED;
                }
            }
            failing += red ? 1 : 0;
        }
        boolean[] divergent = new boolean[backends.size()];
        List<String> divergence = new ArrayList<>();
        for (BreakerMatrix.Row row : matrix.rows(gateways)) {
            if (row.diverges()) {
                divergent[backends.indexOf(row.backend())] = true;
                int closed = row.states().size() - row.openOn().size();
                divergence.add(row.backend() + ": open on " + String.join(", ", row.openOn()) + ", closed on " + closed
                        + (closed == 1 ? " other" : " others"));
            }
        }
        return new FleetGrid(gateways, backends, cells, divergent, divergence, failing, max);
    }

    /** "10 gateways × 50 backends · 1 diverging · 2 failing". */
    public String summary() {
        return gateways.size() + " gateways \u00d7 " + backends.size() + " backends \u00b7 " + divergence.size()
                + " diverging \u00b7 " + failing + " failing";
    }
}
