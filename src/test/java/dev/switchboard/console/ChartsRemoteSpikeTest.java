package dev.switchboard.console;

import dev.switchboard.console.history.SeriesBuffer;
import dev.switchboard.console.remote.RemoteGatewayFeed;
import dev.switchboard.console.shell.ConsoleAssembly;
import dev.switchboard.console.shell.MainWindow;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.FeedListener;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.GatewayFeed;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.telemetry.client.GatewayModel;
import dev.switchboard.telemetry.client.TelemetryClient;
import dev.switchboard.telemetry.client.TelemetryListener;
import java.net.URI;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
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
 * traffic, its telemetry over a real socket to a console whose feed thread stalls for over a second (as it does
 * while a window starts, or on a loaded machine) and then takes the queued stats messages back to back. Requests/s
 * must stay near what the gateway served.
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
             StatsCounter observer = new StatsCounter(remote.telemetry())) {
            StallingFeed feed = new StallingFeed(new RemoteGatewayFeed("remote", remote.telemetry(), RemoteGatewayHarness.TOKEN));
            WaitForAsyncUtils.asyncFx(() -> window.connect(feed)).get();
            try {
                WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> points("red") >= 3);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("no rates for red: " + onFxGet(() -> window.model().connectionSummary() + " "
                        + window.model().selectedGatewayProperty().get() + " " + window.model().history().stats().keySet() + " points " + rate("red").size()), e);
            }

            feed.stall();
            long seen = observer.messages();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> observer.messages() >= seen + 8);
            feed.resume();
            int before = points("red");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> points("red") >= before + 3);

            // The pool splits the generator's 100 req/s 50:50; a busy machine may lag, never double it.
            double served = remote.traffic.rate() / 2;
            String drawn = onFxGet(() -> {
                StringBuilder b = new StringBuilder();
                rate("red").forEach((t, v) -> b.append(String.format(java.util.Locale.ROOT, " %.1f@%.2f", v, t % 100)));
                return b.toString();
            });
            double highest = onFxGet(() -> {
                double[] max = {0};
                rate("red").forEach((t, v) -> max[0] = Math.max(max[0], v));
                return max[0];
            });
            assertThat(highest).as("highest requests/s drawn for red, serving about %.0f/s; drawn:%s", served, drawn)
                    .isLessThan(served * 2);
        }
    }

    /** Blocks the feed's own thread while stalled, as a busy console does; messages queue behind it. */
    private static final class StallingFeed implements GatewayFeed {
        private final GatewayFeed inner;
        private final Semaphore open = new Semaphore(1);

        StallingFeed(GatewayFeed inner) {
            this.inner = inner;
        }

        void stall() throws InterruptedException {
            open.acquire();
        }

        void resume() {
            open.release();
        }

        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public void start(FeedListener listener) {
            inner.start(new FeedListener() {
                @Override
                public void frame(GatewayFrame frame) {
                    open.acquireUninterruptibly();
                    open.release();
                    listener.frame(frame);
                }

                @Override
                public void event(ConsoleEvent event) {
                    listener.event(event);
                }
            });
        }

        @Override
        public GatewayControl control() {
            return inner.control();
        }

        @Override
        public void close() {
            open.release();
            inner.close();
        }
    }

    /** A second, unstalled client of the same gateway: counts its stats messages, a clock that needs no sleep. */
    private static final class StatsCounter implements AutoCloseable {
        private final AtomicLong messages = new AtomicLong();
        private final TelemetryClient client;

        StatsCounter(URI telemetry) {
            client = TelemetryClient.builder(telemetry, RemoteGatewayHarness.TOKEN).listener(new TelemetryListener() {
                private Object last;

                @Override
                public void onModel(GatewayModel model) {
                    if (model.stats() != last) {
                        last = model.stats();
                        messages.incrementAndGet();
                    }
                }
            }).build();
            client.start();
        }

        long messages() {
            return messages.get();
        }

        @Override
        public void close() {
            client.close();
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
