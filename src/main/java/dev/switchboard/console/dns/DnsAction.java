package dev.switchboard.console.dns;

import dev.switchboard.console.feed.GatewayControl;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One operator action on a traffic profile.
 *
 * @param endpoint null for {@link Kind#CLEAR_FAILOVER}
 */
public record DnsAction(Kind kind, String endpoint) {

    public enum Kind {
        DISABLE,
        ENABLE,
        FAIL_OVER,
        CLEAR_FAILOVER
    }

    public static DnsAction disable(String endpoint) {
        return new DnsAction(Kind.DISABLE, endpoint);
    }

    public static DnsAction enable(String endpoint) {
        return new DnsAction(Kind.ENABLE, endpoint);
    }

    public static DnsAction failOverTo(String endpoint) {
        return new DnsAction(Kind.FAIL_OVER, endpoint);
    }

    public static DnsAction clearFailover() {
        return new DnsAction(Kind.CLEAR_FAILOVER, null);
    }

    /** e.g. "fail over api.orders.test to west". */
    public String describe(String profile) {
        return switch (kind) {
            case DISABLE -> "disable " + profile + "/" + endpoint;
            case ENABLE -> "enable " + profile + "/" + endpoint;
            case FAIL_OVER -> "fail over " + profile + " to " + endpoint;
            case CLEAR_FAILOVER -> "clear the fail-over of " + profile;
        };
    }

    /** What the event log files it under: the endpoint, or the profile for a profile-wide action. */
    String target(String profile) {
        return endpoint == null ? profile : profile + "/" + endpoint;
    }

    CompletableFuture<List<String>> send(GatewayControl control, String profile) {
        return switch (kind) {
            case DISABLE -> control.disableEndpoint(profile, endpoint);
            case ENABLE -> control.enableEndpoint(profile, endpoint);
            case FAIL_OVER -> control.failOverTo(profile, endpoint);
            case CLEAR_FAILOVER -> control.clearFailover(profile);
        };
    }
}
