package dev.switchboard.dns.server;

import dev.switchboard.dns.TrafficProfile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TextParseException;

/**
 * The zone as the responder looks names up in it: profiles by DNS name (dnsjava names compare case-insensitively),
 * the names between the apex and the profiles (which exist without data), and the SOA of negative answers. Built
 * once per config.
 */
final class ZoneIndex {

    /** TTL of the SOA in negative answers, and so how long resolvers cache NXDOMAIN and no-data answers. */
    static final long NEGATIVE_TTL = 30;

    final Map<String, TrafficProfile> source;
    final String zone;
    final Name apex;
    final SOARecord soa;
    private final Map<Name, TrafficProfile> profiles = new HashMap<>();
    private final Set<Name> emptyNonTerminals = new HashSet<>();

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
                    emptyNonTerminals.add(new Name(n, n.labels() - labels));
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

    /** True for the apex and for names that only lead to deeper profile names: they exist, without data. */
    boolean existsWithoutData(Name name) {
        return name.equals(apex) || emptyNonTerminals.contains(name);
    }

    private static Name absolute(String name) {
        try {
            return Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + name, e);
        }
    }
}
