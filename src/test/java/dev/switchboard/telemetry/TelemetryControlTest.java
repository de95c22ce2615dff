package dev.switchboard.telemetry;

import static dev.switchboard.telemetry.TelemetryHarness.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.config.ConfigWriter;
import dev.switchboard.engine.AdminState;
import dev.switchboard.telemetry.client.CommandException;
import dev.switchboard.telemetry.client.ConnectionState;
import dev.switchboard.telemetry.client.TelemetryClient;
import dev.switchboard.telemetry.protocol.Protocol;
import dev.switchboard.telemetry.protocol.Reply;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import dev.switchboard.testing.Eventually;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Every command over the client library, conflicts, roles, the audit log and overrides across restarts. */
class TelemetryControlTest extends FreshHarness {

    @Test
    void everyCommandIsAckedAppliedAuditedAndBroadcast() throws Exception {
        RecordingListener opL = new RecordingListener();
        RecordingListener watcherL = new RecordingListener();
        TelemetryClient op = h.live(TelemetryHarness.OPERATOR, opL);
        h.live(TelemetryHarness.VIEWER, watcherL);
        assertThat(op.status().state()).isEqualTo(ConnectionState.LIVE_IDLE);

        long v = op.model().version();
        Reply.Ack ack = result(op.setWeight(v, "pool", "b", 7));
        assertThat(ack.version()).isEqualTo(v + 1);
        assertThat(h.gateway.engine().overrides().weights()).containsValue(7);
        v = result(op.setPriority(ack.version(), "pool", "b", 2)).version();
        for (String state : List.of("DRAIN", "MAINTENANCE", "DISABLED", "ENABLED")) {
            v = result(op.setAdminState(v, "a", state)).version();
            assertThat(h.gateway.engine().overrides().adminState("a")).isEqualTo(AdminState.valueOf(state));
        }
        for (String action : List.of("OPEN", "CLOSED", "RESET")) {
            v = result(op.forceBreaker(v, "a", action)).version();
        }
        assertThat(h.gateway.engine().snapshot().backends().getFirst().breaker().name()).isEqualTo("CLOSED");
        v = result(op.clearOverrides(v)).version();
        assertThat(h.gateway.engine().overrides().weights()).isEmpty();
        String config = ConfigWriter.toJson(h.gateway.config()).replaceFirst("\"weight\" : 1\\b", "\"weight\" : 3");
        v = result(op.replaceConfig(v, config)).version();
        assertThat(h.gateway.config().backend("pool").pool().services().getFirst().weight()).isEqualTo(3);
        assertThat(h.gateway.config().admin()).as("the running admin section is kept").isNotNull();

        long last = v;
        Eventually.await("the operator's model follows", WAIT, () -> op.model().version() == last);
        Eventually.await("the other console saw 11 operator actions", WAIT,
                () -> watcherL.events.stream().filter(e -> e instanceof TelemetryEvent.OperatorAction).count() == 11);
        TelemetryEvent.OperatorAction first = (TelemetryEvent.OperatorAction) watcherL.events.stream()
                .filter(e -> e instanceof TelemetryEvent.OperatorAction).findFirst().orElseThrow();
        assertThat(first.who()).isEqualTo("alice");
        assertThat(first.action()).isEqualTo("setWeight");
        assertThat(first.target()).isEqualTo("pool/b");
        assertThat(first.before()).isEqualTo("1");
        assertThat(first.after()).isEqualTo("7");
        TelemetryEvent.ConfigChange replaced = (TelemetryEvent.ConfigChange) watcherL.events.stream()
                .filter(e -> e instanceof TelemetryEvent.ConfigChange c && !c.diff().isEmpty()).findFirst().orElseThrow();
        assertThat(replaced.diff()).containsEntry("backendsChanged", List.of("pool"));

        List<String> audit = Files.readAllLines(h.admin.auditLog());
        assertThat(audit).hasSize(11);
        assertThat(audit.getFirst()).contains("\"who\":\"alice\"").contains("\"action\":\"setWeight\"").contains("\"before\":\"1\"").contains("\"after\":\"7\"");
        assertThat(opL.threads).allMatch(t -> t.startsWith("telemetry-client-"));
    }

    @Test
    void nonAsciiTokenNamesReachTheAuditLogAndOperatorEventsExactly() throws Exception {
        // The names cross the bridge's hand-over head; "zoë" and "zoé" must stay two operators, "李雷" must not become "??".
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("zoë", TelemetryHarness.ZOE_DIAERESIS);
        tokens.put("zoé", TelemetryHarness.ZOE_ACUTE);
        tokens.put("李雷", TelemetryHarness.LI_LEI);
        int weight = 10;
        for (var e : tokens.entrySet()) {
            RawConsole c = h.raw(e.getValue());
            long v = c.next("snapshot").path("state").path("version").asLong();
            c.send("{\"type\":\"setWeight\",\"id\":\"w\",\"baseVersion\":" + v + ",\"pool\":\"pool\",\"backend\":\"b\",\"weight\":" + weight++ + "}");
            assertThat(c.next("operator").path("who").asText()).isEqualTo(e.getKey());
            c.close();
        }
        List<String> who = new ArrayList<>();
        for (String line : Files.readAllLines(h.admin.auditLog(), StandardCharsets.UTF_8)) {
            who.add(Protocol.MAPPER.readTree(line).path("who").asText());
        }
        assertThat(who).containsExactly("zoë", "zoé", "李雷");
        JsonNode overrides = Protocol.MAPPER.readTree(h.adminGet("/api/state", TelemetryHarness.VIEWER).body()).path("overrides");
        assertThat(overrides.findValuesAsText("setBy")).containsExactly("李雷");
    }

