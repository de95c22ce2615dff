package dev.switchboard.console;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.telemetry.client.ConnectionState;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.FeedListener;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.StaleVersionException;
import dev.switchboard.console.remote.RemoteGatewayFeed;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The telemetry-backed feed against a real headless gateway over loopback. */
class RemoteGatewayFeedTest {

    @Test
    void framesCarryTheRemoteStateAndStatsAndCommandsApplyWithStaleConfigsRefused(@TempDir Path dir) throws Exception {
        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir);
             RemoteGatewayFeed feed = new RemoteGatewayFeed("r", remote.telemetry(), RemoteGatewayHarness.TOKEN)) {
            AtomicReference<GatewayFrame> latest = new AtomicReference<>();
            List<ConsoleEvent> events = new CopyOnWriteArrayList<>();
            feed.start(new FeedListener() {
                @Override
                public void frame(GatewayFrame frame) {
                    latest.set(frame);
                }

                @Override
                public void event(ConsoleEvent event) {
                    events.add(event);
                }
            });
            waitFor(() -> latest.get() != null && latest.get().connection() == ConnectionState.LIVE
                    && latest.get().stats().containsKey("red"));
            GatewayFrame f = latest.get();
            assertThat(f.configId()).isEqualTo("remote-shop");
            assertThat(f.pools()).singleElement().satisfies(p -> assertThat(p.members()).hasSize(2));
            assertThat(f.version()).isEqualTo(remote.gateway.engine().version());

            feed.control().setWeight("shop", "red", 10).get(5, TimeUnit.SECONDS);
            assertThat(remote.gateway.engine().snapshot().pools().getFirst().members().getFirst().weight()).isEqualTo(10);

            GatewayControl.VersionedConfig vc = feed.control().config().get(5, TimeUnit.SECONDS);
            assertThat(vc.version()).isEqualTo(remote.gateway.engine().version());
            GatewayConfig config = vc.config();
            assertThatThrownBy(() -> feed.control().applyConfig(config, vc.version() - 1).join())
                    .isInstanceOf(CompletionException.class).hasCauseInstanceOf(StaleVersionException.class);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(50);
        }
    }
}
