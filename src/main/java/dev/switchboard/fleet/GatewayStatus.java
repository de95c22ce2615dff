package dev.switchboard.fleet;

/**
 * One row of {@code fleet status}: a registration, and whether its lease still holds it.
 *
 * @param alive false once the gateway's lease expired (it died or lost etcd for longer than the lease)
 */
public record GatewayStatus(String id, String region, boolean alive, long version, String hash, long revision, Refusal refusal,
                            String adminUrl, String startedAt) {

    static GatewayStatus of(Registration r, boolean alive) {
        return new GatewayStatus(r.id(), r.region(), alive, r.version(), r.hash(), r.revision(), r.refusal(), r.adminUrl(), r.startedAt());
    }
}
