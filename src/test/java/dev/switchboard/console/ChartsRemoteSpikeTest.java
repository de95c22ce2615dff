package dev.switchboard.console;

import dev.switchboard.console.history.SeriesBuffer;
import dev.switchboard.console.remote.RemoteGatewayFeed;
import dev.switchboard.console.shell.ConsoleAssembly;
import dev.switchboard.console.shell.MainWindow;
import dev.switchboard.testing.TcpRelay;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.LiveWindow.close;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Connecting to a remote gateway drew a spike of about 3,300 req/s against 20 real": a real gateway under real
 * traffic, its telemetry through a real relay that stalls and then delivers a second of messages at once, as a
 * connect or a congested link does. Requests/s must stay near what the gateway served.
 */
@ExtendWith(ApplicationExtension.class)
class ChartsRemoteSpikeTest {

    @TempDir
    Path dir;
    private ConsoleSession session;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        session = ConsoleSession.remoteOnly();
        window = ConsoleAssembly.open(stage, session);
    }

    @AfterEach
    void stop() throws Exception {
        close(window, session);
    }

    @Test
    void aBurstOfStatsAfterAStallDrawsNoSpike() throws Exception {
        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir);
             TcpRelay relay = new TcpRelay(remote.admin.port())) {
            WaitForAsyncUtils.asyncFx(() -> window.connect(new RemoteGatewayFeed("remote",
                    URI.create("ws://127.0.0.1:" + relay.port() + "/telemetry"), RemoteGatewayHarness.TOKEN))).get();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> points("red") >= 8);

            relay.hold();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> relay.heldReads() >= 6);
            relay.release();
            int before = points("red");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> points("red") >= before + 6);

            // The pool splits the generator's 100 req/s 50:50; a busy machine may lag, never double it.
            double served = remote.traffic.rate() / 2;
            double highest = onFxGet(() -> {
                double[] max = {0};
                rate("red").forEach((t, v) -> max[0] = Math.max(max[0], v));
                return max[0];
            });
            assertThat(highest).as("highest requests/s drawn for red, serving about %.0f/s", served)
                    .isLessThan(served * 2);
        }
    }

    private int points(String backend) throws Exception {
        return onFxGet(() -> rate(backend) == null ? 0 : rate(backend).size());
    }

    private SeriesBuffer rate(String backend) {
        var h = window.model().history().stats().get(backend);
        return h == null ? null : h.rate();
    }
}
