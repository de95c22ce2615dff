package dev.switchboard.gateway;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.sim.SimBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real loopback setup for gateway tests: named {@link SimBackend}s, a gateway on an ephemeral port, and an HTTP
 * client. Config JSON may name a backend's address as {@code ${name}}.
 */
final class GatewayHarness implements AutoCloseable {

    final Map<String, SimBackend> sims = new LinkedHashMap<>();
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    Gateway gateway;

    GatewayHarness sims(String... names) {
        for (String name : names) {
            SimBackend sim = new SimBackend(name);
            sim.start(new InetSocketAddress("127.0.0.1", 0));
            sims.put(name, sim);
        }
        return this;
    }

    SimBackend sim(String name) {
        return sims.get(name);
    }

    GatewayConfig config(String json) {
        String resolved = json;
        for (var e : sims.entrySet()) {
            resolved = resolved.replace("${" + e.getKey() + "}", "127.0.0.1:" + e.getValue().port());
        }
        return ConfigLoader.parse(resolved).orThrow();
    }

    GatewayHarness start(String json) {
        gateway = Gateway.start(config(json), new InetSocketAddress("127.0.0.1", 0));
        return this;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20)).build());
    }

    HttpResponse<String> post(String pathAndQuery, String body) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close(Duration.ofSeconds(2));
        }
        sims.values().forEach(SimBackend::close);
        client.close();
    }
}
