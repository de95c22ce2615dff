package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sim.SimBackend;
import dev.switchboard.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code switchboard gateway} as the systemd unit runs it, in a real process: {@code --state-dir} holds the state,
 * SIGHUP reloads the config (what {@code systemctl reload} sends), a bad file on SIGHUP is rejected while the
 * gateway keeps serving, and SIGTERM drains and exits 0.
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
        blue.start(new InetSocketAddress("127.0.0.1", 0));
        green.start(new InetSocketAddress("127.0.0.1", 0));
        Path config = dir.resolve("edge.json");
        Path state = dir.resolve("state/edge");
        Path log = dir.resolve("gateway.log");
        Files.writeString(config, config("blue"));
        // An override saved by an earlier run: it must be read from --state-dir, not from beside the config.
        Files.createDirectories(state);
        Files.writeString(state.resolve("edge.json.overrides.json"), "{ \"adminStates\": [ { \"backend\": \"green\", \"state\": \"ENABLED\" } ] }");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        gateway = new ProcessBuilder(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "dev.switchboard.cli.Main", "gateway", "--config", config.toString(),
                "--listen", "127.0.0.1:0", "--admin", "127.0.0.1:0", "--state-dir", state.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Eventually.await("gateway listening", Duration.ofSeconds(30), () -> read(log).contains("listening on http://") || !gateway.isAlive());
        Matcher address = Pattern.compile("listening on http://([0-9.]+:[0-9]+)").matcher(read(log));
        assertThat(address.find()).as("listening line in %s", read(log)).isTrue();
        URI uri = URI.create("http://" + address.group(1) + "/orders/1");
        assertThat(servedBy(uri)).isEqualTo("blue");
        // The admin listener starts after the proxy's listener: wait for its line, which names the audit log.
        Eventually.await("admin listener started", Duration.ofSeconds(30), () -> read(log).contains("admin listener on") || !gateway.isAlive());
        assertThat(read(log)).as("overrides and the default audit log live in --state-dir").contains(
                "re-applied 1 runtime override(s) from " + state.resolve("edge.json.overrides.json"),
                "audit log " + state.resolve("switchboard-audit.jsonl"));

        // Only once the start is over does a SIGHUP reload (one during the start is logged and ignored).
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

        gateway.destroy();
        assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(gateway.exitValue()).as("exit code after SIGTERM and drain").isZero();
        assertThat(read(log)).contains("gateway stopped");
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
