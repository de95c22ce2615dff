package dev.switchboard.console.pools;

import dev.switchboard.console.common.StateChips;
import dev.switchboard.console.feed.OverrideFrame;
import dev.switchboard.console.rehearsal.ChangeRehearsal;
import dev.switchboard.console.rehearsal.WeightChange;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.ForceAction;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** One pool member in the pool view: state, breaker, and the controls that steer it. */
final class BackendCard extends GridPane {

    private static final int SLIDER_MAX = 100;

    private final MemberRow row;
    private final PoolModel pool;
    private final PoolViewModel commands;
    /** Where a weight change's rehearsal runs (CPU work, off the FX thread). */
    private final Executor worker;
    /** Set while the card copies the gateway's values into its controls, so that is not taken for an edit. */
    private boolean syncing;

    BackendCard(MemberRow row, PoolModel pool, PoolViewModel commands, Executor worker) {
        this.row = row;
        this.pool = pool;
        this.commands = commands;
        this.worker = worker;
        String key = row.poolId() + "-" + row.backendId();
        setId("card-" + key);
        getStyleClass().add("backend-card");
        setHgap(10);
        setVgap(4);

        Label name = new Label(row.backendId());
        name.getStyleClass().add("backend-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label availability = StateChips.bound(row.availabilityProperty(), "avail-");
        availability.setId("availability-" + key);
        Label reason = shrinkable(row.reasonProperty());
        add(new HBox(8, name, availability, reason), 0, 0);
        add(new CardStats(row, key), 0, 1);

        Label breaker = StateChips.bound(row.breakerProperty(), "breaker-");
        breaker.setId("breaker-" + key);
        breaker.setTooltip(new Tooltip("Circuit breaker state (CLOSED passes traffic, OPEN blocks it)"));
        Label breakerTitle = new Label("Breaker");
        breakerTitle.setMinWidth(Region.USE_PREF_SIZE);
        add(new HBox(8, breakerTitle, breaker, shrinkable(row.breakerDetailProperty())), 0, 2);

        add(new HBox(8, weightControls(key), badge(OverrideFrame.WEIGHT, key)), 0, 3);
        add(new HBox(8, priorityControl(), badge(OverrideFrame.PRIORITY, key), adminToggles(key),
                badge(OverrideFrame.ADMIN_STATE, key), forceMenu(key)), 0, 4);
        // "Only problems": a card whose backend looks fine steps aside (and out of the layout).
        visibleProperty().bind(commands.onlyProblemsProperty().not()
                .or(Bindings.createBooleanBinding(() -> row.healthProperty().get().problem(), row.healthProperty())));
        managedProperty().bind(visibleProperty());
    }

    MemberRow row() {
        return row;
    }

    private Node badge(String kind, String key) {
        return OverrideBadge.of(row.overrideProperty(kind), "override-" + kind + "-" + key);
    }

    private Node weightControls(String key) {
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
        return new HBox(8, slider, title, value, share, rehearseButton(key));
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

    private Node priorityControl() {
        Spinner<Integer> spinner = new Spinner<>(1, 100, Math.max(1, row.priorityProperty().get()));
        spinner.setPrefWidth(70);
        spinner.setMinWidth(Region.USE_PREF_SIZE);
        spinner.setTooltip(new Tooltip("Priority group (1 is used first; a higher number only when every member of "
                + "the better groups is unavailable)"));
        row.priorityProperty().addListener((obs, was, now) -> {
            syncing = true;
            spinner.getValueFactory().setValue(now.intValue());
            syncing = false;
        });
        spinner.valueProperty().addListener((obs, was, now) -> {
            if (!syncing) {
                commands.setPriority(row, now);
            }
        });
        Label title = new Label("priority");
        title.setMinWidth(Region.USE_PREF_SIZE);
        return new HBox(6, title, spinner);
    }

    private Node adminToggles(String key) {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox();
        box.getStyleClass().add("segmented");
        for (AdminState state : AdminState.values()) {
            ToggleButton button = new ToggleButton(label(state));
            button.setId("admin-" + state + "-" + key);
            button.setUserData(state);
            button.setToggleGroup(group);
            button.setTooltip(new Tooltip(tooltip(state)));
            button.setSelected(state == row.adminStateProperty().get());
            button.setMinWidth(Region.USE_PREF_SIZE);
            box.getChildren().add(button);
        }
        row.adminStateProperty().addListener((obs, was, now) -> {
            syncing = true;
            group.getToggles().forEach(t -> t.setSelected(t.getUserData() == now));
            syncing = false;
        });
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (syncing) {
                return;
            }
            if (now == null) {
                // A click on the selected button would leave none selected: keep the gateway's state shown.
                was.setSelected(true);
                return;
            }
            AdminState state = (AdminState) now.getUserData();
            if (ConfirmAction.confirmed(getScene().getWindow(), commands.preview(row.backendId(), ActionPreview.verb(state) + " " + row.backendId(),
                    ActionPreview.availability(state)))) {
                commands.setAdminState(row, state);
            } else {
                syncing = true;
                group.getToggles().forEach(t -> t.setSelected(t == was));
                syncing = false;
            }
        });
        return box;
    }

    private Node forceMenu(String key) {
        MenuButton menu = new MenuButton("Breaker");
        menu.setId("force-" + key);
        menu.setMinWidth(Region.USE_PREF_SIZE);
        menu.setTooltip(new Tooltip("Force the circuit breaker open or closed, or reset it to a clean CLOSED"));
        menu.getItems().addAll(
                forceItem("Force open", ForceAction.OPEN),
                forceItem("Force closed", ForceAction.CLOSED),
                forceItem("Reset", ForceAction.RESET));
        return menu;
    }

    private MenuItem forceItem(String text, ForceAction action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> {
            ActionPreview preview = action == ForceAction.OPEN ? commands.preview(row.backendId(),
                    "Force open the breaker of " + row.backendId(), Availability.UNAVAILABLE_FORCED) : null;
            if (ConfirmAction.confirmed(getScene().getWindow(), preview)) {
                commands.forceBreaker(row, action);
            }
        });
        return item;
    }

    private static String label(AdminState state) {
        return switch (state) {
            case ENABLED -> "Enabled";
            case DRAIN -> "Drain";
            case MAINTENANCE -> "Maint.";
            case DISABLED -> "Disabled";
        };
    }

    private static String tooltip(AdminState state) {
        return switch (state) {
            case ENABLED -> "Normal operation";
            case DRAIN -> "No new picks; sessions already on it (affinity) stay while it is available";
            case MAINTENANCE -> "Out of service for maintenance: no traffic at all";
            case DISABLED -> "Switched off: no traffic at all, not even in panic mode";
        };
    }

    /** Secondary text that gives way first when the card is narrow; the tooltip keeps the whole of it. */
    private static Label shrinkable(ObservableValue<String> text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add("reason");
        label.setMinWidth(40);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(text);
        label.setTooltip(tip);
        return label;
    }
}
