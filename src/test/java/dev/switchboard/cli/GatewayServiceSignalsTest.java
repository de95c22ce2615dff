package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sim.SimBackend;
import dev.switchboard.testing.Eventually;
import dev.switchboard.testing.SwitchboardProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code switchboard gateway} as the systemd unit runs it, in a real process: {@code --state-dir} holds the state,
 * SIGHUP reloads the config (what {@code systemctl reload} sends), a bad file on SIGHUP is rejected while the
 * gateway keeps serving, a SIGHUP during the start is applied once it has started instead of ending the process
 * (systemd counts a death by SIGHUP as a clean exit and would not restart the service), and SIGTERM drains and exits 0.
 */
class GatewayServiceSignalsTest {

    private static final String CONFIG = """
            { "backends": { "blue": { "url": "http://127.0.0.1:%d" }, "green": { "url": "http://127.0.0.1:%d" } },
              "apis": [ { "name": "all", "path": "/", "backendId": "%s" } ] }
            """;

    private final SimBackend blue = new SimBackend("blue");
    private final SimBackend green = new SimBackend("green");
    private final HttpClient http = HttpClient.newHttpClient();
    private Process gateway;

    @TempDir
    Path dir;

    @BeforeEach
    void startBackends() {
        blue.start(new InetSocketAddress("127.0.0.1", 0));
        green.start(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (gateway != null && gateway.isAlive()) {
            gateway.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        http.close();
        blue.close();
        green.close();
    }

    @Test
    void sighupReloadsTheConfigAndSigtermDrains() throws Exception {
        Path config = dir.resolve("edge.json");
        Path state = dir.resolve("state/edge");
        Path log = dir.resolve("gateway.log");
        Files.writeString(config, config("blue"));
        // An override saved by an earlier run: it must be read from --state-dir, not from beside the config.
        Files.createDirectories(state);
        Files.writeString(state.resolve("edge.json.overrides.json"), "{ \"adminStates\": [ { \"backend\": \"green\", \"state\": \"ENABLED\" } ] }");
        gateway = SwitchboardProcess.start(log, "gateway", "--config", config.toString(), "--listen", "127.0.0.1:0", "--admin", "127.0.0.1:0",
                "--state-dir", state.toString());
        Eventually.await("gateway listening", Duration.ofSeconds(30), () -> read(log).contains("listening on http://") || !gateway.isAlive());
        URI uri = listeningUri(log);
        assertThat(servedBy(uri)).isEqualTo("blue");
        // The admin listener starts after the proxy's listener: wait for its line, which names the audit log.
        Eventually.await("admin listener started", Duration.ofSeconds(30), () -> read(log).contains("admin listener on") || !gateway.isAlive());
        assertThat(read(log)).as("overrides and the default audit log live in --state-dir").contains(
                "re-applied 1 runtime override(s) from " + state.resolve("edge.json.overrides.json"),
                "audit log " + state.resolve("switchboard-audit.jsonl"));

        // Reloads apply once the start is over (one during the start is kept until then: the next test).
        Eventually.await("started", Duration.ofSeconds(30), () -> read(log).contains("SIGHUP reloads") || !gateway.isAlive());
        hangup();
        Eventually.await("SIGHUP reload of an unchanged file", Duration.ofSeconds(20), () -> read(log).contains("SIGHUP: reloading " + config + ": unchanged"));

        Files.writeString(config, "{ \"backends\": { \"blue\": { \"url\": \"not a url\" } } }");
        hangup();
        Eventually.await("SIGHUP reload of a bad file", Duration.ofSeconds(20), () -> read(log).contains("SIGHUP: reloading " + config + ": rejected"));
        assertThat(gateway.isAlive()).as("a bad file on SIGHUP never stops the gateway").isTrue();
        assertThat(servedBy(uri)).as("still serving the previous config").isEqualTo("blue");

        Files.writeString(config, config("green"));
        hangup();
        Eventually.await("green config applied", Duration.ofSeconds(20), () -> "green".equals(servedBy(uri)));

        stopsWithExitZero();
        assertThat(read(log)).contains("gateway stopped");
    }

    @Test
    void aSighupWhileTheConfigIsStillBeingReadIsAppliedOnceStartedInsteadOfEndingTheProcess() throws Exception {
        // The config is first a FIFO that this test holds open: the gateway's start stops at reading it, which makes
        // "as early as the gateway can be seen starting" a moment the test can wait for.
        Path config = dir.resolve("edge.json");
        Path next = dir.resolve("edge.json.next");
        Path log = dir.resolve("gateway.log");
        assertThat(new ProcessBuilder("mkfifo", config.toString()).start().waitFor(10, TimeUnit.SECONDS)).isTrue();
        Files.writeString(next, config("blue"));
        try (FileChannel fifo = FileChannel.open(config, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            gateway = SwitchboardProcess.start(log, "gateway", "--config", config.toString(), "--listen", "127.0.0.1:0");
            Eventually.await("gateway reading its config", Duration.ofSeconds(30), () -> hasOpen(config) || !gateway.isAlive());
            hangup();
            Eventually.await("SIGHUP kept for later", Duration.ofSeconds(20), () -> read(log).contains("SIGHUP while starting") || !gateway.isAlive());
            assertThat(gateway.isAlive()).as("a SIGHUP during the start never ends the gateway; its output:%n%s", read(log)).isTrue();
            // A regular file takes the FIFO's name, so the reload after the start reads the same config from it.
            Files.move(next, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            fifo.write(ByteBuffer.wrap(config("blue").getBytes(StandardCharsets.UTF_8)));
        }
        Eventually.awaitText(log, "SIGHUP: reloading " + config + ": unchanged", Duration.ofSeconds(30));
        assertThat(servedBy(listeningUri(log))).isEqualTo("blue");
        stopsWithExitZero();
    }

    private void stopsWithExitZero() throws InterruptedException {
        gateway.destroy();
        assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(gateway.exitValue()).as("exit code after SIGTERM and drain").isZero();
    }

    /** Whether the gateway process has {@code file} open, by its descriptors in /proc. */
    private boolean hasOpen(Path file) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(gateway.pid()), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file);
                } catch (IOException e) {
                    return false; // closed since it was listed
                }
            });
        } catch (IOException e) {
            return false; // the process has gone
        }
    }

    private static URI listeningUri(Path log) {
        Matcher address = Pattern.compile("listening on http://([0-9.]+:[0-9]+)").matcher(read(log));
        assertThat(address.find()).as("listening line in %s", read(log)).isTrue();
        return URI.create("http://" + address.group(1) + "/orders/1");
    }

    private String config(String backend) {
        return CONFIG.formatted(blue.port(), green.port(), backend);
    }

    private void hangup() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(gateway.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    /** The X-Sim-Backend of a GET through the gateway, or the status when no backend answered. */
    private String servedBy(URI uri) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return r.headers().firstValue("X-Sim-Backend").orElse("status " + r.statusCode());
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
