package dev.switchboard.console.common;

import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * Small coloured labels that show a state by name, styled by it (prefix + name in lower case with dashes, e.g.
 * breaker-forced-open): the stylesheets give each state family the same palette.
 */
public final class StateChips {

    private StateChips() {
    }

    /** A chip that follows {@code state}. */
    public static Label bound(ObservableValue<? extends Enum<?>> state, String classPrefix) {
        Label chip = chip();
        show(chip, classPrefix, state.getValue());
        state.addListener((obs, was, now) -> show(chip, classPrefix, now));
        return chip;
    }

    public static Label chip() {
        Label chip = new Label();
        chip.getStyleClass().add("state-chip");
        chip.setMinWidth(Region.USE_PREF_SIZE);
        return chip;
    }

    /** Shows {@code state} on {@code chip}, replacing the style class of the state it showed before. */
    public static void show(Label chip, String classPrefix, Enum<?> state) {
        chip.setText(state.name());
        chip.getStyleClass().removeIf(c -> c.startsWith(classPrefix));
        chip.getStyleClass().add(styleClass(classPrefix, state));
    }

    public static String styleClass(String classPrefix, Enum<?> state) {
        return classPrefix + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
