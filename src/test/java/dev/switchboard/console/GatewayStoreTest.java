package dev.switchboard.console;

import dev.switchboard.console.remote.GatewayStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayStoreTest {

    @Test
    void remembersGatewaysByNameInAFileOnlyItsOwnerCanRead(@TempDir Path dir) throws Exception {
        GatewayStore store = new GatewayStore(dir.resolve("switchboard").resolve("gateways.json"));
        assertThat(store.load()).isEmpty();

        store.save(new GatewayStore.Entry("edge-1", URI.create("ws://10.0.0.1:9090/telemetry"), "t1"));
        store.save(new GatewayStore.Entry("edge-2", URI.create("ws://10.0.0.2:9090/telemetry"), "t2"));
        store.save(new GatewayStore.Entry("edge-1", URI.create("ws://10.0.0.9:9090/telemetry"), "t9"));

        assertThat(store.load()).containsExactly(
                new GatewayStore.Entry("edge-2", URI.create("ws://10.0.0.2:9090/telemetry"), "t2"),
                new GatewayStore.Entry("edge-1", URI.create("ws://10.0.0.9:9090/telemetry"), "t9"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        try (var files = Files.list(store.file().getParent())) {
            assertThat(files).containsExactly(store.file());
        }
    }

    @Test
    void removingAGatewayForgetsItsTokenAndKeepsTheFileOwnerOnly(@TempDir Path dir) throws Exception {
        GatewayStore store = new GatewayStore(dir.resolve("gateways.json"));
        store.save(new GatewayStore.Entry("edge-1", URI.create("ws://10.0.0.1:9090/telemetry"), "secret-one"));
        store.save(new GatewayStore.Entry("edge-2", URI.create("ws://10.0.0.2:9090/telemetry"), "secret-two"));

        assertThat(store.remove("edge-1")).isTrue();
        assertThat(store.remove("edge-1")).as("already gone").isFalse();

        assertThat(store.load()).containsExactly(
                new GatewayStore.Entry("edge-2", URI.create("ws://10.0.0.2:9090/telemetry"), "secret-two"));
        assertThat(Files.readString(store.file())).doesNotContain("secret-one");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(store.file());
        }
    }
}
