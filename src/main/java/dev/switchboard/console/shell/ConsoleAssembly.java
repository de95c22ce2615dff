package dev.switchboard.console.shell;

import dev.switchboard.console.ConsoleSession;
import dev.switchboard.console.config.ConfigEditorModel;
import dev.switchboard.console.drills.DrillModel;
import dev.switchboard.console.feed.CoalescingThrottle;
import dev.switchboard.console.feed.GatewayFeed;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.gateways.GatewayRemoval;
import dev.switchboard.console.overrides.OverridesWindow;
import dev.switchboard.console.rehearsal.RehearsalTab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console's composition root: the one place that creates the models, the worker and the throttle, connects the
 * session's feeds, and hands each view its dependencies. Views only ever receive what they draw.
 */
public final class ConsoleAssembly {

    /** How often the UI takes the latest telemetry. */
    static final Duration THROTTLE_PERIOD = Duration.ofMillis(200);

    private ConsoleAssembly() {
    }

    /** Builds and shows the main window over a running session. FX thread only. */
    public static MainWindow open(Stage stage, ConsoleSession session) {
        FXMLLoader loader = new FXMLLoader(ConsoleAssembly.class.getResource("/fxml/shell/main.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the main window's FXML", e);
        }
        ConsoleModel model = new ConsoleModel(session.feeds(), Platform::runLater);
        MainController main = loader.getController();
        Scene scene = new Scene(root, 1000, 720);
        ExecutorService worker = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("console-worker").factory());
        List<Consumer<GatewayFrame>> taps = new CopyOnWriteArrayList<>();
        CoalescingThrottle throttle = new CoalescingThrottle(Platform::runLater, batch -> {
            model.apply(batch);
            batch.frames().forEach(f -> taps.forEach(t -> t.accept(f)));
        });
        MainWindow window = new MainWindow(session, model, throttle, worker, main, taps);
        wire(main, model, session, worker);
        ConfigEditorModel editor = new ConfigEditorModel(model.selectedGatewayProperty()::get, model::control,
                model::shownVersion, model::latestFrame, Platform::runLater);
        main.config().init(editor, model.gateways(), worker);
        main.init(model, session, stage, scene, editor, RehearsalTab.create(model, editor, worker), window::connect);
        session.preferences().ifPresent(store -> {
            WindowHabits habits = WindowHabits.place(stage, store);
            habits.restore(main, model);
            window.rememberOnClose(() -> habits.remember(stage, main, model));
        });
        editor.reload();
        model.selectedGatewayProperty().addListener((obs, was, now) -> editor.reload());
        // The Config tab follows the gateway: a version the frames show that the editor is not based on.
        model.framesProperty().addListener((obs, was, now) -> editor.follow(model.shownVersion(model.selectedGatewayProperty().get())));
        session.feeds().forEach(f -> f.start(throttle));
        // The feeds' first frames (a card per backend to build) wait until the window has laid out its first frame.
        afterFirstLayout(scene, () -> throttle.start(THROTTLE_PERIOD));
        stage.setTitle(MainWindow.TITLE);
        stage.setScene(scene);
        stage.show();
        return window;
    }

    private static void afterFirstLayout(Scene scene, Runnable action) {
        boolean[] done = {false};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (!done[0]) {
                done[0] = true;
                action.run();
                Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /** The tabs that need only the model and the worker. */
    private static void wire(MainController main, ConsoleModel model, ConsoleSession session, ExecutorService worker) {
        main.gateways().init(model.gateways(), model.selectedGatewayProperty(),
                new GatewayRemoval(model, session::removable, session::remove, worker));
        main.pools().init(model.pools(), worker);
        main.distribution().init(model.distribution());
        main.charts().init(model, model.charts(), main.chartsShown());
        main.events().init(model.events(), model.gateways());
        main.drills().init(new DrillModel(session.simulators(), session.embeddedId().orElse(null), worker,
                Platform::runLater, e -> model.events().addAll(List.of(e)), Clock.systemUTC()),
                model.selectedGatewayProperty());
        main.dns().init(model.dns(), main.dnsShown(), id -> session.feeds().stream().filter(f -> f.id().equals(id))
                .findFirst().map(GatewayFeed::dnsResponder).orElse("not known"));
        OverridesWindow.attach(main.overridesButton(), model.overrides());
    }
}
