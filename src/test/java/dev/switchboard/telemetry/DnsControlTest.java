package dev.switchboard.telemetry;

import static dev.switchboard.telemetry.TelemetryHarness.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.telemetry.client.CommandException;
import dev.switchboard.telemetry.client.TelemetryClient;
import dev.switchboard.telemetry.protocol.GatewayState.EndpointView;
import dev.switchboard.telemetry.protocol.GatewayState.ProfileView;
import dev.switchboard.telemetry.protocol.Reply;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import dev.switchboard.testing.Eventually;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** DNS fail-over commands over the real WebSocket: operator only, audited, streamed as profile state and events. */
class DnsControlTest extends FreshHarness {

    private static final String PROFILE = "api.orders.test";

    @Test
    void theStateCarriesEachProfileWithItsAnswerAndEndpoints() {
        TelemetryClient viewer = h.live(TelemetryHarness.VIEWER, new RecordingListener());
        ProfileView p = viewer.model().trafficProfile(PROFILE);
        assertThat(p.ttl()).isEqualTo(30);
        assertThat(p.routing()).isEqualTo("priority");
        assertThat(p.answer()).containsExactly("192.0.2.1");
        assertThat(p.monitor()).isNull();
        assertThat(p.endpoints()).extracting(EndpointView::name, EndpointView::monitorStatus, EndpointView::inAnswer)
                .containsExactly(tuple("east", "ONLINE", true), tuple("west", "ONLINE", false));
        assertThat(h.adminGet("/api/state", TelemetryHarness.VIEWER).body()).contains("\"trafficProfiles\":[{\"name\":\"api.orders.test\"");
    }

    @Test
    void operatorFailsOverDisablesAndEnablesAndEveryConsoleSeesIt() throws Exception {
        RecordingListener watcherEvents = new RecordingListener();
        TelemetryClient op = h.live(TelemetryHarness.OPERATOR, new RecordingListener());
        TelemetryClient watcher = h.live(TelemetryHarness.VIEWER, watcherEvents);
        long version = op.model().version();

        Reply.Ack ack = result(op.dnsFailOverTo(PROFILE, "west"));
        assertThat(ack.answer()).containsExactly("192.0.2.2");
        assertThat(ack.version()).as("runtime state: the config version stays").isEqualTo(version);
        Eventually.await("state streamed", WAIT, () -> watcher.model().trafficProfile(PROFILE).answer().equals(List.of("192.0.2.2")));
        ProfileView p = watcher.model().trafficProfile(PROFILE);
        assertThat(p.failedOverTo()).isEqualTo("west");
        assertThat(p.endpoint("west").effectivePriority()).isZero();
        assertThat(p.answerChangedAtMs()).isGreaterThan(0);

        assertThat(result(op.dnsDisableEndpoint(PROFILE, "west")).answer()).containsExactly("192.0.2.1");
        assertThat(result(op.dnsDisableEndpoint(PROFILE, "east")).answer()).as("NXDOMAIN").isEmpty();
        assertThat(result(op.dnsEnableEndpoint(PROFILE, "east")).answer()).containsExactly("192.0.2.1");
        assertThat(result(op.dnsClearFailover(PROFILE)).answer()).containsExactly("192.0.2.1");
        assertThat(h.gateway.trafficProfiles().snapshot(PROFILE).endpoint("west").status().name()).isEqualTo("DISABLED");

        Eventually.await("events", WAIT, () -> watcherEvents.events.stream().filter(e -> e instanceof TelemetryEvent.OperatorAction).count() == 5);
        assertThat(watcherEvents.events).filteredOn(e -> e instanceof TelemetryEvent.DnsAnswer).isNotEmpty();
        assertThat(watcherEvents.events).filteredOn(e -> e instanceof TelemetryEvent.EndpointStatus)
                .map(e -> ((TelemetryEvent.EndpointStatus) e).endpoint() + " " + ((TelemetryEvent.EndpointStatus) e).to())
                .startsWith("west DISABLED", "east DISABLED", "east ONLINE");
        List<String> audit = Files.readAllLines(h.admin.auditLog());
        assertThat(audit).hasSize(5);
        assertThat(audit.getFirst()).contains("\"who\":\"alice\"", "\"action\":\"dns.failOverTo\"", "\"target\":\"api.orders.test/west\"",
                "\"before\":\"answer [192.0.2.1]\"", "\"after\":\"answer [192.0.2.2], failed over to west\"");
    }

    @Test
    void viewersAreRefusedAndUnknownNamesAreNamed() throws Exception {
        TelemetryClient viewer = h.live(TelemetryHarness.VIEWER, new RecordingListener());
        assertThatThrownBy(() -> result(viewer.dnsDisableEndpoint(PROFILE, "east"))).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(CommandException.class).hasMessageContaining("FORBIDDEN");
        TelemetryClient op = h.live(TelemetryHarness.OPERATOR, new RecordingListener());
        assertThatThrownBy(() -> result(op.dnsFailOverTo("api.order.test", "east"))).cause()
                .hasMessageContaining("unknown traffic profile \"api.order.test\"; profiles: api.orders.test");
        assertThatThrownBy(() -> result(op.dnsDisableEndpoint(PROFILE, "north"))).cause()
                .hasMessageContaining("profile \"api.orders.test\" has no endpoint \"north\"; its endpoints are east, west");
        assertThat(h.gateway.trafficProfiles().snapshot(PROFILE).answer()).containsExactly("192.0.2.1");
        assertThat(Files.exists(h.admin.auditLog())).isFalse();
    }

    @Test
    void aCommandWithoutItsFieldsSaysWhichIsMissing() {
        RawConsole raw = h.raw(TelemetryHarness.OPERATOR);
        raw.send("{\"type\":\"dns.failOverTo\",\"id\":\"x1\",\"profile\":\"api.orders.test\"}");
        assertThat(raw.reply("x1").path("message").asText()).isEqualTo("missing field \"endpoint\"");
    }
}
