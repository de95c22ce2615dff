package dev.switchboard.console;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.embedded.EmbeddedGatewayFeed;
import dev.switchboard.console.feed.GatewayFeed;
import dev.switchboard.console.remote.GatewayStore;
import dev.switchboard.console.shell.MainWindow;
import dev.switchboard.console.shell.PreferencesStore;
import dev.switchboard.demo.DemoEnvironment;
import dev.switchboard.demo.TrafficGenerator;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.sim.SimBackend;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What one console window runs and watches: the embedded gateway with its traffic generator (and, for the demo,
 * the simulated backends a drill can break).
 */
public final class ConsoleSession implements AutoCloseable {

    static final String EMBEDDED_ID = "embedded";

    private final List<GatewayFeed> feeds = new CopyOnWriteArrayList<>();
    private final TrafficGenerator traffic;
    private final Map<String, SimBackend> simulators;
    private final Gateway gateway;
    /** The embedded gateway's feed, which lives as long as the session; null without one. */
    private final GatewayFeed embeddedFeed;
    private final AutoCloseable owned;
    private GatewayStore store;
    private PreferencesStore preferences;
    /** Features that act on the open window (a fleet's joins and leaves), and what they own; closed with the session. */
    private final List<Consumer<MainWindow>> windowHooks = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> extras = new CopyOnWriteArrayList<>();

    private ConsoleSession(GatewayFeed embeddedFeed, Gateway gateway, TrafficGenerator traffic,
                           Map<String, SimBackend> simulators, AutoCloseable owned) {
        if (embeddedFeed != null) {
            feeds.add(embeddedFeed);
        }
        this.embeddedFeed = embeddedFeed;
        this.gateway = gateway;
        this.traffic = traffic;
        this.simulators = simulators;
        this.owned = owned;
    }

    /** The demo: simulated backends in two regions, a gateway on loopback and traffic at {@code rate} per second. */
    public static ConsoleSession demo(double rate) {
        DemoEnvironment demo = DemoEnvironment.start(rate);
        GatewayFeed feed = new EmbeddedGatewayFeed(EMBEDDED_ID, demo.gateway());
        return new ConsoleSession(feed, demo.gateway(), demo.traffic(), demo.backends(), demo);
    }

    /** A gateway on {@code config} in this process, with a traffic generator that starts quiet. */
    public static ConsoleSession embedded(GatewayConfig config) {
        Gateway gateway = Gateway.start(config);
        TrafficGenerator traffic = TrafficGenerator.towards(config, gateway.port(), 0);
        traffic.start();
        GatewayFeed feed = new EmbeddedGatewayFeed(EMBEDDED_ID, gateway);
        return new ConsoleSession(feed, gateway, traffic, Map.of(), () -> {
            traffic.close();
            gateway.close(Duration.ofSeconds(2));
        });
    }

    /** Only remote gateways, added with {@link #add}. */
    public static ConsoleSession remoteOnly() {
        return new ConsoleSession(null, null, null, Map.of(), () -> { });
    }

    /** Adds a gateway (not yet started: the window starts every feed); it is closed with the session. */
    public void add(GatewayFeed feed) {
        feeds.add(feed);
    }

    /** True for a gateway that {@link #remove} takes: any watched gateway but the embedded one. */
    public boolean removable(String id) {
        return feeds.stream().anyMatch(f -> f.id().equals(id) && f != embeddedFeed);
    }

    /**
     * Disconnects a remote gateway and forgets it (with its token) in the store. Closing may wait for the socket:
     * not on the FX thread.
     *
     * @throws IOException when the store cannot be rewritten; the gateway is disconnected all the same
     */
    public void remove(String id) throws IOException {
        GatewayFeed feed = feeds.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
        if (feed == null || feed == embeddedFeed) {
            throw new IllegalArgumentException("'" + id + "' is not a remote gateway of this console");
        }
        feeds.remove(feed);
        feed.close();
        if (store != null) {
            store.remove(id);
        }
    }

    /** Runs {@code hook} with the main window once it is open; {@code owner} (may be null) is closed with the session. */
    public void whenWindowOpens(Consumer<MainWindow> hook, AutoCloseable owner) {
        windowHooks.add(hook);
        if (owner != null) {
            extras.add(owner);
        }
    }

    /** Called by the application once the main window shows. FX thread. */
    void windowOpened(MainWindow window) {
        windowHooks.forEach(h -> h.accept(window));
    }

    /** Where remote gateways are remembered; empty when the session does not remember them (tests). */
    public Optional<GatewayStore> store() {
        return Optional.ofNullable(store);
    }

    public ConsoleSession remembering(GatewayStore gatewayStore) {
        this.store = gatewayStore;
        return this;
    }

    /** Where the window's size, splits, theme and gateway are remembered; empty: the window remembers nothing (tests). */
    public Optional<PreferencesStore> preferences() {
        return Optional.ofNullable(preferences);
    }

    public ConsoleSession preferring(PreferencesStore preferencesStore) {
        this.preferences = preferencesStore;
        return this;
    }

    public List<GatewayFeed> feeds() {
        return List.copyOf(feeds);
    }

    /** The console's name for the gateway running in this process; empty when there is none. */
    public Optional<String> embeddedId() {
        return Optional.ofNullable(embeddedFeed).map(GatewayFeed::id);
    }

    /** The gateway running in this process; null when there is none. */
    Gateway embeddedGateway() {
        return gateway;
    }

    /** The embedded traffic generator, whose rate the toolbar sets; empty without an embedded gateway. */
    public Optional<TrafficGenerator> traffic() {
        return Optional.ofNullable(traffic);
    }

    /** Simulated backends by id; empty unless this is the demo. */
    public Map<String, SimBackend> simulators() {
        return simulators;
    }

    @Override
    public void close() {
        extras.forEach(e -> {
            try {
                e.close();
            } catch (Exception ex) {
                System.getLogger(ConsoleSession.class.getName()).log(System.Logger.Level.WARNING, "closing " + e, ex);
            }
        });
        feeds.forEach(GatewayFeed::close);
        try {
            owned.close();
        } catch (Exception e) {
            System.getLogger(ConsoleSession.class.getName()).log(System.Logger.Level.WARNING, "closing the session", e);
        }
    }
}
