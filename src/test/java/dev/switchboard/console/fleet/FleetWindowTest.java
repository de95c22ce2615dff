package dev.switchboard.console.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.fleet.Etcd;
import dev.switchboard.fleet.FleetHarness;
import dev.switchboard.fleet.FleetKeys;
import dev.switchboard.fleet.FleetRoster;
import dev.switchboard.fleet.FleetStore;
import dev.switchboard.fleet.HistoryEntry;
import dev.switchboard.testing.EtcdServer;
import dev.switchboard.testing.Eventually;
import dev.switchboard.testing.FxClick;
import io.etcd.jetcd.Client;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import dev.switchboard.console.health.GatewayHealth;
import java.util.List;
import javafx.beans.property.SimpleLongProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Fleet window, headless, over a real etcd and real fleet gateways. */
@ExtendWith(ApplicationExtension.class)
class FleetWindowTest {

    @RegisterExtension
    static final EtcdServer ETCD = EtcdServer.perClass();

    private static final Duration SOON = Duration.ofSeconds(15);
    private static final AtomicInteger TESTS = new AtomicInteger();

    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().factory());
    private FleetHarness fleet;
    private Client client;
    private FleetWindow window;
    private volatile String draft = "";
    private String name;

    @Start
    void start(Stage stage) {
        name = "window-" + TESTS.incrementAndGet();
        fleet = new FleetHarness(ETCD, name, "blue", "green");
        client = Etcd.connectChecked(fleet.address);
        FleetKeys keys = new FleetKeys(name);
        FleetViewModel model = new FleetViewModel(new FleetStore(client, keys, Clock.systemUTC()), new FleetRoster(client, keys), "dana");
        // No telemetry in these tests: the grid stays empty (FleetGridWindowTest drives it with 10 x 50 feeds).
        window = new FleetWindow(model, worker, () -> draft, "window", stage, new FleetGridWindow.FleetGridPane(List::of,
                id -> new GatewayHealth(), new SimpleLongProperty()));
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
        client.close();
        fleet.close();
    }

    @Test
    void showsEveryGatewayHighlightsDriftAndRollsBackAfterAConfirmation(FxRobot robot) throws Exception {
        long first = fleet.push(FleetHarness.TO_BLUE).revision();
        fleet.join("gw-1", "east");
        fleet.join("gw-2", "west");
        Eventually.await("both applied", SOON, () -> fleet.revision("gw-1") == first && fleet.revision("gw-2") == first);
        WaitForAsyncUtils.asyncFx(window::show).get();
        await(() -> table(robot).getItems().size() == 2);
        assertThat(onFx(() -> table(robot).getItems().stream().map(r -> r.gateway().id()).toList())).containsExactly("gw-1", "gw-2");
        assertThat(onFx(() -> highlightedRows(robot))).isZero();

        // another tool writes a config no gateway accepts: both refuse it and stay behind the fleet's revision
        long raw = Etcd.await(client.getKVClient().put(Etcd.bytes(new FleetKeys(name).config()), Etcd.bytes("{ \"not\": ")),
                "raw put").getHeader().getRevision();
        Eventually.await("both refused", SOON, () -> fleet.status("gw-1").refusal() != null && fleet.status("gw-2").refusal() != null);
        FxClick.clickOn(robot, "#fleet-refresh");
        await(() -> highlightedRows(robot) == 2);
        assertThat(onFx(() -> table(robot).getItems().getFirst().drift())).startsWith("behind: revision " + first + " of " + raw);

        ListView<HistoryEntry> history = onFx(() -> robot.lookup("#fleet-history").queryListView());
        await(() -> !history.getItems().isEmpty());
        FxClick.clickOn(robot, onFx(() -> robot.lookup("#fleet-history").lookup(".list-cell").<Node>query()));
        FxClick.clickOn(robot, "#fleet-rollback");
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText()))
                .isEqualTo("Roll the fleet back to revision " + first);
        assertThat(fleet.store.current().revision()).as("nothing written before the confirmation").isEqualTo(raw);
        FxClick.clickOn(robot, "OK");

        Eventually.await("a new revision", SOON, () -> fleet.store.current().revision() > raw);
        long rolledBack = fleet.store.current().revision();
        assertThat(fleet.store.history()).last().satisfies(e -> assertThat(e.action()).isEqualTo("rollback to " + first));
        Eventually.await("both applied the rollback", SOON,
                () -> fleet.revision("gw-1") == rolledBack && fleet.revision("gw-2") == rolledBack);
        FxClick.clickOn(robot, "#fleet-refresh");
        await(() -> highlightedRows(robot) == 0 && table(robot).getItems().getFirst().gateway().revision() == rolledBack);
    }

    @Test
    void applyToFleetPushesTheEditorDraftAfterAConfirmationAndShowsWhatChangedWhenStale(FxRobot robot) throws Exception {
        long first = fleet.push(FleetHarness.TO_BLUE).revision();
        WaitForAsyncUtils.asyncFx(window::show).get();
        await(() -> label(robot, "#fleet-status").startsWith("fleet config: revision " + first));
        draft = fleet.config(FleetHarness.TO_GREEN);

        FxClick.clickOn(robot, "#fleet-apply");
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        FxClick.clickOn(robot, "OK");
        Eventually.await("the draft written", SOON, () -> fleet.store.current().revision() > first);
        assertThat(fleet.store.current().json()).isEqualTo(draft);
        assertThat(fleet.store.history()).last().satisfies(e -> assertThat(e.operator()).isEqualTo("dana"));
        long mine = fleet.store.current().revision();
        await(() -> label(robot, "#fleet-status").startsWith("fleet config: revision " + mine));

        long theirs = fleet.push(FleetHarness.TO_BLUE).revision();
        draft = fleet.config(FleetHarness.TO_GREEN).replace("\"path\": \"/\"", "\"path\": \"/v2\"");
        FxClick.clickOn(robot, "#fleet-apply");
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        FxClick.clickOn(robot, "OK");
        TextArea details = onFx(() -> robot.lookup("#fleet-diff").queryAs(TextArea.class));
        await(() -> details.getText().contains("changes since " + mine));
        String shown = onFx(() -> details.getText());
        assertThat(shown).contains("alice  push").containsPattern("(?m)^\\+ .*blue");
        assertThat(fleet.store.current().revision()).as("the stale push wrote nothing").isEqualTo(theirs);
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static TableView<FleetRow> table(FxRobot robot) {
        return robot.lookup("#fleet-gateways").queryAs(TableView.class);
    }

    /** Table rows painted as drifting. */
    private static long highlightedRows(FxRobot robot) {
        return robot.lookup("#fleet-gateways .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() != null && r.getStyle().contains("#f8d7da")).count();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private static void await(Callable<Boolean> check) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> onFx(check));
    }
}
