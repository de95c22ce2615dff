package dev.switchboard.console.config;

/**
 * One gateway's part of an Apply's confirmation: what the config leads to there, or why its dry run failed (a stale
 * version, an invalid config, an unreachable gateway).
 *
 * @param preview null when the dry run failed
 * @param failure why it failed, in words; null when it did not
 */
public record GatewayApplyPreview(String gatewayId, ApplyPreview preview, String failure) {

    public boolean failed() {
        return preview == null;
    }
}
