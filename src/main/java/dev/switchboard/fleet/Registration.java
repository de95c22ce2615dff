package dev.switchboard.fleet;

/**
 * A gateway's entry in the fleet's registry.
 *
 * @param id        the gateway's {@code --id}
 * @param region    its {@code --region}, or null
 * @param adminUrl  its admin listener (telemetry at {@code /telemetry}, {@code /healthz}, {@code /metrics}), or null
 * @param startedAt ISO-8601 instant the gateway started
 * @param version   version of the applied fleet config (the config key's version)
 * @param hash      hash of the applied config
 * @param revision  etcd revision of the applied config
 * @param refusal   the last config it refused, or null
 */
public record Registration(String id, String region, String adminUrl, String startedAt, long version, String hash, long revision,
                           Refusal refusal) {
}
