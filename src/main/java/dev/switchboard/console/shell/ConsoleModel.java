package dev.switchboard.console.shell;

import dev.switchboard.console.charts.ChartsViewModel;
import dev.switchboard.console.dns.DnsViewModel;
import dev.switchboard.console.events.EventLogModel;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.FrameBatch;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.GatewayFeed;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.gateways.GatewayListModel;
import dev.switchboard.console.health.GatewayHealth;
import dev.switchboard.console.history.GatewayHistory;
import dev.switchboard.console.overrides.OverridesViewModel;
import dev.switchboard.console.pools.DistributionModel;
import dev.switchboard.console.pools.PoolViewModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Root view model: takes the throttle's batches on the FX thread and spreads them over the gateways list, the
 * selected gateway's pools, traffic profiles, histories, distribution and the event log.
 */
public final class ConsoleModel {

    static final long REDRAW_MILLIS = 1_000;

    private final Map<String, GatewayControl> controls = new LinkedHashMap<>();
    private final Map<String, GatewayFrame> latest = new HashMap<>();
    private final Map<String, GatewayHistory> histories = new HashMap<>();
    /** Per gateway, its backends' numbers and health (cards and fleet grid); lives as long as the gateway is watched. */
    private final Map<String, GatewayHealth> health = new LinkedHashMap<>();
    private final GatewayListModel gateways = new GatewayListModel();
    private final EventLogModel events = new EventLogModel();
    private final DistributionModel distribution = new DistributionModel();
    private final FailoverDetector failovers = new FailoverDetector();
    private final StaleDetector staleness;
    private final Clock clock;
    private final PoolViewModel pools;
    private final DnsViewModel dns;
    private final ChartsViewModel charts;
    private final OverridesViewModel overrides;
    private final StringProperty selectedGateway = new SimpleStringProperty();
    /** Increases whenever the selected gateway's frame was applied (the timeline redraws). */
    private final LongProperty frames = new SimpleLongProperty();
    /** Increases when the selected gateway's history gained an interval, at most once a second (charts redraw). */
    private final LongProperty intervals = new SimpleLongProperty();
    /** Increases after every applied batch (the status bar refreshes). */
    private final LongProperty batches = new SimpleLongProperty();
    /** Whether the selected gateway's numbers are live (false while it is stale, disconnected or not heard yet). */
    private final BooleanProperty selectedLive = new SimpleBooleanProperty();
    /** Increases on every {@link #tick()}: views that show "now" (the timeline) move on even without frames. */
    private final LongProperty ticks = new SimpleLongProperty();
    private Consumer<ConsoleEvent> alerts = e -> { };
    private long lastRedrawMillis = Long.MIN_VALUE / 2;

    /** @param fx the FX thread's executor, for command results */
    public ConsoleModel(List<GatewayFeed> feeds, Executor fx) {
        this(feeds, fx, Clock.systemUTC());
    }

    /** @param consoleClock the console's own time: when frames arrived, where "now" is on the timeline */
    public ConsoleModel(List<GatewayFeed> feeds, Executor fx, Clock consoleClock) {
        clock = consoleClock;
        staleness = new StaleDetector(consoleClock);
        pools = new PoolViewModel(fx, e -> events.addAll(List.of(e)));
        dns = new DnsViewModel(fx, e -> events.addAll(List.of(e)), Clock.systemUTC());
        charts = new ChartsViewModel(fx);
        overrides = new OverridesViewModel(fx, e -> events.addAll(List.of(e)));
        feeds.forEach(this::addGateway);
        selectedGateway.addListener((obs, was, now) -> {
            lastRedrawMillis = Long.MIN_VALUE / 2;
            showSelected(true);
        });
    }

    /**
     * Watches one more gateway; the first one added is selected. Listed at once, so a gateway that never answers
     * can still be seen and removed. FX thread only.
     */
    public void addGateway(GatewayFeed feed) {
        controls.put(feed.id(), feed.control());
        gateways.add(feed.id());
        if (selectedGateway.get() == null) {
            selectedGateway.set(feed.id());
        }
    }

    /**
     * Stops showing a gateway: its row, frames and history go, and a frame of it still on its way is ignored. The
     * selection moves to the first gateway left. FX thread only; disconnecting is the caller's.
     */
    public void removeGateway(String gatewayId) {
        controls.remove(gatewayId);
        latest.remove(gatewayId);
        histories.remove(gatewayId);
        health.remove(gatewayId);
        staleness.forget(gatewayId);
        gateways.remove(gatewayId);
        pools.undoStack().forget(gatewayId);
        if (gatewayId.equals(selectedGateway.get())) {
            selectedGateway.set(controls.isEmpty() ? null : controls.keySet().iterator().next());
        }
        if (selectedGateway.get() == null) {
            pools.clear();
            dns.clear();
            overrides.clear();
        }
    }

