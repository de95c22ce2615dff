package dev.switchboard.config.binding;

import dev.switchboard.config.DnsNames;
import dev.switchboard.config.TrafficEndpoint;
import java.util.List;

/**
 * One entry of a profile's {@code endpoints}. Stateful per list: an endpoint without {@code priority} gets its
 * position (1, 2, ...), as Traffic Manager assigns them.
 */
final class TrafficEndpointBinder implements Binder<TrafficEndpoint> {

    private int position;

    @Override
    public List<String> fields() {
        return List.of("name", "target", "priority", "weight", "enabled", "region");
    }

    @Override
    public TrafficEndpoint bind(FieldReader in) {
        position++;
        String name = in.requiredString("name");
        if (name != null && name.isBlank()) {
            in.problem("name", "must not be empty");
        }
        String target = in.requiredString("target");
        if (target != null) {
            checkTarget(in, target);
        }
        String region = in.string("region");
        if (region != null && region.isBlank()) {
            in.problem("region", "must not be empty");
        }
        return new TrafficEndpoint(name, target, in.integer("priority", 1, 1000, Math.min(position, 1000)),
                in.integer("weight", 1, 1000, 1), in.bool("enabled", true), region);
    }

    private static void checkTarget(FieldReader in, String target) {
        try {
            if (DnsNames.address(target) != null) {
                return;
            }
        } catch (IllegalArgumentException e) {
            in.problem("target", "\"" + target + "\" is not an IPv4 or IPv6 address");
            return;
        }
        String problem = DnsNames.problem(target);
        if (problem != null) {
            in.problem("target", "\"" + target + "\" is neither an IP address nor a host name: " + problem);
        }
    }
}
