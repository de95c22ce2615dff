package dev.switchboard.console.shell;

import dev.switchboard.console.ConsoleSession;
import dev.switchboard.console.charts.ChartsController;
import dev.switchboard.console.config.ConfigController;
import dev.switchboard.console.config.ConfigEditorModel;
import dev.switchboard.console.dns.DnsController;
import dev.switchboard.console.drills.DrillController;
import dev.switchboard.console.events.EventsController;
import dev.switchboard.console.events.EventsCsvExport;
import dev.switchboard.console.feed.GatewayFeed;
import dev.switchboard.console.gateways.AddGatewayDialog;
import dev.switchboard.console.gateways.GatewaysController;
import dev.switchboard.console.pools.DistributionController;
import dev.switchboard.console.pools.PoolsController;
import dev.switchboard.console.timeline.BreakerTimeline;
import dev.switchboard.demo.TrafficGenerator;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.util.Duration;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import dev.switchboard.console.fleet.FleetGridWindow;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

/** The main window's own behaviour: menus and toolbar, notifications, staleness greying and the theme. */
public final class MainController {

    @FXML
    private TabPane tabs;
    @FXML
    private Tab chartsTab;
    @FXML
    private Tab dnsTab;
    @FXML
    private StatusBar statusBar;
    @FXML
    private MenuItem undoItem;
    @FXML
    private Button undoButton;
    @FXML
    private Button overridesButton;
    @FXML
    private CheckMenuItem darkItem;
    @FXML
    private Slider rateSlider;
    @FXML
    private Label rateLabel;
    @FXML
    private BreakerTimeline timeline;
    @FXML
    private SplitPane gatewaysSplit;
    @FXML
    private SplitPane poolsSplit;
    @FXML
    private NotificationArea notifications;
    @FXML
    private GatewaysController gatewaysController;
    @FXML
    private PoolsController poolsController;
    @FXML
    private DistributionController distributionController;
    @FXML
    private ChartsController chartsController;
    @FXML
    private EventsController eventsController;
    @FXML
    private DrillController drillController;
    @FXML
    private ConfigController configController;
    @FXML
    private DnsController dnsController;

    private ConsoleModel model;
    private Stage stage;
    private StatusLine statusLine;
    /** The selected gateway's numbers are not live: its tabs grey out (styles/staleness.css). */
    private static final PseudoClass NOT_LIVE = PseudoClass.getPseudoClass("not-live");
    /** Lets staleness be noticed and "now" move on while no frame arrives. */
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.millis(500), e -> model.tick()));
    private ConsoleSession consoleSession;
    private Tab rehearseTab;
    private Consumer<GatewayFeed> connector;
    private ConfigEditorModel editor;
    private FleetGridWindow fleetGrid;

    /** View behaviour only: the composition root ({@link ConsoleAssembly}) has already wired the tabs. */
    void init(ConsoleModel consoleModel, ConsoleSession session, Stage owner, Scene scene, ConfigEditorModel configEditor,
              Tab rehearse, Consumer<GatewayFeed> connect) {
        model = consoleModel;
        consoleSession = session;
        connector = connect;
        stage = owner;
        editor = configEditor;
        rehearseTab = rehearse;
        tabs.getTabs().add(rehearseTab);
        model.framesProperty().addListener((obs, was, now) -> timeline.show(model.history(), model.nowMillis()));
        model.ticksProperty().addListener((obs, was, now) -> timeline.show(model.history(), model.nowMillis()));
        model.selectedLiveProperty().addListener((obs, was, live) -> tabs.pseudoClassStateChanged(NOT_LIVE, !live));
        tabs.pseudoClassStateChanged(NOT_LIVE, true);
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        statusLine = new StatusLine(statusBar, model);
        NotificationsModel notices = new NotificationsModel(java.time.Clock.systemUTC());
        notifications.init(notices);
        model.setAlerts(notices);
        undoItem.disableProperty().bind(model.pools().undoStack().emptyProperty());
        undoButton.disableProperty().bind(model.pools().undoStack().emptyProperty());
        Themes.apply(scene, false);
        darkItem.selectedProperty().addListener((obs, was, dark) -> Themes.apply(scene, dark));
        session.traffic().ifPresentOrElse(this::bindRate, () -> {
            rateSlider.setDisable(true);
            rateLabel.setText("no embedded gateway");
        });
    }

    GatewaysController gateways() {
        return gatewaysController;
    }

    PoolsController pools() {
        return poolsController;
    }

    DistributionController distribution() {
        return distributionController;
    }

    ChartsController charts() {
        return chartsController;
    }

    EventsController events() {
        return eventsController;
    }

    DrillController drills() {
        return drillController;
    }

    ConfigController config() {
        return configController;
    }

    Button overridesButton() {
        return overridesButton;
    }

    DnsController dns() {
        return dnsController;
    }

    SplitPane gatewaysSplit() {
        return gatewaysSplit;
    }

    SplitPane poolsSplit() {
        return poolsSplit;
    }

    CheckMenuItem darkItem() {
        return darkItem;
    }

    ReadOnlyBooleanProperty chartsShown() {
        return chartsTab.selectedProperty();
    }

    ReadOnlyBooleanProperty dnsShown() {
        return dnsTab.selectedProperty();
    }

    private void bindRate(TrafficGenerator traffic) {
        rateSlider.setValue(traffic.rate());
        rateLabel.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.0f req/s", rateSlider.getValue()), rateSlider.valueProperty()));
        rateSlider.valueProperty().addListener((obs, was, now) -> traffic.setRate(Math.round(now.doubleValue())));
    }

    /** The Config tab's working text (what "Apply to fleet" pushes). FX thread only. */
    String configDraft() {
        return editor.textProperty().get();
    }

    /** Stops what the window runs on the FX thread by itself. */
    void close() {
        ticker.stop();
        dnsController.close();
        notifications.close();
    }

    @FXML
    private void undo() {
        model.pools().undo();
    }

    @FXML
    private void addGateway() {
        AddGatewayDialog.addAndConnect(stage, consoleSession.store(), connector, statusLine::say);
    }

    @FXML
    private void exportEvents() {
        EventsCsvExport.ask(stage, model.events(), statusLine::say);
    }

    @FXML
    private void quit() {
        stage.close();
    }

    @FXML
    private void showPools() {
        tabs.getSelectionModel().select(0);
    }

    @FXML
    private void showCharts() {
        tabs.getSelectionModel().select(1);
    }

    @FXML
    private void showEvents() {
        tabs.getSelectionModel().select(2);
    }

    @FXML
    private void showConfig() {
        tabs.getSelectionModel().select(3);
    }

    @FXML
    private void showDrills() {
        tabs.getSelectionModel().select(4);
    }

    @FXML
    private void showDns() {
        tabs.getSelectionModel().select(dnsTab);
    }

    @FXML
    private void showRehearse() {
        tabs.getSelectionModel().select(rehearseTab);
    }

    /** Every watched gateway x backend in one grid (no etcd needed); one window, brought forward when open. */
    @FXML
    private void showFleetGrid() {
        if (fleetGrid == null) {
            fleetGrid = new FleetGridWindow(stage, model::latestFrames, model::health, model.batchesProperty());
        }
        fleetGrid.show();
    }

    @FXML
    private void openConfig() {
        showConfig();
        configController.open();
    }

    @FXML
    private void importApim() {
        showConfig();
        configController.importApim();
    }

    @FXML
    private void saveConfig() {
        showConfig();
        configController.save();
    }

    @FXML
    private void applyConfig() {
        showConfig();
        configController.apply();
    }
}
