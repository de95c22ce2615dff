package dev.switchboard.console.pools;

import dev.switchboard.console.common.LayoutFence;
import dev.switchboard.console.common.StateChips;
import dev.switchboard.console.feed.OverrideFrame;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.ForceAction;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** One pool member in the pool view: state, breaker, and the controls that steer it. */
final class BackendCard extends GridPane {

    private final MemberRow row;
    private final PoolViewModel commands;
    /** Set while the card copies the gateway's priority into its spinner, so that is not taken for an edit. */
    private boolean syncing;
    /** The card's rows while it is asleep (far from view); null while awake. */
    private List<Node> asleep;

    BackendCard(MemberRow row, PoolModel pool, PoolViewModel commands, Executor worker) {
        this.row = row;
        this.commands = commands;
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
        add(new HBox(8, name, availability, shrinkable(row.reasonProperty())), 0, 0);
        add(new CardStats(row, key), 0, 1);

        Label breaker = StateChips.bound(row.breakerProperty(), "breaker-");
        breaker.setId("breaker-" + key);
        breaker.setTooltip(new Tooltip("Circuit breaker state (CLOSED passes traffic, OPEN blocks it)"));
        Label breakerTitle = new Label("Breaker");
        breakerTitle.setMinWidth(Region.USE_PREF_SIZE);
        add(new HBox(8, breakerTitle, breaker, shrinkable(row.breakerDetailProperty())), 0, 2);

        add(new HBox(8, new WeightControls(row, pool, commands, worker, key), badge(OverrideFrame.WEIGHT, key)), 0, 3);
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

    /**
     * Asleep, a card far from view keeps its place and size but holds none of its ~90 nodes: JavaFX walks the whole
     * scene graph to update bounds on every pulse that changes anything, and 50 cards were most of a window's 6,000
     * nodes (3 ms a pulse at the median, 17 ms at p99, on the console bench). Awake again, it shows its rows as they
     * are: they kept following the row while out of the scene.
     */
    void setAwake(boolean awake) {
        if (awake == (asleep == null)) {
            return;
        }
        if (awake) {
            getChildren().setAll(asleep);
            asleep = null;
            // Styled and laid out now, in the pulse that woke it, so a card reached by a long jump is never drawn empty.
            applyCss();
            layout();
            setMinHeight(USE_COMPUTED_SIZE);
            setPrefHeight(USE_COMPUTED_SIZE);
        } else if (getHeight() > 0) {
            setMinHeight(getHeight());
            setPrefHeight(getHeight());
            asleep = List.copyOf(getChildren());
            getChildren().clear();
        }
    }

    boolean awake() {
        return asleep == null;
    }

    private Node badge(String kind, String key) {
        return OverrideBadge.of(row.overrideProperty(kind), "override-" + kind + "-" + key);
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

    /**
     * Secondary text that gives way first when the card is narrow; the tooltip keeps the whole of it. It takes the rest
     * of its line, fenced: a breaker's counters and time left change with every frame.
     */
    private static Node shrinkable(ObservableValue<String> text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add("reason");
        label.setMinWidth(40);
        label.setMaxWidth(Double.MAX_VALUE);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(text);
        label.setTooltip(tip);
        LayoutFence fence = new LayoutFence(label);
        HBox.setHgrow(fence, Priority.ALWAYS);
        return fence;
    }
}
