package dev.switchboard.console;

import dev.switchboard.console.feed.GatewayFeed;
import dev.switchboard.console.remote.GatewayStore;
import dev.switchboard.console.remote.RemoteGatewayFeed;
import dev.switchboard.demo.DemoOnFreePorts;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Removing gateways from a session: remote ones are closed and forgotten, the embedded one stays. */
class ConsoleSessionTest {

    private static final URI NOWHERE = URI.create("ws://127.0.0.1:9/telemetry");

    @Test
    void aRemovedRemoteGatewayIsClosedAndForgottenInTheStore(@TempDir Path dir) throws Exception {
        GatewayStore store = new GatewayStore(dir.resolve("gateways.json"));
        store.save(new GatewayStore.Entry("edge-1", NOWHERE, "t1"));
        store.save(new GatewayStore.Entry("edge-2", NOWHERE, "t2"));
        try (ConsoleSession session = ConsoleSession.remoteOnly().remembering(store)) {
            session.add(new RemoteGatewayFeed("edge-1", NOWHERE, "t1"));
            session.add(new RemoteGatewayFeed("edge-2", NOWHERE, "t2"));

            session.remove("edge-1");

            assertThat(session.feeds()).extracting(GatewayFeed::id).containsExactly("edge-2");
            assertThat(store.load()).extracting(GatewayStore.Entry::name).containsExactly("edge-2");
            assertThat(session.removable("edge-1")).isFalse();
        }
    }

    @Test
    void theEmbeddedGatewayIsNotRemovable() {
        var config = DemoOnFreePorts.config();
        try (ConsoleSession session = ConsoleSession.embedded(config)) {
            session.add(new RemoteGatewayFeed("edge-1", NOWHERE, "t1"));

            assertThat(session.removable(ConsoleSession.EMBEDDED_ID)).isFalse();
            assertThat(session.removable("edge-1")).isTrue();
            assertThatThrownBy(() -> session.remove(ConsoleSession.EMBEDDED_ID)).isInstanceOf(IllegalArgumentException.class);
            assertThat(session.feeds()).extracting(GatewayFeed::id).containsExactly(ConsoleSession.EMBEDDED_ID, "edge-1");
        }
    }
}
