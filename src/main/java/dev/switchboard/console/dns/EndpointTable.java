package dev.switchboard.console.dns;

import dev.switchboard.config.RoutingMethod;
import dev.switchboard.console.common.StateChips;
import dev.switchboard.dns.MonitorStatus;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** A traffic profile's endpoints: settings, monitor status in colour, whether they are in the answer, and actions. */
final class EndpointTable extends TableView<EndpointRow> {

    private static final double ROW_HEIGHT = 32;
    private static final double HEADER_HEIGHT = 32;

    private final String profile;
    private final Consumer<DnsAction> request;

    /** @param request asks for an action on this profile (the DNS view confirms it where the answer changes) */
    EndpointTable(String profile, ObservableList<EndpointRow> rows, ObservableValue<RoutingMethod> routing,
                  Consumer<DnsAction> request) {
        this.profile = profile;
        this.request = request;
        setId(NodeIds.of("dns-endpoints", profile));
        setItems(rows);
        setFixedCellSize(ROW_HEIGHT);
        prefHeightProperty().bind(Bindings.size(getItems()).multiply(ROW_HEIGHT).add(HEADER_HEIGHT));
        minHeightProperty().bind(prefHeightProperty());
        setPlaceholder(new Label("no endpoints"));
        TableColumn<EndpointRow, String> weight = text("Weight", "Share of weighted answers (1-1000)", 55,
                r -> r.weightProperty().asString());
        TableColumn<EndpointRow, String> region = text("Region",
                "The region whose clients get it (a key of the profile's regions, or world)", 60, EndpointRow::regionProperty);
        // Weights and regions mean something only to their routing method: the columns show where they do.
        weight.visibleProperty().bind(routing.map(r -> r == RoutingMethod.WEIGHTED));
        region.visibleProperty().bind(routing.map(r -> r == RoutingMethod.GEOGRAPHIC));
        TableColumn<EndpointRow, String> reason = text("Reason",
                "Why it has that status: the last probe's outcome, or who disabled it", 60, EndpointRow::reasonProperty);
        getColumns().setAll(List.of(
                text("Endpoint", "The endpoint's name in the profile", 70, r -> Bindings.createStringBinding(r::name)),
                text("Target", "Answered as A/AAAA for an address, as CNAME for a host name", 85, EndpointRow::targetProperty),
                status(),
                text("In answer", "\u25cf: some query may get this endpoint now", 78,
                        r -> Bindings.createStringBinding(() -> r.inAnswerProperty().get() ? "\u25cf" : "",
                                r.inAnswerProperty())),
                text("Priority", "Configured priority (1 is best); \u2192 0 while an operator has failed over to it", 60,
                        r -> Bindings.createStringBinding(() -> r.priorityProperty().get() == r.effectivePriorityProperty().get()
                                ? Integer.toString(r.priorityProperty().get())
                                : r.priorityProperty().get() + " \u2192 " + r.effectivePriorityProperty().get(),
                                r.priorityProperty(), r.effectivePriorityProperty())),
                weight,
                region,
                text("Enabled", "Enabled or disabled, in the config or by an operator (marked)", 92,
                        r -> Bindings.createStringBinding(() -> (r.enabledProperty().get() ? "yes" : "no")
                                        + (r.operatorOverrideProperty().get() ? " (operator)" : ""),
                                r.enabledProperty(), r.operatorOverrideProperty())),
                actions(),
                reason));
        // The reason takes the width left (its tooltip has all of it), so the actions never scroll out of sight.
        getColumns().forEach(c -> c.setMinWidth(c == reason ? 60 : c.getPrefWidth()));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static TableColumn<EndpointRow, String> text(String title, String tip, double width,
                                                         Function<EndpointRow, ObservableValue<String>> value) {
        TableColumn<EndpointRow, String> c = titled(title, tip, width);
        c.setCellValueFactory(cell -> value.apply(cell.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // Cut-off text (reasons are long) can still be read in full.
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        return c;
    }

    /** Column headers carry their explanation as a tooltip. */
    private static <T> TableColumn<EndpointRow, T> titled(String title, String tip, double width) {
        TableColumn<EndpointRow, T> c = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(tip));
        c.setGraphic(header);
        c.setPrefWidth(width);
        return c;
    }

    private TableColumn<EndpointRow, MonitorStatus> status() {
        TableColumn<EndpointRow, MonitorStatus> c = titled("Status", "Monitor status: CHECKING (no probe result yet, "
                + "answered), ONLINE, DEGRADED (failed more probes in a row than tolerated), DISABLED, STOPPED "
                + "(profile disabled)", 90);
        c.setCellValueFactory(cell -> cell.getValue().statusProperty());
        c.setCellFactory(col -> new TableCell<>() {
            private final Label chip = StateChips.chip();

            @Override
            protected void updateItem(MonitorStatus item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                StateChips.show(chip, "dns-", item);
                chip.setId(NodeIds.of("dns-status", profile, getTableRow().getItem() == null ? "" : getTableRow().getItem().name()));
                setGraphic(chip);
            }
        });
        return c;
    }

    private TableColumn<EndpointRow, EndpointRow> actions() {
        TableColumn<EndpointRow, EndpointRow> c = titled("Actions", "Operator actions; each applies to the next query", 235);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(EndpointRow row, boolean empty) {
                super.updateItem(row, empty);
                setGraphic(empty || row == null ? null : actionButtons(row));
            }
        });
        return c;
    }

    private Node actionButtons(EndpointRow row) {
        Button disable = button("Disable", "dns-disable", row, DnsAction.disable(row.name()));
        disable.disableProperty().bind(row.enabledProperty().not());
        Button enable = button("Enable", "dns-enable", row, DnsAction.enable(row.name()));
        enable.disableProperty().bind(row.enabledProperty());
        Button failOver = button("Fail over to", "dns-failover", row, DnsAction.failOverTo(row.name()));
        failOver.disableProperty().bind(row.failOverBlockedProperty().isNotEmpty());
        Tooltip failOverTip = new Tooltip();
        failOverTip.textProperty().bind(Bindings.createStringBinding(() -> row.failOverBlockedProperty().get().isEmpty()
                ? "Make " + row.name() + " the answer: it ranks above every priority while it serves (shows the new "
                + "answer and asks first)" : row.failOverBlockedProperty().get(), row.failOverBlockedProperty()));
        return new HBox(4,
                withTooltip(disable, new Tooltip("Take " + row.name() + " out of every answer and stop probing it "
                        + "(asks first when the answer changes)")),
                withTooltip(enable, new Tooltip("Put " + row.name() + " back; a monitored profile probes it afresh")),
                withTooltip(failOver, failOverTip));
    }

    private Button button(String text, String idPrefix, EndpointRow row, DnsAction action) {
        Button b = new Button(text);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setId(NodeIds.of(idPrefix, profile, row.name()));
        b.setOnAction(e -> request.accept(action));
        return b;
    }

    /** A disabled button shows no tooltip: its wrapper does, so an operator can read why it is disabled. */
    static Node withTooltip(Button button, Tooltip tip) {
        StackPane wrapper = new StackPane(button);
        Tooltip.install(wrapper, tip);
        return wrapper;
    }
}
