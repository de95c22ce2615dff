package dev.switchboard.console.pools;

import dev.switchboard.console.feed.OverrideFrame;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/** A card's mark on a value an operator override holds against the config: "override: 50, config says 20". */
final class OverrideBadge {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private OverrideBadge() {
    }

    /** A badge shown only while {@code override} holds one; {@code id} e.g. "override-weight-orders-orders-east-1". */
    static Label of(ObservableObjectValue<OverrideFrame> override, String id) {
        Label badge = new Label();
        badge.setId(id);
        badge.getStyleClass().add("override-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.visibleProperty().bind(Bindings.isNotNull(override));
        badge.managedProperty().bind(badge.visibleProperty());
        badge.textProperty().bind(Bindings.createStringBinding(
                () -> override.getValue() == null ? "" : override.getValue().describe(), override));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> origin(override.getValue()), override));
        badge.setTooltip(tip);
        return badge;
    }

    /** Who set it and when, and what clears it. */
    static String origin(OverrideFrame o) {
        if (o == null) {
            return "";
        }
        String who = o.setBy() == null ? "set by an operator the gateway does not name" : "set by " + o.setBy()
                + (o.setAt() == null ? "" : " at " + WHEN.format(o.setAt()));
        return "A runtime " + o.kind() + " override, " + who + ". It wins over the config until cleared "
                + "(Overrides… in the toolbar).";
    }
}
