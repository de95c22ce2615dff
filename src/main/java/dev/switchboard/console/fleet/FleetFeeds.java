package dev.switchboard.console.fleet;

import dev.switchboard.console.remote.RemoteGatewayFeed;
import dev.switchboard.fleet.GatewayStatus;
import java.net.URI;

/** A registered gateway's telemetry, reached with the fleet's viewer or operator token. */
public final class FleetFeeds {

    private FleetFeeds() {
    }

    /** {@code http://host:port} (the registration's admin URL) as its telemetry stream, {@code ws://host:port/telemetry}. */
    public static URI telemetryUri(String adminUrl) {
        URI admin = URI.create(adminUrl);
        String scheme = "https".equals(admin.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + admin.getAuthority() + "/telemetry");
    }

    /** A feed for {@code gateway}, or null when it has no admin listener to watch. */
    public static RemoteGatewayFeed feed(GatewayStatus gateway, String token) {
        return gateway.adminUrl() == null ? null : new RemoteGatewayFeed(gateway.id(), telemetryUri(gateway.adminUrl()), token);
    }
}
