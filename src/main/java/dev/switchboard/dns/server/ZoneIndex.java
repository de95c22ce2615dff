package dev.switchboard.dns.server;

import dev.switchboard.dns.TrafficProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TextParseException;

/**
 * The zone as the responder looks names up in it: profiles by DNS name (dnsjava names compare case-insensitively),
 * the names between the apex and the profiles with the profiles below each, and the SOA of negative answers. Built
 * once per config; whether a name between exists is decided per query, as profiles come and go with their endpoints.
 */
final class ZoneIndex {

    /** TTL of the SOA in negative answers, and so how long resolvers cache NXDOMAIN and no-data answers. */
    static final long NEGATIVE_TTL = 30;

    final Map<String, TrafficProfile> source;
    final String zone;
    final Name apex;
    final SOARecord soa;
    private final Map<Name, TrafficProfile> profiles = new HashMap<>();
    /** Each name strictly between the apex and a profile's name, with the profiles below it. */
    private final Map<Name, List<TrafficProfile>> below = new HashMap<>();

    ZoneIndex(String zone, Map<String, TrafficProfile> source) {
        this.source = source;
        this.zone = zone;
        this.apex = zone == null ? null : absolute(zone);
        this.soa = apex == null ? null : new SOARecord(apex, DClass.IN, NEGATIVE_TTL, absolute("ns." + zone),
                absolute("hostmaster." + zone), 1, 3600, 600, 86400, NEGATIVE_TTL);
        if (apex == null) {
            return;
        }
        source.forEach((name, profile) -> {
            Name n = absolute(name);
            if (n.subdomain(apex)) {
                profiles.put(n, profile);
                for (int labels = n.labels() - 1; labels > apex.labels(); labels--) {
                    below.computeIfAbsent(new Name(n, n.labels() - labels), k -> new ArrayList<>()).add(profile);
                }
            }
        });
    }

    /** Whether the responder is authoritative for {@code name}. */
    boolean inZone(Name name) {
        return apex != null && name.subdomain(apex);
    }

    TrafficProfile profile(Name name) {
        return profiles.get(name);
    }

    /**
     * True for the apex and for names above a profile that exists now (enabled, with an enabled endpoint): they
     * exist, without data (RFC 8020: an NXDOMAIN would deny the profile too). Above only profiles that do not exist,
     * a name does not exist either.
     */
    boolean existsWithoutData(Name name) {
        return name.equals(apex) || below.getOrDefault(name, List.of()).stream().anyMatch(TrafficProfile::exists);
    }

    private static Name absolute(String name) {
        try {
            return Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + name, e);
        }
    }
}
