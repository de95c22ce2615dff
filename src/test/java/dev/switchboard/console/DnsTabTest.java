package dev.switchboard.console;

import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.shell.ConsoleAssembly;
import dev.switchboard.console.shell.MainWindow;
import dev.switchboard.demo.DemoConfig;
import dev.switchboard.demo.DemoOnFreePorts;
import dev.switchboard.dns.MonitorStatus;
import dev.switchboard.dns.TrafficProfiles;
import dev.switchboard.sim.SimBackend;
import dev.switchboard.testing.FxClick;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import static dev.switchboard.console.LiveWindow.close;
import static dev.switchboard.console.LiveWindow.find;
import static dev.switchboard.console.LiveWindow.onFx;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static dev.switchboard.console.LiveWindow.present;
import static dev.switchboard.console.LiveWindow.replaceText;
import static dev.switchboard.console.LiveWindow.selectRemote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DNS tab over a real embedded gateway (the demo config on free ports, its profile's monitor probing simulators
 * on the endpoints' addresses, the responder on a free UDP port) and a real remote one, driven headless.
 */
@ExtendWith(ApplicationExtension.class)
class DnsTabTest {

    private static final String PROFILE = "api.orders.test";
    private static final String KEY = "api-orders-test";

    private final SimBackend east = new SimBackend("orders-east-1");
    private final SimBackend west = new SimBackend("orders-west-1");
    private ConsoleSession session;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        east.start(new InetSocketAddress("127.0.0.11", 0));
        west.start(new InetSocketAddress("127.0.0.21", east.port()));
        session = ConsoleSession.embedded(DemoConfig.withMonitorPort(DemoOnFreePorts.config(), east.port()));
        window = ConsoleAssembly.open(stage, session);
    }

    @AfterEach
    void stop() throws Exception {
        close(window, session);
        east.close();
        west.close();
    }

    @Test
    void failingOverToWestAsksWithTheNewAnswerThenShowsItCountsDownTheTtlAndTheResponderAnswersWest(FxRobot robot)
            throws Exception {
        TrafficProfiles profiles = session.embeddedGateway().trafficProfiles();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> profiles.snapshot(PROFILE).endpoints().stream()
                .allMatch(e -> e.status() == MonitorStatus.ONLINE));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#dns-failover-" + KEY + "-west"));
        Label answer = find(robot, "#dns-answer-" + KEY, Label.class);
        assertThat(onFxGet(answer::getText)).isEqualTo("127.0.0.11");
        assertThat(ask()).containsExactly("127.0.0.11");

        FxClick.clickOn(robot, "#dns-failover-" + KEY + "-west");
        DialogPane question = find(robot, ".dialog-pane", DialogPane.class);
        assertThat(onFxGet(question::getHeaderText)).isEqualTo("Fail over api.orders.test to west?");
        assertThat(onFxGet(question::getContentText)).startsWith("api.orders.test answers 127.0.0.11 now and will answer 127.0.0.21.");
        FxClick.clickOn(robot, "OK");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> answer.getText().equals("127.0.0.21")));
        assertThat(ask()).containsExactly("127.0.0.21");
        Label countdown = find(robot, "#dns-countdown-" + KEY, Label.class);
        String first = onFxGet(countdown::getText);
        assertThat(first).matches("resolvers may serve the old answer \\(127\\.0\\.0\\.11\\) for another 00:(30|2\\d)");
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> onFx(() -> !countdown.getText().equals(first)));
        assertThat(onFxGet(find(robot, "#dns-result-" + KEY, Label.class)::getText))
                .isEqualTo("fail over api.orders.test to west: now answers 127.0.0.21");
        assertThat(onFx(() -> find(robot, "#dns-clear-" + KEY, Button.class).isDisabled())).isFalse();
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> onFx(() -> window.model().events().shown().stream()
                .anyMatch(e -> e.kind() == EventKind.OPERATOR && e.message().startsWith("console: dns.failOverTo api.orders.test/west"))
                && window.model().events().shown().stream().anyMatch(e -> e.kind() == EventKind.DNS_ANSWER)));

        // West answers already: disabling east leaves the answer as it is, so nothing is asked.
        FxClick.clickOn(robot, "#dns-disable-" + KEY + "-east");
        Label eastStatus = find(robot, "#dns-status-" + KEY + "-east", Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> eastStatus.getText().equals("DISABLED")));
        assertThat(onFx(() -> eastStatus.getStyleClass().contains("dns-disabled"))).isTrue();
        assertThat(profiles.snapshot(PROFILE).endpoint("east").enabled()).isFalse();
        assertThat(onFx(() -> find(robot, "#dns-enable-" + KEY + "-east", Button.class).isDisabled())).isFalse();
    }

    @Test
    void theCalculatorWarnsAboutATtlOf300Seconds(FxRobot robot) throws Exception {
        FxClick.clickOn(robot, "DNS");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#calc-ttl-" + KEY));
        @SuppressWarnings("unchecked")
        Spinner<Integer> ttl = find(robot, "#calc-ttl-" + KEY, Spinner.class);
        VBox warnings = find(robot, "#calc-warnings-" + KEY, VBox.class);
        assertThat(onFxGet(() -> warnings.getChildren().size())).as("the demo's settings are sound").isZero();

        replaceText(robot, ttl.getEditor(), "300");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> onFx(() -> warnings.getChildren().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().contains("TTL 5 min is long"))));
        assertThat(onFxGet(find(robot, ".calc-summary", Label.class)::getText))
                .isEqualTo("Worst-case automatic failover: 5 min 11 s");
        assertThat(session.embeddedGateway().trafficProfiles().snapshot(PROFILE).ttl()).as("only tried out").isEqualTo(30);
    }

    @Test
    void aRemoteGatewaysProfilesShowAndAFailOverFromTheConsoleChangesItsAnswer(FxRobot robot, @TempDir Path dir)
            throws Exception {
        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir)) {
            selectRemote(robot, window, remote, "shop-remote");
            FxClick.clickOn(robot, "DNS");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> present(robot, "#dns-failover-api-shop-test-blue"));
            Label answer = find(robot, "#dns-answer-api-shop-test", Label.class);
            assertThat(onFxGet(answer::getText)).isEqualTo(RemoteGatewayHarness.RED_TARGET);

            FxClick.clickOn(robot, "#dns-failover-api-shop-test-blue");
            FxClick.clickOn(robot, "OK");

            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> remote.gateway.trafficProfiles()
                    .snapshot(RemoteGatewayHarness.PROFILE).answer().equals(List.of(RemoteGatewayHarness.BLUE_TARGET)));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> onFx(() -> answer.getText().equals(RemoteGatewayHarness.BLUE_TARGET)));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> window.model().events().shown().stream()
                    .anyMatch(e -> e.gatewayId().equals("shop-remote") && e.kind() == EventKind.OPERATOR
                            && e.message().startsWith("tester: dns.failOverTo api.shop.test/blue"))));
        }
    }

    /** What the embedded gateway's responder answers now, over UDP. */
    private List<String> ask() throws IOException {
        SimpleResolver resolver = new SimpleResolver(session.embeddedGateway().dnsAddress());
        resolver.setTimeout(Duration.ofSeconds(3));
        Message m = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(PROFILE + "."), Type.A, DClass.IN)));
        return m.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
    }
}
