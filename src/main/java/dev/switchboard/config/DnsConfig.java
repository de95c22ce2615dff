package dev.switchboard.config;

/**
 * The authoritative DNS responder that answers for the traffic profiles. Absent from a config, profiles are still
 * monitored (and shown) but nothing answers queries.
 *
 * @param listen UDP and TCP address; port 5353 by default so no privileges are needed
 * @param zone   the zone the responder is authoritative for; names outside it are REFUSED, unknown names inside
 *               it get NXDOMAIN. Resolved at load: when the file leaves it out, the profile names' longest common
 *               parent domain (null only when there is none, which the validator reports)
 */
public record DnsConfig(String listen, String zone) {

    public static final String DEFAULT_LISTEN = "127.0.0.1:5353";

    public DnsConfig withListen(String address) {
        return new DnsConfig(address, zone);
    }
}
