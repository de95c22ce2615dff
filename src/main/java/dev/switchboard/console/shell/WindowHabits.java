package dev.switchboard.console.shell;

import java.io.IOException;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the window back as the operator left it: maximised on the first run, then at its last size and place (when
 * that is still on a screen), with its splits, theme and selected gateway; and remembers them when it closes.
 */
final class WindowHabits {

    private static final System.Logger LOG = System.getLogger(WindowHabits.class.getName());

    private final PreferencesStore store;
    /** The last bounds while not maximised: what a maximised window returns to next time it is restored. */
    private Rectangle2D normalBounds;

    private WindowHabits(PreferencesStore store) {
        this.store = store;
    }

    /** Sizes and places {@code stage} before it shows: maximised the first time, else where it was. */
    static WindowHabits place(Stage stage, PreferencesStore store) {
        WindowHabits habits = new WindowHabits(store);
        ConsolePreferences remembered = store.load();
        if (remembered.sized()) {
            Rectangle2D bounds = new Rectangle2D(remembered.x(), remembered.y(), remembered.width(), remembered.height());
            habits.normalBounds = bounds;
            stage.setWidth(bounds.getWidth());
            stage.setHeight(bounds.getHeight());
            if (Screen.getScreensForRectangle(bounds).isEmpty()) {
                stage.centerOnScreen();
            } else {
                stage.setX(bounds.getMinX());
                stage.setY(bounds.getMinY());
            }
        }
        stage.setMaximized(remembered.maximized());
        Runnable track = () -> {
            if (!stage.isMaximized() && stage.getWidth() > 0) {
                habits.normalBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.widthProperty().addListener((obs, was, now) -> track.run());
        stage.heightProperty().addListener((obs, was, now) -> track.run());
        stage.xProperty().addListener((obs, was, now) -> track.run());
        stage.yProperty().addListener((obs, was, now) -> track.run());
        return habits;
    }

    /**
     * Restores splits, theme, the selected gateway (if it is still watched) and the Prometheus URL once the window's
     * parts exist; {@code --prometheus} is applied after this, so it wins.
     */
    void restore(MainController main, ConsoleModel model) {
        ConsolePreferences remembered = store.load();
        if (remembered.gatewaysWidth() > 0) {
            whenLaidOut(main.gatewaysSplit(), split -> split.setDividerPositions(
                    Math.min(0.9, remembered.gatewaysWidth() / split.getWidth())));
        }
        whenLaidOut(main.poolsSplit(), split -> split.setDividerPositions(remembered.poolsDivider()));
        main.darkItem().setSelected(remembered.dark());
        String gateway = remembered.selectedGateway();
        if (gateway != null && model.gateways().rows().stream().anyMatch(r -> r.id().equals(gateway))) {
            model.selectedGatewayProperty().set(gateway);
        }
        if (remembered.prometheusUrl() != null && !remembered.prometheusUrl().isBlank()) {
            model.charts().prometheusUrlProperty().set(remembered.prometheusUrl());
        }
    }

    /** Writes what the window looks like now; a failure is logged, never stops the console from closing. */
    void remember(Stage stage, MainController main, ConsoleModel model) {
        Rectangle2D bounds = normalBounds != null ? normalBounds
                : new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        ConsolePreferences now = new ConsolePreferences(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(),
                bounds.getHeight(), stage.isMaximized(),
                divider(main.gatewaysSplit()) * main.gatewaysSplit().getWidth(), divider(main.poolsSplit()),
                main.darkItem().isSelected(), model.selectedGatewayProperty().get(),
                model.charts().prometheusUrlProperty().get());
        try {
            store.save(now);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remember the console's window in " + store.file(), e);
        }
    }

    /**
     * Runs {@code action} once {@code split} has its first width: a divider set before would be a fraction of a width
     * the split does not keep.
     */
    private static void whenLaidOut(SplitPane split, Consumer<SplitPane> action) {
        if (split.getWidth() > 0) {
            action.accept(split);
            return;
        }
        split.widthProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> obs, Number was, Number now) {
                if (now.doubleValue() > 0) {
                    split.widthProperty().removeListener(this);
                    action.accept(split);
                }
            }
        });
    }

    private static double divider(SplitPane split) {
        return split.getDividerPositions()[0];
    }
}
