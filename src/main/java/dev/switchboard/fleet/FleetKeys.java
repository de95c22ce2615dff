package dev.switchboard.fleet;

/**
 * The fleet's key layout in etcd, one prefix per fleet (like APISIX's {@code /apisix/routes/...}, one directory per
 * kind of record):
 * <pre>
 * /switchboard/fleets/FLEET/config                   the config JSON every gateway applies
 * /switchboard/fleets/FLEET/history/VERSION          one record per push or rollback: who, when, hash, content
 * /switchboard/fleets/FLEET/gateways/ID              a live gateway's registration, on its lease
 * /switchboard/fleets/FLEET/members/ID               the same record without a lease: gateways seen, alive or not
 * /switchboard/fleets/FLEET/breakers/BACKEND/ID      an OPEN breaker, on a lease that ends with the trip
 * </pre>
 * A history record is written in the same transaction as the config, so its mod revision is the config's revision.
 */
public final class FleetKeys {

    private final String root;

    public FleetKeys(String fleet) {
        this.root = "/switchboard/fleets/" + fleet + "/";
    }

    public String config() {
        return root + "config";
    }

    public String historyPrefix() {
        return root + "history/";
    }

    /** Zero-padded, so keys sort by version. */
    public String history(long version) {
        return historyPrefix() + String.format("%020d", version);
    }

    public String gatewaysPrefix() {
        return root + "gateways/";
    }

    public String gateway(String id) {
        return gatewaysPrefix() + id;
    }

    public String membersPrefix() {
        return root + "members/";
    }

    public String member(String id) {
        return membersPrefix() + id;
    }

    public String breakersPrefix() {
        return root + "breakers/";
    }

    public String breaker(String backendId, String gatewayId) {
        return breakersPrefix() + backendId + "/" + gatewayId;
    }

    /** The last path segment of a key: the id of a registration or a breaker's gateway. */
    public static String lastSegment(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
