package dev.switchboard.console.fleet;

import dev.switchboard.console.ConsoleSession;
import dev.switchboard.console.remote.RemoteGatewayFeed;
import dev.switchboard.console.shell.MainWindow;
import dev.switchboard.fleet.Etcd;
import dev.switchboard.fleet.FleetAddress;
import dev.switchboard.fleet.FleetKeys;
import dev.switchboard.fleet.FleetRoster;
import dev.switchboard.fleet.FleetStore;
import dev.switchboard.fleet.GatewayStatus;
import io.etcd.jetcd.Client;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/**
 * {@code switchboard console --fleet}: the fleet's live gateways from its registry, each watched with the fleet's token;
 * once the window is open, gateways that join are added and gateways that leave or die are removed.
 */
public final class FleetDiscovery {

    private static final System.Logger LOG = System.getLogger(FleetDiscovery.class.getName());

    private FleetDiscovery() {
    }

    /**
     * Adds a feed for every live gateway of {@code address} that has an admin listener, and follows the registry while
     * the window is open (the etcd client is closed with the session).
     *
     * @return the gateways found at start (those without an admin URL are not watched)
     * @throws dev.switchboard.fleet.EtcdUnavailableException when etcd does not answer
     */
    public static List<GatewayStatus> addGateways(ConsoleSession session, FleetAddress address, String token, String operator) {
        Client client = Etcd.connectChecked(address);
        FleetKeys keys = new FleetKeys(address.fleet());
        FleetStore store = new FleetStore(client, keys, Clock.systemUTC());
        FleetRoster roster = new FleetRoster(client, keys);
        FleetViewModel fleet = new FleetViewModel(store, roster, operator);
        List<GatewayStatus> found = fleet.refresh().joined();
        for (GatewayStatus g : found) {
            RemoteGatewayFeed feed = FleetFeeds.feed(g, token);
            if (feed != null) {
                session.add(feed);
            }
        }
        session.whenWindowOpens(window -> {
            follow(session, window, fleet, token, client);
            // Its own view model: the window's refreshes must not take the follower's joins and leaves.
            ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("fleet-window").factory());
            FleetViewModel view = new FleetViewModel(store, roster, operator);
            window.tapFrames(view::observe);
            FleetGridWindow.FleetGridPane grid = new FleetGridWindow.FleetGridPane(() -> window.model().latestFrames().stream()
                    .filter(f -> view.aliveGateways().contains(f.gatewayId())).toList(), window.model()::health,
                    window.model().batchesProperty());
            new FleetWindow(view, worker, window::configDraft, address.toString(), null, grid).show();
            session.whenWindowOpens(w -> { }, worker::shutdownNow);
        }, null);
        return found;
    }

    private static void follow(ConsoleSession session, MainWindow window, FleetViewModel fleet, String token, Client client) {
        FleetFollower follower = new FleetFollower(fleet, joined -> {
            RemoteGatewayFeed feed = FleetFeeds.feed(joined, token);
            if (feed != null) {
                Platform.runLater(() -> window.connect(feed));
            }
        }, left -> {
            if (session.removable(left)) {
                try {
                    session.remove(left);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not forget " + left + ": " + e.getMessage());
                }
                Platform.runLater(() -> window.model().removeGateway(left));
            }
        });
        session.whenWindowOpens(w -> { }, () -> {
            follower.close();
            client.close();
        });
    }
}
