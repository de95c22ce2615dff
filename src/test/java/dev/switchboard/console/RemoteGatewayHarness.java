package dev.switchboard.console;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.demo.TrafficGenerator;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.sim.SimBackend;
import dev.switchboard.telemetry.server.AdminServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A second, headless gateway as an operator would run it (`switchboard gateway` with an admin section): two
 * simulated backends in pool "shop", a DNS traffic profile, its telemetry server on a real loopback socket, and some
 * traffic.
 */
final class RemoteGatewayHarness implements AutoCloseable {

    static final String TOKEN = "console-test-operator-token";
    /** A DNS traffic profile without a monitor: red (priority 1) answers until an operator acts. */
    static final String PROFILE = "api.shop.test";
    static final String RED_TARGET = "127.0.0.31";
    static final String BLUE_TARGET = "127.0.0.41";

    final SimBackend red = new SimBackend("red");
    final SimBackend blue = new SimBackend("blue");
    private final Path file;
    Gateway gateway;
    AdminServer admin;
    TrafficGenerator traffic;
    private boolean running;

    RemoteGatewayHarness(Path dir) throws IOException {
        red.start(new InetSocketAddress("127.0.0.1", 0));
        blue.start(new InetSocketAddress("127.0.0.1", 0));
        String json = """
                {
                  "gateway": { "id": "remote-shop", "listen": "127.0.0.1:0" },
                  "diagnostics": true,
                  "backends": {
                    "red": { "url": "http://127.0.0.1:%d", "circuitBreaker": { "rules": [ { "name": "five-xx",
                        "failureCondition": { "count": 3, "interval": "PT10S", "statusCodeRanges": [ { "min": 500, "max": 599 } ] },
                        "tripDuration": "PT30S" } ] } },
                    "blue": { "url": "http://127.0.0.1:%d" },
                    "shop": { "type": "Pool", "pool": { "services": [ { "id": "red", "weight": 50 }, { "id": "blue", "weight": 50 } ] } }
                  },
                  "apis": [ { "name": "shop", "path": "/shop", "backendId": "shop" } ],
                  "trafficProfiles": [ { "name": "%s", "ttl": 60, "endpoints": [
                      { "name": "red", "target": "%s" }, { "name": "blue", "target": "%s" } ] } ],
                  "dns": { "listen": "127.0.0.1:0" },
                  "admin": { "listen": "127.0.0.1:0", "statsPeriod": "PT0.25S",
                             "tokens": [ { "name": "tester", "token": "%s", "role": "operator" } ] }
                }
                """.formatted(red.port(), blue.port(), PROFILE, RED_TARGET, BLUE_TARGET, TOKEN);
        file = dir.resolve("remote-gateway.json");
        Files.writeString(file, json);
        startGateway();
    }

    private void startGateway() throws IOException {
        GatewayConfig config = ConfigLoader.load(file).orThrow();
        gateway = Gateway.start(config, new InetSocketAddress("127.0.0.1", 0));
        admin = AdminServer.start(gateway, config.admin(), file);
        traffic = TrafficGenerator.towards(config, gateway.port(), 100);
        traffic.start();
        running = true;
    }

    /** Stops the gateway as a crash would look to a console: its telemetry listener goes away. */
    void stopGateway() {
        if (running) {
            running = false;
            traffic.close();
            admin.close();
            gateway.close(Duration.ofSeconds(1));
        }
    }

    /**
     * Starts the gateway again from the same config file (so the same audit log) with its telemetry on the port it
     * had, where a console's reconnects look for it.
     */
    void restartGateway() throws IOException {
        int telemetryPort = admin.port();
        stopGateway();
        Files.writeString(file, Files.readString(file).replace("\"listen\": \"127.0.0.1:0\", \"statsPeriod\"",
                "\"listen\": \"127.0.0.1:" + telemetryPort + "\", \"statsPeriod\""));
        startGateway();
    }

    URI telemetry() {
        return URI.create("ws://127.0.0.1:" + admin.port() + "/telemetry");
    }

    @Override
    public void close() {
        stopGateway();
        red.close();
        blue.close();
    }
}
