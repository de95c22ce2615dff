package dev.switchboard.bench;

import dev.switchboard.console.ConsoleSession;
import dev.switchboard.console.common.PngWriter;
import dev.switchboard.console.fleet.FleetGridWindow;
import dev.switchboard.console.shell.ConsoleAssembly;
import dev.switchboard.console.shell.MainWindow;
import dev.switchboard.console.timeline.BreakerTimeline;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * The README's screenshots, from the real console on the embedded demo at 1280x720: Pools, Charts and the breaker
 * timeline, after a drill (orders-east-1 answering 503) has given the charts and the timeline something to show; and
 * the fleet grid over the demo plus nine synthetic gateways of 50 backends (the console bench's feed, a few of their
 * breakers open at random), since the demo alone is one gateway.
 * Run by scripts/screenshots.sh on a real display (Xvfb); argument: the directory to write the PNGs to.
 */
public final class ReadmeScreenshots {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    private static final int FLEET_GATEWAYS = 10;
    private static final int FLEET_BACKENDS = 50;

    private ReadmeScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(out);
        ConsoleSession session = ConsoleSession.demo(300);
        for (int g = 1; g < FLEET_GATEWAYS; g++) {
            session.add(new SyntheticGatewayFeed("gw-" + g, FLEET_BACKENDS, 4, g));
        }
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        CompletableFuture<MainWindow> opened = new CompletableFuture<>();
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            opened.complete(ConsoleAssembly.open(stage, session));
            shown.complete(stage);
        });
        Stage stage = shown.get(60, TimeUnit.SECONDS);
        opened.get();
        TimeUnit.SECONDS.sleep(6);
        session.simulators().get("orders-east-1").updateBehavior(b -> b.withStatus(503));
        TimeUnit.SECONDS.sleep(20);
        session.simulators().get("orders-east-1").updateBehavior(b -> b.withStatus(200));
        TimeUnit.SECONDS.sleep(8);

        write(out.resolve("pools.png"), fx(() -> stage.getScene().snapshot(null)));
        write(out.resolve("timeline.png"), fx(() -> timeline(stage).snapshot(null, null)));
        fx(() -> {
            ((TabPane) stage.getScene().getRoot().lookup(".tab-pane")).getSelectionModel().select(1);
            return null;
        });
        TimeUnit.SECONDS.sleep(3);
        write(out.resolve("charts.png"), fx(() -> stage.getScene().snapshot(null)));
        MainWindow window = opened.get();
        Stage grid = fx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new FleetGridWindow.FleetGridPane(window.model()::latestFrames, window.model()::health,
                    window.model().batchesProperty()), WIDTH, HEIGHT));
            s.show();
            return s;
        });
        TimeUnit.SECONDS.sleep(3);
        write(out.resolve("fleet-grid.png"), fx(() -> grid.getScene().snapshot(null)));
        Platform.runLater(session::close);
        Platform.exit();
        System.exit(0);
    }

    private static Node timeline(Stage stage) {
        return stage.getScene().getRoot().lookupAll("*").stream().filter(BreakerTimeline.class::isInstance)
                .findFirst().orElseThrow(() -> new IllegalStateException("no breaker timeline in the window"));
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private static void write(Path file, WritableImage image) throws Exception {
        try (OutputStream png = Files.newOutputStream(file)) {
            PngWriter.write(image, png);
        }
        System.out.printf("%s: %.0f x %.0f%n", file, image.getWidth(), image.getHeight());
    }
}
