package dev.switchboard.console.fleet;

import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.fleet.FleetRoster;
import dev.switchboard.fleet.FleetStore;
import dev.switchboard.fleet.GatewayStatus;
import dev.switchboard.fleet.HistoryEntry;
import dev.switchboard.fleet.PushResult;
import dev.switchboard.fleet.StoredConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's fleet: its gateways with drift, the joins and leaves since the last look, "Apply to fleet" as one push,
 * and the history with diff and rollback. No JavaFX: a view calls {@link #refresh()} off the FX thread and shows the
 * result; confirmation of a rollback is the view's.
 */
public final class FleetViewModel {

    private final FleetStore store;
    private final FleetRoster roster;
    private final String operator;
    private Map<String, GatewayStatus> alive = new LinkedHashMap<>();
    private final BreakerMatrix breakerStates = new BreakerMatrix();
    /** The fleet's config revision at the last refresh: what the operator saw, so what a push or rollback is based on. */
    private volatile long lastSeenRevision;

    public FleetViewModel(FleetStore store, FleetRoster roster, String operator) {
        this.store = store;
        this.roster = roster;
        this.operator = operator;
    }

    /**
     * What changed since the previous refresh.
     *
     * @param rows    every gateway, with drift against {@code current}
     * @param current the fleet's config; null before the first push
     * @param joined  gateways alive now that were not before (all alive ones at the first refresh)
     * @param left    ids of gateways alive before that are gone or dead now
     */
    public record Refresh(List<FleetRow> rows, StoredConfig current, List<GatewayStatus> joined, List<String> left) {
    }

    /** A telemetry frame of one of the fleet's gateways (any thread): its breakers join {@link #breakerStates()}. */
    public void observe(GatewayFrame frame) {
        breakerStates.observe(frame);
    }

    /** Every backend's breaker state on every gateway alive at the last refresh, from their telemetry. */
    public synchronized List<BreakerMatrix.Row> breakerStates() {
        return breakerStates.rows(List.copyOf(alive.keySet()));
    }

    /** The ids of the gateways alive at the last refresh. */
    public synchronized java.util.Set<String> aliveGateways() {
        return java.util.Set.copyOf(alive.keySet());
    }

    /** Reads the registry and the config; blocking (etcd round trips). */
    public synchronized Refresh refresh() {
        StoredConfig current = store.current();
        List<GatewayStatus> gateways = roster.gateways();
        Map<String, GatewayStatus> now = new LinkedHashMap<>();
        gateways.stream().filter(GatewayStatus::alive).forEach(g -> now.put(g.id(), g));
        List<GatewayStatus> joined = now.values().stream().filter(g -> !alive.containsKey(g.id())).toList();
        List<String> left = new ArrayList<>(alive.keySet());
        left.removeAll(now.keySet());
        left.forEach(breakerStates::forget);
        alive = now;
        lastSeenRevision = current == null ? 0 : current.revision();
        return new Refresh(gateways.stream().map(g -> FleetRow.of(g, current)).toList(), current, joined, left);
    }

    /**
     * "Apply to fleet": one push of the Config tab's working draft, guarded by the revision of the last refresh, so a
     * fleet changed since (by anyone) refuses it as {@link PushResult.Stale} with what changed.
     */
    public PushResult applyToFleet(String draft) {
        return store.push(draft, lastSeenRevision, operator);
    }

    public long lastSeenRevision() {
        return lastSeenRevision;
    }

    public List<HistoryEntry> history() {
        return store.history();
    }

    /** The config at {@code revision} against the current one. */
    public List<String> diffAgainstCurrent(long revision) {
        return store.diff(revision, null);
    }

    /** After the operator confirmed: the content of {@code revision} as a new revision, guarded like a push. */
    public PushResult rollback(long revision) {
        return store.rollback(revision, operator, lastSeenRevision);
    }
}
