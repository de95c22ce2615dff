package dev.switchboard.gateway.hardening;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.gateway.Gateway;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * A real gateway on a free loopback port in front of one {@link LoggingBackend}: api {@code /nr} has no retry
 * policy (bodies stream), api {@code /r} retries and buffers bodies up to {@link #MAX_BUFFERED} bytes (larger ones
 * stream), api {@code /nr/admin} is a separate api under {@code /nr} (its backend's path is {@code /adminbase}), api {@code /ph} forwards the client's Host.
 */
final class HardeningFixture implements AutoCloseable {

    static final int MAX_BUFFERED = 64;

    final LoggingBackend backend;
    final Gateway gateway;

    HardeningFixture() throws IOException {
        this(new LoggingBackend());
    }

    HardeningFixture(LoggingBackend backend) throws IOException {
        this.backend = backend;
        gateway = Gateway.start(ConfigLoader.parse("""
                { "backends": { "b": { "url": "http://127.0.0.1:%1$d/base" }, "adm": { "url": "http://127.0.0.1:%1$d/adminbase" } },
                  "apis": [
                    { "name": "nr", "path": "/nr", "backendId": "b" },
                    { "name": "admin", "path": "/nr/admin", "backendId": "adm" },
                    { "name": "ph", "path": "/ph", "backendId": "b", "preserveHost": true },
                    { "name": "sh", "path": "/sh", "backendId": "b", "actions": [
                      { "type": "setHeader", "name": "X-Tier", "existsAction": "override", "values": ["free"] },
                      { "type": "setHeader", "name": "X-Plan", "existsAction": "skip", "values": ["basic"] } ] },
                    { "name": "r", "path": "/r", "backendId": "b", "maxBufferedBody": %2$d,
                      "retry": { "statusCodeRanges": [ { "min": 500, "max": 599 } ], "count": 1, "interval": "PT0S" } } ] }
                """.formatted(backend.port(), MAX_BUFFERED)).orThrow(), new InetSocketAddress("127.0.0.1", 0));
    }

    RawClient client() throws IOException {
        return new RawClient(gateway.port());
    }

    /** Stops the gateway (closing its backend connections) and returns everything the backend ever received. */
    List<LoggingBackend.Received> backendLogAfterShutdown() throws InterruptedException {
        gateway.close(Duration.ofSeconds(2));
        return backend.requestsOnceClosed(Duration.ofSeconds(5));
    }

    @Override
    public void close() throws IOException {
        gateway.close(Duration.ofSeconds(1));
        backend.close();
    }
}
