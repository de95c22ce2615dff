package dev.switchboard.console.config;

import dev.switchboard.console.embedded.EmbeddedGatewayFeed;
import dev.switchboard.console.rehearsal.WeightChange;
import dev.switchboard.demo.DemoOnFreePorts;
import dev.switchboard.gateway.Gateway;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor following a real in-process gateway's version, and Apply's preview from its dry run. */
class ConfigFollowTest {

    private final Gateway gateway = Gateway.start(DemoOnFreePorts.config(), new InetSocketAddress("127.0.0.1", 0));
    private final EmbeddedGatewayFeed feed = new EmbeddedGatewayFeed("gw", gateway);
    private final ConfigEditorModel editor = new ConfigEditorModel(() -> "gw", id -> feed.control(),
            id -> gateway.engine().version(), Runnable::run);

    @AfterEach
    void close() {
        feed.close();
        gateway.close();
    }

    @Test
    void withoutEditsTheEditorReloadsTheGatewaysNewConfig() {
        editor.reload().join();
        gateway.applyConfig(WeightChange.apply(gateway.config(), "orders", "orders-east-2", 40));

        editor.follow(gateway.engine().version());

        awaitIdle();
        assertThat(editor.textProperty().get()).contains("\"weight\" : 40");
        assertThat(editor.edited()).isFalse();
        assertThat(editor.rebaseOfferProperty().get()).isNull();
    }

    @Test
    void editsAreRebasedOntoTheGatewaysNewConfigKeepingBothChanges() {
        editor.reload().join();
        editor.textProperty().set(editor.textProperty().get().replaceFirst("\"weight\" : 50", "\"weight\" : 35"));
        gateway.applyConfig(WeightChange.apply(gateway.config(), "orders", "orders-east-2", 45));

        editor.follow(gateway.engine().version());
        awaitIdle();

        ConfigEditorModel.RebaseOffer offer = editor.rebaseOfferProperty().get();
        assertThat(offer).isNotNull();
        assertThat(offer.diff()).anyMatch(l -> l.startsWith("+") && l.contains("\"weight\" : 45"));
        assertThat(editor.textProperty().get()).contains("\"weight\" : 35").doesNotContain("\"weight\" : 45");

        editor.rebase();
        assertThat(editor.textProperty().get()).contains("\"weight\" : 35", "\"weight\" : 45");
        editor.apply().join();
        assertThat(editor.statusProperty().get()).isEqualTo("gw: applied");
        assertThat(gateway.config().backend("orders").pool().services().get(0).effectiveWeight()).isEqualTo(35);
        assertThat(gateway.config().backend("orders").pool().services().get(1).effectiveWeight()).isEqualTo(45);
    }

    @Test
    void anOverrideOnlyChangeBasesTheEditsOnTheNewVersionWithoutAskingAndApplySaysTheOverrideStillWins() {
        editor.reload().join();
        editor.textProperty().set(editor.textProperty().get().replaceFirst("\"weight\" : 50", "\"weight\" : 20"));
        gateway.engine().setWeight("orders", "orders-east-1", 30);

        editor.follow(gateway.engine().version());
        awaitIdle();

        assertThat(editor.rebaseOfferProperty().get()).isNull();
        assertThat(editor.statusProperty().get()).contains("runtime overrides only");
        ApplyPreview preview = editor.preview().join();
        assertThat(preview.stillWinning()).containsExactly(
                "weight orders/orders-east-1: override 30 still wins over the config's 20");
        // 30 against 50 in priority group 1; the west members (group 2) get nothing while east is available.
        assertThat(preview.split()).contains("orders: orders-east-1 38%, orders-east-2 63%, orders-west-1 0%, orders-west-2 0%");
    }

    /** Follow's read of the config runs on the feed's worker and lands on the test thread (Runnable::run). */
    private void awaitIdle() {
        feed.control().config().join();
    }
}
