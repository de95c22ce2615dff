package dev.switchboard.console;

import dev.switchboard.console.common.FakeGateway;
import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.console.feed.FeedListener;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.GatewayFeed;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.IntervalStats;
import dev.switchboard.console.feed.MemberFrame;
import dev.switchboard.console.feed.PoolFrame;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.telemetry.client.ConnectionState;
import dev.switchboard.testing.FxClick;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.LiveWindow.close;
import static dev.switchboard.console.LiveWindow.find;
import static dev.switchboard.console.LiveWindow.onFx;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static dev.switchboard.console.LiveWindow.present;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Fleet at a glance": every connected gateway x backend in one grid, 10 x 50 fed through the console's real
 * coalescing path. gw-03 holds backend-07's breaker open and the others do not; backend-42 fails everywhere.
 */
class FleetGridWindowTest extends WindowTest {

    private static final int GATEWAYS = 10;
    static final int BACKENDS = 50;

    @Start
    void start(Stage stage) {
        openRemoteOnly(stage);
    }

    @Test
    void tenGatewaysByFiftyBackendsShowInOneGridWithDivergenceAndFailuresFlagged(FxRobot robot) throws Exception {
        List<SyntheticFeed> feeds = new ArrayList<>();
        for (int g = 0; g < GATEWAYS; g++) {
            SyntheticFeed feed = new SyntheticFeed("gw-%02d".formatted(g));
            feeds.add(feed);
            WaitForAsyncUtils.asyncFx(() -> window.connect(feed)).get();
        }
        // Live gateways send an interval every second; ones that fell silent would rightly turn STALE (after 3 s) and
        // drop out of the divergence and failure counts, however slowly a loaded machine opens the grid.
        AtomicLong seq = new AtomicLong();
        ScheduledExecutorService gateways = Executors.newSingleThreadScheduledExecutor();
        gateways.scheduleAtFixedRate(() -> {
            long next = seq.incrementAndGet();
            feeds.forEach(feed -> feed.push(next));
        }, 0, 500, TimeUnit.MILLISECONDS);
        try {
            showsTheGrid(robot);
        } finally {
            gateways.shutdownNow();
        }
    }

    private void showsTheGrid(FxRobot robot) throws Exception {

        // The throttle delivers on its own period; the window takes every gateway's newest frame before the menu opens.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> window.model().latestFrames().size() == GATEWAYS));
        WaitForAsyncUtils.waitForFxEvents();
        FxClick.clickOn(robot, "View");
        FxClick.clickOn(robot, "Fleet grid");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#fleet-grid-summary"));
        Label summary = find(robot, "#fleet-grid-summary", Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> summary.getText().startsWith(
                GATEWAYS + " gateways \u00d7 " + BACKENDS + " backends")));
        assertThat(onFxGet(summary::getText)).contains("1 diverging", "2 failing");
        @SuppressWarnings("unchecked")
        ListView<String> divergence = find(robot, "#fleet-divergence", ListView.class);
        assertThat(onFxGet(() -> List.copyOf(divergence.getItems())))
                .anySatisfy(line -> assertThat(line).contains("backend-07", "open on gw-03", "closed on 9"));

        Canvas grid = find(robot, "#fleet-grid", Canvas.class);
        WritableImage image = onFxGet(() -> grid.snapshot(null, null));
        PixelReader pixels = image.getPixelReader();
        int red = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                Color c = pixels.getColor(x, y);
                if (c.getRed() > 0.75 && c.getGreen() < 0.35 && c.getBlue() < 0.35) {
                    red++;
                }
            }
        }
        assertThat(red).as("backend-42 fails on all ten gateways: its cells are drawn red").isGreaterThan(GATEWAYS * 20);
    }

    /** A gateway made of frames: 50 backends in one pool, backend-42 answering 5xx, gw-03 holding backend-07 open. */
    static final class SyntheticFeed implements GatewayFeed {

        private final String id;
        private final FakeGateway control;
        private volatile FeedListener listener;

        SyntheticFeed(String id) {
            this.id = id;
            this.control = new FakeGateway(id, new ArrayList<>(), () -> false);
        }

        void push(long seq) {
            List<BackendFrame> backends = new ArrayList<>();
            List<MemberFrame> members = new ArrayList<>();
            Map<String, IntervalStats> stats = new HashMap<>();
            for (int b = 0; b < BACKENDS; b++) {
                String name = "backend-%02d".formatted(b);
                boolean open = b == 7 && id.equals("gw-03");
                backends.add(new BackendFrame(name, AdminState.ENABLED, open ? Availability.UNAVAILABLE_BREAKER : Availability.AVAILABLE,
                        "", open ? BreakerState.OPEN : BreakerState.CLOSED, open ? Duration.ofSeconds(20) : null, List.of()));
                members.add(new MemberFrame(name, 10, 1, Availability.AVAILABLE, ""));
                long requests = open ? 0 : 5 + b;
                stats.put(name, new IntervalStats(requests, 0, b == 42 ? requests : 0, 2, 4, 8, Duration.ofSeconds(1)));
            }
            listener.frame(new GatewayFrame(id, "cfg", ConnectionState.LIVE, "", 1, "h", Instant.now(), backends,
                    List.of(new PoolFrame("all", members)), seq, stats, List.of()));
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void start(FeedListener feedListener) {
            listener = feedListener;
        }

        @Override
        public GatewayControl control() {
            return control;
        }

        @Override
        public void close() {
        }
    }
}
