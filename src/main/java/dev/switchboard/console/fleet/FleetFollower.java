package dev.switchboard.console.fleet;

import dev.switchboard.fleet.EtcdUnavailableException;
import dev.switchboard.fleet.GatewayStatus;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows a fleet's joins and leaves while the console is open: every {@link #PERIOD} it refreshes the fleet view model
 * off the FX thread and hands each gateway that joined, and the id of each that left, to the window's callbacks.
 */
public final class FleetFollower implements AutoCloseable {

    static final Duration PERIOD = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(FleetFollower.class.getName());

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("console-fleet").factory());

    /**
     * @param fleet  already refreshed once (the gateways found at start are not joins)
     * @param joined called off the FX thread with each gateway that joined
     * @param left   called off the FX thread with the id of each gateway that left or died
     */
    public FleetFollower(FleetViewModel fleet, Consumer<GatewayStatus> joined, Consumer<String> left) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                FleetViewModel.Refresh r = fleet.refresh();
                r.joined().forEach(joined);
                r.left().forEach(left);
            } catch (EtcdUnavailableException e) {
                LOG.log(System.Logger.Level.WARNING, "fleet registry unreachable: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "following the fleet failed", e);
            }
        }, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
