package dev.switchboard.telemetry;

import static dev.switchboard.telemetry.TelemetryHarness.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.config.ConfigWriter;
import dev.switchboard.telemetry.client.CommandException;
import dev.switchboard.telemetry.client.TelemetryClient;
import dev.switchboard.telemetry.protocol.GatewayState.OverrideView;
import dev.switchboard.telemetry.protocol.Protocol;
import dev.switchboard.telemetry.protocol.Reply;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import dev.switchboard.testing.Eventually;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runtime overrides as consoles see them over real sockets: listed in the state with the config value they shadow and
 * who set them when, cleared one at a time (audited, broadcast, persisted), and named by a config replacement (and its
 * dry run) when they will keep winning over it.
 */
class OverridesOnTheWireTest extends FreshHarness {

    @Test
    void theStateListsEachOverrideWithTheConfigValueItShadowsAndWhoSetItWhen() throws Exception {
        TelemetryClient op = h.live(TelemetryHarness.OPERATOR, new RecordingListener());
        long before = System.currentTimeMillis();
        long v = result(op.setWeight(op.model().version(), "pool", "b", 50)).version();
        v = result(op.setAdminState(v, "a", "DRAIN")).version();
        long last = v;
        Eventually.await("the state carries the overrides", WAIT, () -> op.model().version() == last && op.model().state().overrides().size() == 2);

        assertThat(op.model().state().overrides()).extracting(OverrideView::kind, OverrideView::pool, OverrideView::backend,
                OverrideView::value, OverrideView::configValue, OverrideView::setBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("weight", "pool", "b", "50", "1", "alice"),
                org.assertj.core.groups.Tuple.tuple("adminState", null, "a", "DRAIN", "ENABLED", "alice"));
        assertThat(op.model().state().override("weight", "pool", "b").setAtMs()).isBetween(before, System.currentTimeMillis());

        JsonNode state = Protocol.MAPPER.readTree(h.adminGet("/api/state", TelemetryHarness.VIEWER).body());
        assertThat(state.path("overrides").get(1).has("pool")).as("an admin state has no pool").isFalse();
        assertThat(state.path("overrides").get(0).path("setBy").asText()).isEqualTo("alice");

        h.restart();
        TelemetryClient again = h.live(TelemetryHarness.VIEWER, new RecordingListener());
        assertThat(again.model().state().override("weight", "pool", "b").setBy())
                .as("who set it comes from the audit log after a restart").isEqualTo("alice");
    }