    @Test
    void aChangeBasedOnAnOldVersionIsRefusedSoNoUpdateIsLost() throws Exception {
        TelemetryClient one = h.live(TelemetryHarness.OPERATOR, new RecordingListener());
        TelemetryClient two = h.live(TelemetryHarness.OPERATOR, new RecordingListener());
        long seen = one.model().version();
        result(one.setWeight(seen, "pool", "a", 5));
        assertThatThrownBy(() -> result(two.setWeight(seen, "pool", "a", 9)))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(CommandException.class)
                .hasMessageContaining("STALE_VERSION").hasMessageContaining("based on version " + seen);
        assertThat(h.gateway.engine().overrides().weights()).containsValue(5).doesNotContainValue(9);
    }

    @Test
    void viewersCannotCommandAndBadValuesAreRefusedWithTheReason() throws Exception {
        TelemetryClient viewer = h.live(TelemetryHarness.VIEWER, new RecordingListener());
        assertThatThrownBy(() -> result(viewer.setWeight(viewer.model().version(), "pool", "a", 5)))
                .cause().isInstanceOf(CommandException.class).hasMessageContaining("FORBIDDEN").hasMessageContaining("viewer");
        TelemetryClient op = h.live(TelemetryHarness.OPERATOR, new RecordingListener());
        long v = op.model().version();
        assertThatThrownBy(() -> result(op.setWeight(v, "pool", "nope", 5)))
                .cause().isInstanceOf(CommandException.class).hasMessageContaining("REJECTED").hasMessageContaining("nope");
        assertThatThrownBy(() -> result(op.setWeight(v, "pool", "a", 5000)))
                .cause().hasMessageContaining("REJECTED").hasMessageContaining("outside 0..1000");
        Throwable invalid = org.assertj.core.api.Assertions.catchThrowable(() -> result(op.replaceConfig(v, "{\"backends\": {}}")));
        assertThat(invalid.getCause()).isInstanceOf(CommandException.class);
        CommandException ce = (CommandException) invalid.getCause();
        assertThat(ce.code()).isEqualTo(Reply.ErrorCode.INVALID_CONFIG);
        assertThat(ce.problems()).containsExactly("backends (line 1, col 14): must define at least one backend");
        assertThat(h.gateway.engine().version()).isEqualTo(v);
        assertThat(Files.exists(h.admin.auditLog())).isFalse();
    }

    @Test
    void overridesAndTheAuditLogSurviveARestartAndClientsReconnect() throws Exception {
        RecordingListener l = new RecordingListener();
        TelemetryClient op = h.live(TelemetryHarness.OPERATOR, l);
        long v = result(op.setWeight(op.model().version(), "pool", "b", 9)).version();
        result(op.setAdminState(v, "a", "DRAIN"));

        h.restart();

        Eventually.await("disconnected, then live again", WAIT, () -> l.sawState(ConnectionState.DISCONNECTED)
                && op.model() != null && op.status().state() == ConnectionState.LIVE_IDLE
                && op.model().state().pool("pool").member("b").weight() == 9);
        assertThat(h.gateway.engine().overrides().adminState("a")).isEqualTo(AdminState.DRAIN);
        assertThat(op.model().backend("a").adminState()).isEqualTo("DRAIN");
        assertThat(op.model().events()).filteredOn(e -> e instanceof TelemetryEvent.OperatorAction).hasSize(2);

        result(op.setWeight(op.model().version(), "pool", "b", 4));
        assertThat(Files.readAllLines(h.admin.auditLog())).hasSize(3);
    }

    @Test
    void anOverrideOfAMemberRemovedFromTheFileIsDroppedAtRestart() throws Exception {
        TelemetryClient op = h.live(TelemetryHarness.OPERATOR, new RecordingListener());
        long v = result(op.setWeight(op.model().version(), "pool", "b", 9)).version();
        result(op.setAdminState(v, "a", "MAINTENANCE"));
        String file = Files.readString(h.configFile);
        Files.writeString(h.configFile, file.replace(", { \"id\": \"b\", \"weight\": 1 }", ""));

        h.restart();

        assertThat(h.gateway.config().backend("pool").pool().services()).hasSize(1);
        assertThat(h.gateway.engine().overrides().weights()).as("pool/b is gone").isEmpty();
        assertThat(h.gateway.engine().overrides().adminState("a")).as("backend a still exists").isEqualTo(AdminState.MAINTENANCE);
    }

    @Test
    void putConfigIsConditionalValidatedAndAudited() throws Exception {
        String config = ConfigWriter.toJson(h.gateway.config().withAdmin(null)).replaceFirst("\"weight\" : 1\\b", "\"weight\" : 5");
        HttpResponse<String> get = h.adminGet("/api/config", TelemetryHarness.OPERATOR);
        String etag = get.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + h.gateway.engine().version() + "\"");
        assertThat(put(config, null).statusCode()).isEqualTo(428);
        assertThat(put(config, "\"999\"").statusCode()).isEqualTo(409);
        HttpResponse<String> invalid = put("{\"backends\": {}}", etag);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("must define at least one backend");
        HttpResponse<String> ok = put(config, etag);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"version\":" + h.gateway.engine().version());
        assertThat(h.gateway.config().backend("pool").pool().services().getFirst().weight()).isEqualTo(5);
        assertThat(Files.readAllLines(h.admin.auditLog())).singleElement().asString().contains("\"action\":\"replaceConfig\"");
    }

    private HttpResponse<String> put(String body, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(h.adminUri("/api/config")).header("Authorization", "Bearer " + TelemetryHarness.OPERATOR)
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return h.send(b.build());
    }
}
