package dev.switchboard.config;

import java.time.Duration;

/**
 * The gateway process: where it listens and how it runs.
 *
 * @param id             name shown in consoles and telemetry
 * @param listen         host:port of the HTTP listener
 * @param eventLoops     event-loop threads; 0 means one per core
 * @param maxHeaderSize  largest request head accepted, in bytes (beyond it: 431)
 * @param drainTimeout   how long in-flight requests may finish on shutdown
 * @param tls            the listener's certificate for HTTPS; null for plain HTTP
 * @param region         where this gateway runs (APIM's {@code context.Deployment.Region}); null when not set
 * @param accessLog      the access log; null for none
 */
public record GatewaySettings(String id, String listen, int eventLoops, int maxHeaderSize, Duration drainTimeout, ListenerTls tls,
        String region, AccessLogConfig accessLog) {

    public static final GatewaySettings DEFAULTS =
            new GatewaySettings("gateway", "127.0.0.1:8080", 0, 16 * 1024, Duration.ofSeconds(30), null, null, null);

    /** The same settings under another id (a fleet gateway's {@code --id} wins over the shared config's). */
    public GatewaySettings withId(String newId) {
        return new GatewaySettings(newId, listen, eventLoops, maxHeaderSize, drainTimeout, tls, region, accessLog);
    }

    /** The same settings in another region (a gateway's {@code --region} flag wins over its file). */
    public GatewaySettings withRegion(String newRegion) {
        return new GatewaySettings(id, listen, eventLoops, maxHeaderSize, drainTimeout, tls, newRegion, accessLog);
    }

    /** The same settings with another event-loop count (a gateway's {@code --event-loops} flag wins over its file). */
    public GatewaySettings withEventLoops(int threads) {
        return new GatewaySettings(id, listen, threads, maxHeaderSize, drainTimeout, tls, region, accessLog);
    }

    /** The same settings with another access log (a gateway's {@code --access-log} flag wins over its file). */
    public GatewaySettings withAccessLog(AccessLogConfig log) {
        return new GatewaySettings(id, listen, eventLoops, maxHeaderSize, drainTimeout, tls, region, log);
    }
}
