package dev.switchboard.console;

import dev.switchboard.console.shell.ConsoleAssembly;
import dev.switchboard.console.shell.MainWindow;
import dev.switchboard.console.shell.PreferencesStore;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.LiveWindow.close;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static org.assertj.core.api.Assertions.assertThat;

/** The Charts tab's Prometheus URL is remembered between runs; {@code --prometheus} still wins over it. */
@ExtendWith(ApplicationExtension.class)
class PrometheusUrlPreferenceTest {

    private static final String TYPED = "http://127.0.0.1:9090";
    private static final String FROM_FLAG = "http://127.0.0.1:9091";

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // Each run below opens its own stage, as a restarted console would.
    }

    @Test
    void theTypedUrlComesBackAndTheFlagWinsOverIt() throws Exception {
        PreferencesStore store = new PreferencesStore(dir.resolve("console.json"));
        assertThat(run(store, null, w -> w.model().charts().prometheusUrlProperty().set(TYPED))).isEqualTo(TYPED);

        assertThat(run(store, null, w -> { })).as("remembered").isEqualTo(TYPED);
        // As ConsoleCommand hands --prometheus over: a hook that runs once the window shows.
        assertThat(run(store, FROM_FLAG, w -> { })).as("--prometheus wins").isEqualTo(FROM_FLAG);
    }

    /** Opens a console on {@code store}, does {@code operator}, closes it; returns the URL the Charts tab showed. */
    private static String run(PreferencesStore store, String flag, Consumer<MainWindow> operator) throws Exception {
        ConsoleSession session = ConsoleSession.remoteOnly().preferring(store);
        if (flag != null) {
            session.whenWindowOpens(w -> w.model().charts().prometheusUrlProperty().set(flag), null);
        }
        Stage stage = onFxGet(Stage::new);
        MainWindow window = WaitForAsyncUtils.asyncFx(() -> {
            MainWindow opened = ConsoleAssembly.open(stage, session);
            session.windowOpened(opened);
            operator.accept(opened);
            return opened;
        }).get();
        try {
            return onFxGet(() -> window.model().charts().prometheusUrlProperty().get());
        } finally {
            close(window, session);
            WaitForAsyncUtils.asyncFx(stage::hide).get();
        }
    }
}
