package dev.switchboard.console.pools;

import dev.switchboard.console.rehearsal.ChangeRehearsal;
import dev.switchboard.console.rehearsal.WeightChange;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A pool member's weight on its card: a slider that previews the traffic split while dragged and applies on release,
 * a field to type it exactly, the share now and with the dragged weight, and a rehearsal of a typed weight.
 */
final class WeightControls extends HBox {

    private static final int SLIDER_MAX = 100;

    private final MemberRow row;
    private final PoolModel pool;
    private final PoolViewModel commands;
    /** Where a weight change's rehearsal runs (CPU work, off the FX thread). */
    private final Executor worker;
    /** Set while the gateway's weight is copied into the slider, so that is not taken for an edit. */
    private boolean syncing;

    WeightControls(MemberRow row, PoolModel pool, PoolViewModel commands, Executor worker, String key) {
        super(8);
        this.row = row;
        this.pool = pool;
        this.commands = commands;
        this.worker = worker;
        Slider slider = new Slider(0, Math.max(SLIDER_MAX, row.weightProperty().get()), row.weightProperty().get());
        slider.setId("weight-" + key);
        slider.setMajorTickUnit(25);
        slider.setShowTickMarks(true);
        slider.setBlockIncrement(1);
        slider.setPrefWidth(160);
        // Never narrowed by the labels beside it: a slider that shrinks while it is dragged jumps under the mouse.
        slider.setMinWidth(Region.USE_PREF_SIZE);
        slider.setTooltip(new Tooltip("Weight within its priority group. Drag to preview the traffic split; "
                + "the weight applies when you release (Ctrl+Z undoes it)."));
        TextField value = weightField(key, slider);
        Label share = new Label();
        share.setId("share-" + key);
        share.textProperty().bind(Bindings.createStringBinding(this::shareText,
                row.targetShareProperty(), row.previewShareProperty()));
        share.setMinWidth(60);
        share.setTooltip(new Tooltip("Share of the pool's new requests: now, and with the weight being dragged"));

        row.weightProperty().addListener((obs, was, now) -> {
            if (!slider.isValueChanging()) {
                syncing = true;
                slider.setMax(Math.max(SLIDER_MAX, now.intValue()));
                slider.setValue(now.intValue());
                syncing = false;
            }
        });
        slider.valueProperty().addListener((obs, was, now) -> {
            if (syncing) {
                return;
            }
            pool.preview(row.backendId(), (int) Math.round(now.doubleValue()));
            if (!slider.isValueChanging()) {
                applyWeight(slider);
            }
        });
        slider.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                applyWeight(slider);
            }
        });
        Label title = new Label("weight");
        title.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().setAll(slider, title, value, share, rehearseButton(key));
    }

    /** The weight as a number to type: Enter applies it exactly; the field follows the slider while it is dragged. */
    private TextField weightField(String key, Slider slider) {
        TextField field = new TextField(Integer.toString(row.weightProperty().get()));
        field.setId("weight-field-" + key);
        field.setPrefColumnCount(3);
        field.setMinWidth(Region.USE_PREF_SIZE);
        field.setTooltip(new Tooltip("Type a weight (a whole number) and press Enter to apply it"));
        slider.valueProperty().addListener((obs, was, now) -> {
            if (!field.isFocused()) {
                field.setText(Long.toString(Math.round(now.doubleValue())));
            }
        });
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                field.setText(Long.toString(Math.round(slider.getValue())));
            }
        });
        field.setOnAction(e -> {
            String text = field.getText().strip();
            if (!text.matches("\\d{1,4}")) {
                field.getStyleClass().add("invalid");
                return;
            }
            field.getStyleClass().remove("invalid");
            int weight = Integer.parseInt(text);
            pool.clearPreview();
            commands.setWeight(row, weight);
            syncing = true;
            slider.setMax(Math.max(slider.getMax(), weight));
            slider.setValue(weight);
            syncing = false;
        });
        return field;
    }

    /** Asks for a weight, rehearses the config with it and sets it only when the operator confirms the result. */
    private Node rehearseButton(String key) {
        Button button = new Button("Rehearse…");
        button.setId("rehearse-weight-" + key);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(new Tooltip("Rehearse this change: type a weight, see the rehearsed traffic share, then apply it or not"));
        button.setOnAction(e -> {
            TextInputDialog ask = new TextInputDialog(Integer.toString(row.weightProperty().get()));
            ask.initOwner(getScene().getWindow());
            ask.setHeaderText("Weight of " + row.backendId() + " in " + row.poolId() + " to rehearse");
            ask.getEditor().setId("rehearse-weight-value");
            ask.showAndWait().map(String::strip).filter(t -> t.matches("\\d{1,4}")).map(Integer::parseInt)
                    .ifPresent(weight -> commands.config().thenAcceptAsync(config -> ChangeRehearsal.offer(getScene().getWindow(),
                            WeightChange.apply(config, row.poolId(), row.backendId(), weight), worker,
                            () -> commands.setWeight(row, weight)), Platform::runLater));
        });
        return button;
    }

    private void applyWeight(Slider slider) {
        pool.clearPreview();
        commands.setWeight(row, (int) Math.round(slider.getValue()));
    }

    private String shareText() {
        String now = percent(row.targetShareProperty().get());
        double preview = row.previewShareProperty().get();
        return Double.isNaN(preview) ? "share " + now : "share " + now + " \u2192 " + percent(preview);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
