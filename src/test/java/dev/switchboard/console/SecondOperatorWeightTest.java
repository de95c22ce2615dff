package dev.switchboard.console;

import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.health.GatewayHealth;
import dev.switchboard.console.pools.MemberRow;
import dev.switchboard.console.pools.PoolViewModel;
import dev.switchboard.console.remote.RemoteGatewayFeed;
import dev.switchboard.telemetry.client.ConnectionState;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, "Habits": a card that sent a weight must not freeze when another operator changes that weight before
 * any frame showed the console's value. Two control connections to a real gateway over loopback.
 */
class SecondOperatorWeightTest {

    @Test
    void aWeightSetByAnotherOperatorAfterTheConsolesSendIsShownNotIgnored(@TempDir Path dir) throws Exception {
        ExecutorService fx = Executors.newSingleThreadExecutor();
        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir);
             RemoteGatewayFeed console = new RemoteGatewayFeed("r", remote.telemetry(), RemoteGatewayHarness.TOKEN);
             RemoteGatewayFeed otherOperator = new RemoteGatewayFeed("o", remote.telemetry(), RemoteGatewayHarness.TOKEN)) {
            RecordingFeedListener frames = new RecordingFeedListener();
            console.start(frames);
            RecordingFeedListener otherFrames = new RecordingFeedListener();
            otherOperator.start(otherFrames);
            waitFor(() -> frames.latest.get() != null && frames.latest.get().connection() == ConnectionState.LIVE);
            PoolViewModel pools = new PoolViewModel(fx, e -> { });
            GatewayHealth health = new GatewayHealth();
            GatewayFrame first = frames.latest.get();
            fx.submit(() -> pools.show(first, console.control(), health)).get();
            MemberRow red = fx.submit(() -> pools.pools().getFirst().rows().getFirst()).get();
            assertThat(red.backendId()).isEqualTo("red");

            fx.submit(() -> pools.setWeight(red, 30)).get();
            waitFor(() -> remote.gateway.engine().snapshot().pools().getFirst().members().getFirst().weight() == 30);
            waitFor(() -> submitted(fx, () -> !pools.undoStack().entries().isEmpty()));
            // The other operator acts on what they see: the gateway with the console's 30 (a command on an older
            // version would be refused as stale).
            long withThirty = remote.gateway.engine().version();
            waitFor(() -> otherFrames.latest.get() != null && otherFrames.latest.get().version() >= withThirty);
            // The second operator wins before the console saw any frame with its own 30.
            otherOperator.control().setWeight("shop", "red", 70).get(5, TimeUnit.SECONDS);
            long after = remote.gateway.engine().version();
            waitFor(() -> frames.latest.get().version() >= after);
            GatewayFrame latest = frames.latest.get();
            assertThat(latest.pools().getFirst().members().getFirst().weight()).isEqualTo(70);

            fx.submit(() -> pools.show(latest, console.control(), health)).get();
            assertThat(fx.submit(() -> red.weightProperty().get()).get())
                    .as("the card follows the gateway's weight, not the 30 it is still waiting for").isEqualTo(70);
        } finally {
            fx.shutdownNow();
        }
    }

    private static boolean submitted(ExecutorService fx, Callable<Boolean> condition) throws Exception {
        return fx.submit(condition).get();
    }

    /** Polls {@code condition} from the test thread for up to 10 s. */
    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }
}
