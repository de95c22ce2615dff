package dev.switchboard.console;

import dev.switchboard.console.history.SeriesBuffer;
import dev.switchboard.console.remote.RemoteGatewayFeed;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.FeedListener;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.GatewayFeed;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.telemetry.client.GatewayModel;
import dev.switchboard.telemetry.client.TelemetryClient;
import dev.switchboard.telemetry.client.TelemetryListener;
import dev.switchboard.console.charts.LiveChart;
import dev.switchboard.gateway.stats.BackendInterval;
import dev.switchboard.testing.FxClick;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
class ChartsRemoteSpikeTest extends WindowTest {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        openRemoteOnly(stage);
    }

    @Test
    void aBurstOfStatsAfterAStallDrawsNoSpike(FxRobot robot) throws Exception {
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

            // What the gateway served, from an unstalled client's counters over at least a second of its clock.
            double served = observer.highestRate("red");
            String drawn = onFxGet(() -> {
                StringBuilder b = new StringBuilder();
                rate("red").forEach((t, v) -> b.append(String.format(java.util.Locale.ROOT, " %.0f", v)));
                return b.toString();
            });
            double highest = onFxGet(() -> {
                double[] max = {0};
                rate("red").forEach((t, v) -> max[0] = Math.max(max[0], v));
                return max[0];
            });
            assertThat(highest).as("highest requests/s drawn for red, the gateway served at most %.0f/s; drawn:%s",
                    served, drawn).isLessThan(served * 1.5 + 5);

            // The Charts tab at 1280x720: whose latency it is, every legend entry on screen, values under the mouse.
            WaitForAsyncUtils.asyncFx(() -> {
                stage.setWidth(1280);
                stage.setHeight(720);
            }).get();
            FxClick.clickOn(robot, "Charts");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFxGet(() ->
                    !chart(robot, "#rate-chart").data().lines().isEmpty()));
            LiveChart latency = chart(robot, "#latency-chart");
            assertThat(onFxGet(() -> latency.data().title())).contains("as gateway 'remote' measured it");
            double rendered = onFxGet(() -> Arrays.stream(chart(robot, "#rate-chart").data().lines().getFirst().points()
                    .values()).filter(Double::isFinite).max().orElse(0));
            assertThat(rendered).as("highest red req/s in the chart").isLessThan(served * 1.5 + 5);
            List<Node> legend = onFxGet(() -> List.copyOf(robot.lookup(".live-chart-legend-entry").queryAll()));
            assertThat(legend).hasSizeGreaterThanOrEqualTo(2 + 4 + 6);
            for (Node entry : legend) {
                Bounds b = onFxGet(() -> entry.localToScreen(entry.getBoundsInLocal()));
                Bounds screen = onFxGet(() -> entry.getScene().getRoot().localToScreen(entry.getScene().getRoot().getBoundsInLocal()));
                assertThat(screen.contains(b)).as("legend entry %s within the 1280x720 window", ((Labeled) entry).getText()).isTrue();
            }
            Node canvas = onFxGet(() -> chart(robot, "#rate-chart").lookup("Canvas"));
            robot.moveTo(canvas);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFxGet(() -> chart(robot, "#rate-chart").readoutText().contains("red: ")));
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
        /** (gateway ms, red's total requests) per stats message. */
        private final List<long[]> readings = new CopyOnWriteArrayList<>();
        private final TelemetryClient client;

        StatsCounter(URI telemetry) {
            client = TelemetryClient.builder(telemetry, RemoteGatewayHarness.TOKEN).listener(new TelemetryListener() {
                private Object last;

                @Override
                public void onModel(GatewayModel model) {
                    if (model.stats() != last) {
                        last = model.stats();
                        messages.incrementAndGet();
                        BackendInterval red = model.stats("red");
                        if (red != null && red.totals() != null) {
                            readings.add(new long[] {model.statsAtMillis(), red.totals().requests()});
                        }
                    }
                }
            }).build();
            client.start();
        }

        long messages() {
            return messages.get();
        }

        /** The highest requests/s of {@code backend} over any second or more of the gateway's clock. */
        double highestRate(String backend) {
            List<long[]> r = List.copyOf(readings);
            double highest = 0;
            for (int i = 0, j = 0; i < r.size(); i++) {
                while (j < r.size() && r.get(j)[0] - r.get(i)[0] < 1_000) {
                    j++;
                }
                if (j < r.size()) {
                    highest = Math.max(highest, (r.get(j)[1] - r.get(i)[1]) * 1000.0 / (r.get(j)[0] - r.get(i)[0]));
                }
            }
            return highest;
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private int points(String backend) throws Exception {
        return onFxGet(() -> rate(backend) == null ? 0 : rate(backend).size());
    }

    private static LiveChart chart(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(LiveChart.class);
    }

    private SeriesBuffer rate(String backend) {
        var h = window.model().history().stats().get(backend);
        return h == null ? null : h.rate();
    }
}
