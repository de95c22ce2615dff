package dev.switchboard.console.shell;

import dev.switchboard.console.ConsoleSession;
import dev.switchboard.console.feed.CoalescingThrottle;
import dev.switchboard.console.feed.GatewayFeed;
import dev.switchboard.console.feed.GatewayFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Builds the main window over a running session and connects the session's feeds to it through the throttle. */
public final class MainWindow {

    /** How often the UI takes the latest telemetry. */
    static final Duration THROTTLE_PERIOD = Duration.ofMillis(200);
    public static final String TITLE = "Switchboard console";

    private final ConsoleModel model;
    private final CoalescingThrottle throttle;
    private final ExecutorService worker;
    private final ConsoleSession session;
    private final MainController controller;
    private final List<Consumer<GatewayFrame>> taps;

    private MainWindow(ConsoleSession session, ConsoleModel model, CoalescingThrottle throttle,
                       ExecutorService worker, MainController controller, List<Consumer<GatewayFrame>> taps) {
        this.session = session;
        this.taps = taps;
        this.controller = controller;
        this.model = model;
        this.throttle = throttle;
        this.worker = worker;
    }

    public static MainWindow open(Stage stage, ConsoleSession session) {
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("/fxml/shell/main.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the main window's FXML", e);
        }
        ConsoleModel model = new ConsoleModel(session.feeds(), Platform::runLater);
        MainController controller = loader.getController();
        Scene scene = new Scene(root, 1000, 720);
        ExecutorService worker = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("console-worker").factory());
        List<Consumer<GatewayFrame>> taps = new CopyOnWriteArrayList<>();
        CoalescingThrottle throttle = new CoalescingThrottle(Platform::runLater, batch -> {
            model.apply(batch);
            batch.frames().forEach(f -> taps.forEach(t -> t.accept(f)));
        });
        MainWindow window = new MainWindow(session, model, throttle, worker, controller, taps);
        controller.init(model, session, stage, scene, worker, window::connect);
        session.feeds().forEach(f -> f.start(throttle));
        throttle.start(THROTTLE_PERIOD);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.show();
        return window;
    }

    /** Adds a gateway while the window is open: watched from now on, closed with the session. FX thread only. */
    public void connect(GatewayFeed feed) {
        session.add(feed);
        model.addGateway(feed);
        feed.start(throttle);
    }

    /** Hands {@code tap} every frame the window takes (FX thread), e.g. the fleet view's breaker matrix. */
    public void tapFrames(Consumer<GatewayFrame> tap) {
        taps.add(tap);
    }

    /** The Config tab's working text, draft or not. FX thread only. */
    public String configDraft() {
        return controller.configDraft();
    }

    public ConsoleModel model() {
        return model;
    }

    public void close() {
        controller.close();
        throttle.close();
        worker.shutdownNow();
    }
}