    /** Applies one batch from the throttle; FX thread only. */
    public void apply(FrameBatch batch) {
        List<ConsoleEvent> newEvents = new ArrayList<>(batch.events());
        boolean selectedChanged = false;
        boolean newInterval = false;
        for (GatewayFrame received : batch.frames()) {
            if (!controls.containsKey(received.gatewayId())) {
                continue;
            }
            GatewayFrame frame = staleness.check(received);
            latest.put(frame.gatewayId(), frame);
            gateways.update(frame);
            boolean added = histories.computeIfAbsent(frame.gatewayId(), id -> new GatewayHistory()).update(frame);
            health(frame.gatewayId()).update(frame);
            newEvents.addAll(failovers.check(frame));
            if (frame.gatewayId().equals(selectedGateway.get())) {
                selectedChanged = true;
                newInterval = added;
            }
        }
        if (selectedChanged) {
            showSelected(newInterval);
        }
        events.addAll(newEvents);
        newEvents.stream().filter(ConsoleEvent::alert).forEach(alerts);
        batches.set(batches.get() + 1);
    }

    /**
     * Re-checks every gateway against the console's clock, so one that fell silent turns STALE without a new frame,
     * and moves "now" on. FX thread only; the composition root calls it twice a second.
     */
    public void tick() {
        List<GatewayFrame> turned = latest.values().stream()
                .filter(f -> staleness.check(f).connection() != f.connection()).toList();
        if (!turned.isEmpty()) {
            apply(new FrameBatch(turned, List.of()));
        }
        ticks.set(ticks.get() + 1);
    }

    /** The console's own time, epoch millis. */
    public long nowMillis() {
        return clock.millis();
    }

    /** One line on every gateway's connection, e.g. "embedded LIVE · edge-1 STALE (no message for 3000 ms)". */
    public String connectionSummary() {
        if (gateways.rows().isEmpty()) {
            return "no gateway yet: File > Add remote gateway (Ctrl+N)";
        }
        return gateways.rows().stream().map(r -> r.id() + " " + r.stateProperty().get()
                + (r.stateReasonProperty().get().isEmpty() ? "" : " (" + r.stateReasonProperty().get() + ")")
                + (r.driftProperty().get() ? " DRIFT" : "")).collect(Collectors.joining(" \u00b7 "));
    }

    private void showSelected(boolean newInterval) {
        GatewayFrame frame = latest.get(selectedGateway.get());
        selectedLive.set(frame != null && frame.live());
        if (frame == null) {
            return;
        }
        pools.show(frame, controls.get(frame.gatewayId()), health(frame.gatewayId()));
        dns.show(frame, controls.get(frame.gatewayId()));
        overrides.show(frame, controls.get(frame.gatewayId()));
        frames.set(frames.get() + 1);
        long at = frame.at().toEpochMilli();
        // Charts redraw at most once a second of gateway time, however short the gateway's stats interval.
        if (newInterval && (at - lastRedrawMillis >= REDRAW_MILLIS || at < lastRedrawMillis)) {
            lastRedrawMillis = at;
            distribution.update(pools.pools(), history().stats());
            intervals.set(intervals.get() + 1);
        }
    }

    /** The selected gateway's history (empty until its first frame). */
    public GatewayHistory history() {
        return histories.computeIfAbsent(selectedGateway.get(), id -> new GatewayHistory());
    }

    /** A watched gateway's backend numbers and health (empty until its first frame). FX thread only. */
    public GatewayHealth health(String gatewayId) {
        return health.computeIfAbsent(gatewayId, id -> new GatewayHealth());
    }

    /** The latest frame of every watched gateway that has sent one, in the order they were added. FX thread only. */
    public List<GatewayFrame> latestFrames() {
        return controls.keySet().stream().map(latest::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Receives every event worth a notification (breaker trips, failovers), on the FX thread. */
    public void setAlerts(Consumer<ConsoleEvent> alerts) {
        this.alerts = alerts;
    }

    public GatewayControl control(String gatewayId) {
        return controls.get(gatewayId);
    }

    /** The config version the console last saw of a gateway, or -1 before its first frame. */
    public long shownVersion(String gatewayId) {
        GatewayFrame frame = latest.get(gatewayId);
        return frame == null ? -1 : frame.version();
    }

    /** A gateway's latest frame, or null before its first one. */
    public GatewayFrame latestFrame(String gatewayId) {
        return latest.get(gatewayId);
    }

    /** The selected gateway's latest frame, or null before its first one. */
    public GatewayFrame selectedFrame() {
        return latest.get(selectedGateway.get());
    }

    public GatewayListModel gateways() {
        return gateways;
    }

    public PoolViewModel pools() {
        return pools;
    }

    public OverridesViewModel overrides() {
        return overrides;
    }

    public DnsViewModel dns() {
        return dns;
    }

    public ChartsViewModel charts() {
        return charts;
    }

    public EventLogModel events() {
        return events;
    }

    public DistributionModel distribution() {
        return distribution;
    }

    public StringProperty selectedGatewayProperty() {
        return selectedGateway;
    }

    public LongProperty framesProperty() {
        return frames;
    }

    public LongProperty batchesProperty() {
        return batches;
    }

    public ReadOnlyBooleanProperty selectedLiveProperty() {
        return selectedLive;
    }

    public LongProperty ticksProperty() {
        return ticks;
    }

    public LongProperty intervalsProperty() {
        return intervals;
    }
}
