package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Eventually;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading from the watched file: a good file applies, a bad one is rejected and the old config keeps serving. */
class ConfigWatcherTest {

    private static final String CONFIG = """
            { "backends": { "a": { "url": "http://${a}" }, "b": { "url": "http://${b}" } },
              "apis": [ { "name": "api", "path": "/", "backendId": "%s" } ] }
            """;

    @TempDir
    Path dir;

    private final GatewayHarness h = new GatewayHarness();
    private ConfigWatcher watcher;

    @AfterEach
    void close() {
        if (watcher != null) {
            watcher.close();
        }
        h.close();
    }

    private String resolved(String backend) {
        return CONFIG.formatted(backend).replace("${a}", "127.0.0.1:" + h.sim("a").port()).replace("${b}", "127.0.0.1:" + h.sim("b").port());
    }

    /** Starts sims a and b, a gateway on a, and a watcher of dir/gateway.json, which routes to a. */
    private Path watchingAGatewayOnA() throws Exception {
        h.sims("a", "b");
        Path file = dir.resolve("gateway.json");
        Files.writeString(file, resolved("a"));
        h.gateway = Gateway.start(h.config(resolved("a")), new InetSocketAddress("127.0.0.1", 0));
        watcher = ConfigWatcher.start(file, h.gateway);
        return file;
    }

    @Test
    void goodFileIsAppliedAndBadFileIsRejected() throws Exception {
        Path file = watchingAGatewayOnA();
        assertThat(watcher.reload()).isEqualTo(ConfigApplier.Outcome.UNCHANGED);

        Files.writeString(file, resolved("b"));
        awaitBackend("b");

        Files.writeString(file, resolved("nonexistent"));
        assertThat(watcher.reload()).isEqualTo(ConfigApplier.Outcome.REJECTED);
        Files.writeString(file, "{ \"apis\": [ ");
        assertThat(watcher.reload()).isEqualTo(ConfigApplier.Outcome.REJECTED);
        assertThat(h.get("/").headers().firstValue("X-Sim-Backend")).contains("b");

        Files.writeString(file, resolved("a"));
        awaitBackend("a");
    }

    @Test
    void anEditMadeWhileTheGatewayStartedIsApplied() throws Exception {
        h.sims("a", "b");
        Path file = dir.resolve("gateway.json");
        Files.writeString(file, resolved("a"));
        h.gateway = Gateway.start(h.config(resolved("a")), new InetSocketAddress("127.0.0.1", 0));
        // Edited after the start read the file and before the watcher began (during the warm-up, say).
        Files.writeString(file, resolved("b"));
        watcher = ConfigWatcher.start(file, h.gateway);
        awaitBackend("b");
    }

    @Test
    void anEditIsAppliedWhileAFileBesideItIsWrittenWithoutPause() throws Exception {
        Path file = watchingAGatewayOnA();
        // An access log beside the config, written every few milliseconds as traffic flows.
        Path log = dir.resolve("access.jsonl");
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().daemon().start(() -> {
            while (writing.get()) {
                try {
                    Files.writeString(log, "{\"status\":200}\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    Thread.sleep(5);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        try {
            Files.writeString(file, resolved("b"));
            awaitBackend("b");
        } finally {
            writing.set(false);
            writer.join();
        }
    }

    @Test
    void aSwappedLinkIsFollowedAsKubernetesUpdatesAConfigMap() throws Exception {
        h.sims("a", "b");
        // A ConfigMap volume: gateway.json -> ..data/gateway.json, ..data -> ..v1; an update writes ..v2 and
        // renames a new ..data link over the old one, so the directory's only event names ..data.
        Files.createDirectories(dir.resolve("..v1"));
        Files.createDirectories(dir.resolve("..v2"));
        Files.writeString(dir.resolve("..v1/gateway.json"), resolved("a"));
        Files.writeString(dir.resolve("..v2/gateway.json"), resolved("b"));
        Files.createSymbolicLink(dir.resolve("..data"), Path.of("..v1"));
        Path file = Files.createSymbolicLink(dir.resolve("gateway.json"), Path.of("..data/gateway.json"));
        h.gateway = Gateway.start(h.config(resolved("a")), new InetSocketAddress("127.0.0.1", 0));
        watcher = ConfigWatcher.start(file, h.gateway);

        Files.move(Files.createSymbolicLink(dir.resolve("..data_tmp"), Path.of("..v2")), dir.resolve("..data"),
                StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        awaitBackend("b");
    }

    @Test
    void aRefusedFileIsNotifiedToWebhooks() throws Exception {
        h.sims("a", "b");
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String withWebhook = resolved("a").replace("\"apis\"", ("\"notifications\": { \"webhooks\": [ { \"name\": \"ops\", "
                + "\"url\": \"http://127.0.0.1:%d/\", \"events\": [ \"configRefused\" ], \"retries\": 0 } ] }, \"apis\"").formatted(closed));
        Path file = dir.resolve("gateway.json");
        Files.writeString(file, withWebhook);
        h.gateway = Gateway.start(h.config(withWebhook), new InetSocketAddress("127.0.0.1", 0));
        watcher = ConfigWatcher.start(file, h.gateway);
        Files.writeString(file, "{ \"apis\": [ ");
        assertThat(watcher.reload()).isEqualTo(ConfigApplier.Outcome.REJECTED);
        // The target is down: the refusal was sent, failed and counted (twice when the watcher saw the change too).
        Eventually.await("configRefused sent to the webhook", Duration.ofSeconds(10),
                () -> h.gateway.notifications().stats().getFirst().retriesExhausted() >= 1);
    }

    private void awaitBackend(String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!h.get("/").headers().firstValue("X-Sim-Backend").orElseThrow().equals(expected)) {
            assertThat(System.nanoTime()).as("reload to %s", expected).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