    @Test
    void oneOverrideIsClearedAuditedBroadcastAndPersistedAndAnUnknownOneIsRefusedNamingTheKnownOnes() throws Exception {
        TelemetryClient op = h.live(TelemetryHarness.OPERATOR, new RecordingListener());
        RecordingListener watcher = new RecordingListener();
        h.live(TelemetryHarness.VIEWER, watcher);
        long v = result(op.setWeight(op.model().version(), "pool", "b", 50)).version();
        v = result(op.setAdminState(v, "a", "DRAIN")).version();
        long current = v;

        assertThatThrownBy(() -> result(op.clearOverride(current, "weight", "pool", "a")))
                .cause().isInstanceOf(CommandException.class).hasMessageContaining("REJECTED")
                .hasMessageContaining("no weight pool/a override; overrides: weight pool/b, adminState a");
        assertThatThrownBy(() -> result(op.clearOverride(current, "priority", "pool", "b")))
                .cause().hasMessageContaining("REJECTED").hasMessageContaining("no priority pool/b override");

        v = result(op.clearOverride(current, "weight", "pool", "b")).version();
        assertThat(v).isEqualTo(current + 1);
        assertThat(h.gateway.engine().overrides().weights()).isEmpty();
        assertThat(h.gateway.engine().overrides().adminStates()).containsKey("a");
        assertThat(Files.readString(overridesFile())).doesNotContain("\"backend\" : \"b\"").contains("DRAIN");
        result(op.clearOverride(v, "adminState", null, "a"));
        assertThat(h.gateway.engine().overrides().adminStates()).isEmpty();

        Eventually.await("the other console saw both clears", WAIT, () -> watcher.events.stream()
                .filter(e -> e instanceof TelemetryEvent.OperatorAction o && o.action().equals("clearOverride")).count() == 2);
        List<TelemetryEvent.OperatorAction> clears = watcher.events.stream()
                .filter(e -> e instanceof TelemetryEvent.OperatorAction o && o.action().equals("clearOverride"))
                .map(TelemetryEvent.OperatorAction.class::cast).toList();
        assertThat(clears).extracting(TelemetryEvent.OperatorAction::target, TelemetryEvent.OperatorAction::before,
                TelemetryEvent.OperatorAction::after).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pool/b", "weight 50", "weight 1 (config)"),
                org.assertj.core.groups.Tuple.tuple("a", "adminState DRAIN", "adminState ENABLED (config)"));
        assertThat(Files.readAllLines(h.admin.auditLog())).hasSize(4).last().asString()
                .contains("\"action\":\"clearOverride\"").contains("\"who\":\"alice\"");
    }

    @Test
    void badClearOverrideMessagesSayWhatIsWrong() {
        RawConsole console = h.raw(TelemetryHarness.OPERATOR);
        long v = console.next("snapshot").path("state").path("version").asLong();
        console.send("{\"type\":\"clearOverride\",\"id\":\"k\",\"baseVersion\":" + v + ",\"kind\":\"colour\",\"pool\":\"pool\",\"backend\":\"b\"}");
        assertThat(console.reply("k").path("message").asText()).isEqualTo("field \"kind\" must be one of weight, priority, adminState, got \"colour\"");
        console.send("{\"type\":\"clearOverride\",\"id\":\"p\",\"baseVersion\":" + v + ",\"kind\":\"adminState\",\"pool\":\"pool\",\"backend\":\"a\"}");
        assertThat(console.reply("p").path("message").asText()).contains("\"pool\" does not apply to kind adminState");
        console.send("{\"type\":\"clearOverride\",\"id\":\"m\",\"baseVersion\":" + v + ",\"kind\":\"weight\",\"backend\":\"a\"}");
        assertThat(console.reply("m").path("message").asText()).isEqualTo("missing field \"pool\"");
    }

    @Test
    void applyNamesTheOverridesThatStillWinAndADryRunSaysSoWithoutApplying() throws Exception {
        TelemetryClient op = h.live(TelemetryHarness.OPERATOR, new RecordingListener());
        long v = result(op.setWeight(op.model().version(), "pool", "b", 50)).version();
        String weight20 = ConfigWriter.toJson(h.gateway.config().withAdmin(null))
                .replaceFirst("(\"id\" : \"b\",\\s*\"weight\" :) 1\\b", "$1 20");
        assertThat(weight20).contains("20");

        Reply.Ack dry = result(op.replaceConfigDryRun(v, weight20));
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.version()).as("nothing applied").isEqualTo(v);
        assertThat(h.gateway.engine().version()).isEqualTo(v);
        assertThat(h.gateway.config().backend("pool").pool().services().get(1).weight()).isEqualTo(1);
        assertThat(dry.diff()).containsEntry("backendsChanged", List.of("pool"));
        assertThat(dry.overridesStillWinning()).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo("weight");
            assertThat(o.value()).isEqualTo("50");
            assertThat(o.configValue()).as("the new config's value it will shadow").isEqualTo("20");
            assertThat(o.setBy()).isEqualTo("alice");
        });
        assertThat(Files.readAllLines(h.admin.auditLog())).as("a dry run is not audited").hasSize(1);

        HttpResponse<String> httpDry = put("/api/config?dryRun=true", weight20, v);
        assertThat(httpDry.statusCode()).isEqualTo(200);
        JsonNode body = Protocol.MAPPER.readTree(httpDry.body());
        assertThat(body.path("dryRun").asBoolean()).isTrue();
        assertThat(body.path("overridesStillWinning").get(0).path("configValue").asText()).isEqualTo("20");
        assertThat(h.gateway.engine().version()).isEqualTo(v);

        Reply.Ack applied = result(op.replaceConfig(v, weight20));
        assertThat(applied.dryRun()).isNull();
        assertThat(applied.version()).isEqualTo(v + 1);
        assertThat(applied.overridesStillWinning()).singleElement().extracting(OverrideView::value, OverrideView::configValue)
                .containsExactly("50", "20");
        assertThat(h.gateway.engine().snapshot().pools().getFirst().members().get(1).weight()).as("the override still wins").isEqualTo(50);

        HttpResponse<String> put = put("/api/config", weight20.replace("\"weight\" : 20", "\"weight\" : 30"), v + 1);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(Protocol.MAPPER.readTree(put.body()).path("overridesStillWinning").get(0).path("configValue").asText()).isEqualTo("30");
    }

    private Path overridesFile() {
        return h.dir.resolve("gateway.json.overrides.json");
    }

    private HttpResponse<String> put(String pathAndQuery, String body, long ifMatch) {
        return h.send(HttpRequest.newBuilder(h.adminUri(pathAndQuery)).header("Authorization", "Bearer " + TelemetryHarness.OPERATOR)
                .header("If-Match", "\"" + ifMatch + "\"").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
